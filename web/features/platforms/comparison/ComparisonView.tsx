import { Alert, Card, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_MODELS, type PlatformModel } from '../../../../common/roles.js';
import { api } from '../../../api/endpoints.js';
import type { ComparisonItem } from '../../../api/types.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Chart } from '../../../components/Chart.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { MODEL_COLORS } from '../../../components/labels.js';
import { tk } from '../../../i18n/index.js';
import { MODEL_LABELS } from '../../../i18n/labels.js';
import { ComparisonTable } from './ComparisonTable.js';
import { fundingMixOption, radarHeight, radarOption } from './comparisonOptions.js';

// How the source document tells the three models apart.
const MODEL_NOTES: Record<PlatformModel, string> = {
  gov_institute: tk(
    'Set up inside government: its own laboratories do the research; the government funds, staffs and manages it',
  ),
  ppp_program: tk(
    'A government agency publishes R&D programmes; consortia with social capital apply, co-fund and carry out the projects',
  ),
  tech_alliance: tk('Led by enterprises, founded together with universities and research institutes'),
};

interface Props {
  /** Where a platform's name leads: its detail page, or its public organisation chart. */
  linkOf(p: ComparisonItem): ReactNode;
}

/** The source document's comparison of NIST with the other platforms, as charts and a table. */
export function ComparisonView({ linkOf }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [range, setRange] = useState<{ from?: number; to?: number }>({});
  const data = useApi(() => api.comparison(range), [range.from, range.to]);
  const [years, setYears] = useState<number[]>([]);
  const items = data.data?.items;
  if (items && years.length === 0) {
    const all = [...new Set(items.flatMap((p) => p.funding.years))].sort((a, b) => a - b);
    if (all.length) setYears(all);
  }
  const byModel = useMemo(
    () => PLATFORM_MODELS.map((m) => ({ model: m, items: (items ?? []).filter((p) => p.model === m) })),
    [items],
  );
  const ordered = useMemo(() => byModel.flatMap((g) => g.items), [byModel]);
  const mix = useMemo(() => fundingMixOption(ordered, t, locale), [ordered, t, locale]);
  const radars = useMemo(() => byModel.map((g) => radarOption(g.items, t, locale)), [byModel, t, locale]);

  if (data.error) return <LoadFailed error={data.error} />;
  if (!items) return <Centered />;
  const yearOptions = years.map((y) => ({ value: y, label: String(y) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="comparison">
      {items.some((p) => p.isIllustrative || p.funding.hasIllustrative) && (
        <Alert
          type="warning"
          showIcon
          title={t(
            'Figures marked * or “Illustrative” are plausible values, not taken from the source document',
          )}
          data-testid="comparison-illustrative"
        />
      )}
      <Row gutter={[16, 16]}>
        {byModel.map((g, i) => (
          <Col key={g.model} xs={24} xl={8}>
            <Card
              size="small"
              title={<Tag color={MODEL_COLORS[g.model]}>{t(MODEL_LABELS[g.model])}</Tag>}
              extra={
                <Typography.Text type="secondary">
                  {t('{{count}} platforms', { count: g.items.length })}
                </Typography.Text>
              }
              data-testid={`model-${g.model}`}
              style={{ height: '100%' }}
            >
              <Typography.Paragraph type="secondary" style={{ minHeight: 44 }}>
                {t(MODEL_NOTES[g.model])}
              </Typography.Paragraph>
              <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
                {g.items.map((p) => (
                  <Tag key={p.id} style={{ marginInlineEnd: 0 }}>
                    {linkOf(p)}
                    {p.isIllustrative ? ' *' : ''}
                  </Tag>
                ))}
              </Space>
              <Typography.Title level={5} style={{ marginTop: 8 }}>
                {t('Government participation')}
              </Typography.Title>
              <Chart
                option={radars[i]!}
                height={radarHeight(Math.max(...byModel.map((m) => m.items.length)))}
                label={t('Government participation of {{model}} platforms', {
                  model: t(MODEL_LABELS[g.model]),
                })}
                testId={`radar-${g.model}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('Funding mix by source')}
        extra={
          <Space size={4}>
            <Select
              allowClear
              placeholder={t('From year')}
              value={range.from}
              options={yearOptions}
              onChange={(from) => setRange((r) => ({ ...r, from }))}
              style={{ width: 110 }}
              aria-label={t('From year')}
            />
            <span>–</span>
            <Select
              allowClear
              placeholder={t('To year')}
              value={range.to}
              options={yearOptions.filter((o) => !range.from || o.value >= range.from)}
              onChange={(to) => setRange((r) => ({ ...r, to }))}
              style={{ width: 110 }}
              aria-label={t('To year')}
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(
            'Share of each source in the platform’s funding over the years counted; amounts, in each platform’s own currency, are in the tooltip.',
          )}
        </Typography.Paragraph>
        <Chart
          option={mix}
          height={Math.max(240, ordered.length * 40 + 70)}
          label={t('Funding mix by source')}
          testId="funding-mix"
        />
      </Card>
      <Card size="small" title={t('Platforms side by side')}>
        <ComparisonTable items={ordered} linkOf={linkOf} />
      </Card>
      <Typography.Text type="secondary">{t('* Illustrative figures, not from a source')}</Typography.Text>
    </Space>
  );
}
