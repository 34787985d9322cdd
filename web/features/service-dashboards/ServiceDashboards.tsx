import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.js';
import type { DashboardKind } from '../../../common/service-dashboards.js';
import { type DashboardChartData, serviceDashboardsApi } from '../../api/service-dashboards.js';
import { useLocale } from '../../app/locale.js';
import { usePlatformChoice } from '../../app/platformChoice.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { ChartCard } from '../../components/ChartCard.js';
import { localName } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { PlatformSelect } from '../../components/PlatformSelect.js';
import { errorText } from '../../i18n/errors.js';
import {
  CATEGORY_LABELS,
  DASHBOARD_CHART_TITLES,
  DASHBOARD_TITLES,
  FIGURE_LABELS,
  SERIES_LABELS,
} from './labels.js';

/** Who gets which dashboard (the server checks the same: service-dashboards.policy.ts). */
const READERS: Record<DashboardKind, readonly Role[]> = {
  enterprise: ['enterprise_user'],
  unit: ['lab_director', 'platform_admin'],
  supervisor: ['supervisor', 'platform_admin'],
};

/**
 * The services dashboards of the signed-in user's roles, on the home page under the to-dos so the work
 * finds its reader (issue 14; docs/services.md "Dashboards"): one platform at a time, the shared choice.
 */
export function ServiceDashboards() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { list } = usePlatforms();
  const kinds = (Object.keys(READERS) as DashboardKind[]).filter((k) =>
    user.roles.some((r) => READERS[k].includes(r.role)),
  );
  const [kind, setKind] = useState<DashboardKind | undefined>(kinds[0]);
  const { platformId: chosen, setPlatform } = usePlatformChoice();
  if (!kind || kinds.length === 0) return null;
  const eligible = list.filter((p) =>
    user.roles.some((r) => r.platformId === p.id && READERS[kind].includes(r.role)),
  );
  const platformId = eligible.some((p) => p.id === chosen) ? chosen : eligible[0]?.id;
  return (
    <Card
      title={t('Enterprise services overview')}
      data-testid="service-dashboards"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {kinds.length > 1 && (
            <Segmented<DashboardKind>
              value={kind}
              onChange={setKind}
              options={kinds.map((k) => ({ value: k, label: t(DASHBOARD_TITLES[k]) }))}
            />
          )}
          <PlatformSelect platforms={eligible} value={platformId} onChange={setPlatform} />
        </Space>
      }
    >
      {platformId ? <Dashboard kind={kind} platformId={platformId} /> : <Skeleton active />}
    </Card>
  );
}

function Dashboard({ kind, platformId }: { kind: DashboardKind; platformId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const d = useApi(() => serviceDashboardsApi.get(kind, platformId), [kind, platformId]);
  if (d.error) return <Alert type="error" showIcon title={errorText(t, d.error)} />;
  if (!d.data) return <Skeleton active />;
  const data = d.data;
  const format = (measure: string) => (v: number) =>
    measure === 'money'
      ? money(v, data.currency, locale)
      : measure === 'percent'
        ? `${v}%`
        : new Intl.NumberFormat(locale).format(v);
  return (
    <div data-testid={`dashboard-${kind}`}>
      <Row gutter={[16, 16]}>
        {data.figures.map((f) => (
          <Col key={f.code} xs={12} md={8} xl={6}>
            <Card size="small" className="cl-stat-card" data-testid={`figure-${f.code}`}>
              <Statistic
                title={t(FIGURE_LABELS[f.code])}
                value={f.value === null ? '—' : format(f.measure)(f.value)}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {data.charts.map((c) => (
          <Col key={c.kind} xs={24} xl={12}>
            <DashboardChartCard chart={c} format={format(c.measure)} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function DashboardChartCard({ chart, format }: { chart: DashboardChartData; format: (v: number) => string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const title = t(DASHBOARD_CHART_TITLES[chart.kind]);
  if (chart.categories.length === 0)
    return (
      <Card title={title} data-testid={`chart-${chart.kind}`}>
        <Empty description={t('Nothing to show yet')} />
      </Card>
    );
  const words = CATEGORY_LABELS[chart.kind];
  return (
    <ChartCard
      title={title}
      testId={`chart-${chart.kind}`}
      categoryTitle={t('Breakdown')}
      categories={chart.categories.map((c) =>
        c.nameZh !== null
          ? localName({ nameZh: c.nameZh, nameEn: c.nameEn }, locale)
          : t(words?.[c.code] ?? c.code),
      )}
      series={chart.series.map((s) => ({ key: s.code, name: t(SERIES_LABELS[s.code]), values: s.values }))}
      format={format}
    />
  );
}
