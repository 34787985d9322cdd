import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { HEALTH_FLAGS, type HealthFlag } from '../../../../common/projects.health.js';
import { PROJECT_STATES, type ProjectState } from '../../../../common/projects.js';
import { api } from '../../../api/endpoints.js';
import { type PortfolioItem, type PortfolioView, portfolioApi } from '../../../api/project-portfolio.js';
import { useLocale } from '../../../app/locale.js';
import { usePlatformChoice } from '../../../app/platformChoice.js';
import { usePlatforms } from '../../../app/platforms.js';
import { useSignedIn } from '../../../app/session.js';
import { useApi } from '../../../app/useApi.js';
import { Chart, type ChartOption } from '../../../components/Chart.js';
import { localName, pick } from '../../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../../components/PlatformSelect.js';
import { REPORT_KIND_LABELS, REPORT_STATUS_COLORS } from '../../../components/project-detail-labels.js';
import { STATE_LABELS } from '../../../components/project-labels.js';
import { saveFile } from '../../../components/save-file.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';
import { HEALTH_FLAG_LABELS } from '../detail/health.js';

type Column = HealthFlag | 'healthy';
const COLUMNS: readonly Column[] = [...HEALTH_FLAGS, 'healthy'];
const COLUMN_LABELS: Record<Column, string> = { ...HEALTH_FLAG_LABELS, healthy: tk('On track') };
const COLUMN_COLORS: Record<Column, string> = {
  overdue_report: '#fa8c16',
  overspent: '#f5222d',
  rectification: '#faad14',
  failed: '#a8071a',
  healthy: '#52c41a',
};
const PAGE_SIZE = 50;

/**
 * /portfolio 项目组合: every project of a platform the caller oversees (officers, supervisors, admins)
 * with its health, the distribution by state × flag as a chart or a table, filters in the URL (so a
 * link or the browser's back button keeps them), the XLSX of the same rows, and each project opening its page.
 */
export default function PortfolioPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const { list: platforms } = usePlatforms();
  const choice = usePlatformChoice();
  const overseen = user.roles
    .filter((r) => ['program_officer', 'supervisor', 'platform_admin'].includes(r.role))
    .map((r) => r.platformId);
  const platformId = choice.platformId ?? defaultPlatform(platforms, overseen);
  const [params, setParams] = useSearchParams();
  const state = PROJECT_STATES.find((s) => s === params.get('state'));
  const flag = HEALTH_FLAGS.find((f) => f === params.get('flag'));
  const unitId = params.get('unit') ?? undefined;
  const view = params.get('view') === 'table' ? 'table' : 'chart';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setFilters = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  const filter = { platformId, state, flag, unitId };
  const data = useApi(
    () => (platformId ? portfolioApi.get({ ...filter, page, pageSize: PAGE_SIZE }) : Promise.resolve(null)),
    [platformId, state, flag, unitId, page],
  );
  const units = useApi(() => (platformId ? api.units(platformId) : Promise.resolve(null)), [platformId]);
  const portfolio = data.data;
  const option = useMemo(() => (portfolio ? chartOption(portfolio, (k) => t(k)) : null), [portfolio, t]);
  const exportFile = () =>
    portfolioApi.file(filter).then(saveFile, (err) => message.error(errorText(t, err)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="portfolio-page">
      <Space wrap size="middle">
        <PlatformSelect
          platforms={platforms}
          value={platformId}
          onChange={(id) => {
            setFilters({ unit: undefined });
            choice.setPlatform(id);
          }}
        />
        <Select<string>
          allowClear
          placeholder={t('State')}
          aria-label={t('State')}
          style={{ minWidth: 140 }}
          value={state}
          onChange={(v) => setFilters({ state: v })}
          options={PROJECT_STATES.map((s) => ({ value: s, label: t(STATE_LABELS[s]) }))}
        />
        <Select<string>
          allowClear
          placeholder={t('Health')}
          aria-label={t('Health')}
          style={{ minWidth: 140 }}
          value={flag}
          onChange={(v) => setFilters({ flag: v })}
          options={HEALTH_FLAGS.map((f) => ({ value: f, label: t(HEALTH_FLAG_LABELS[f]) }))}
        />
        <Select<string>
          allowClear
          placeholder={t('Unit')}
          aria-label={t('Unit')}
          style={{ minWidth: 200 }}
          value={unitId}
          onChange={(v) => setFilters({ unit: v })}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
        />
        <Button icon={<DownloadOutlined />} onClick={exportFile} disabled={!platformId}>
          {t('Export XLSX')}
        </Button>
      </Space>
      {data.error ? <Alert type="error" showIcon title={errorText(t, data.error)} /> : null}
      {portfolio ? (
        <Card
          size="small"
          title={t('Projects by state and health')}
          extra={
            <Segmented
              size="small"
              value={view}
              onChange={(v) => setFilters({ view: v === 'table' ? 'table' : undefined, page: undefined })}
              options={[
                { value: 'chart', label: t('Chart') },
                { value: 'table', label: t('Table') },
              ]}
              data-testid="portfolio-view"
            />
          }
        >
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title={t('Projects')} value={portfolio.total} data-testid="portfolio-total" />
          </Space>
          {view === 'chart' && option ? (
            <Chart
              option={option}
              height={280}
              label={t('Projects by state and health')}
              testId="portfolio-chart"
            />
          ) : (
            <DistributionTable
              portfolio={portfolio}
              hrefOf={(s, c) => {
                // A real link per count: the same filters with this state and flag, from the first page.
                const next = new URLSearchParams(params);
                next.set('state', s);
                if (c === 'healthy') next.delete('flag');
                else next.set('flag', c);
                next.delete('page');
                return `?${next.toString()}`;
              }}
            />
          )}
        </Card>
      ) : null}
      <Table<PortfolioItem>
        rowKey="id"
        size="middle"
        loading={data.loading}
        dataSource={portfolio?.items ?? []}
        scroll={WIDE}
        data-testid="portfolio-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: portfolio?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (p) => setFilters({ page: p > 1 ? String(p) : undefined }),
        }}
        columns={[
          { title: t('Code'), dataIndex: 'code' },
          {
            title: t('work.title'),
            render: (_, p) => <Link to={`/projects/${p.id}`}>{pick(p.titleZh, p.titleEn, locale)}</Link>,
          },
          { title: t('Unit'), render: (_, p) => (p.unit ? localName(p.unit, locale) : '—') },
          { title: t('State'), render: (_, p) => t(STATE_LABELS[p.state]) },
          {
            title: t('Health'),
            render: (_, p) =>
              p.flags.length ? (
                p.flags.map((f) => (
                  <Tag key={f} color={COLUMN_COLORS[f]}>
                    {t(HEALTH_FLAG_LABELS[f])}
                  </Tag>
                ))
              ) : (
                <Tag color="green">{t('On track')}</Tag>
              ),
          },
          {
            title: t('Indicators met'),
            render: (_, p) =>
              p.indicators.total === 0 ? '—' : `${p.indicators.met ?? '—'} / ${p.indicators.total}`,
          },
          {
            title: t('Budget burn'),
            align: 'right',
            render: (_, p) =>
              p.budget?.burnPercent === null || !p.budget ? '—' : `${p.budget.burnPercent.toFixed(1)} %`,
          },
          {
            title: t('Next report'),
            render: (_, p) =>
              p.nextReport ? (
                <Tag color={REPORT_STATUS_COLORS[p.nextReport.status]}>
                  {t(REPORT_KIND_LABELS[p.nextReport.kind])} {p.nextReport.dueOn}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}

/** The distribution as a table: a row per state, a column per flag; each count filters the list to it. */
function DistributionTable({
  portfolio,
  hrefOf,
}: {
  portfolio: PortfolioView;
  hrefOf(state: ProjectState, column: Column): string;
}) {
  const { t } = useTranslation();
  const states = PROJECT_STATES.filter((s) => portfolio.distribution.some((d) => d.state === s));
  const count = (s: ProjectState, c: Column) =>
    portfolio.distribution.find((d) => d.state === s && d.flag === c)?.count ?? 0;
  return (
    <Table
      scroll={WIDE}
      size="small"
      rowKey={(s) => s}
      pagination={false}
      dataSource={states}
      data-testid="portfolio-distribution"
      columns={[
        { title: t('State'), render: (_, s) => t(STATE_LABELS[s]) },
        ...COLUMNS.map((c) => ({
          title: t(COLUMN_LABELS[c]),
          key: c,
          align: 'right' as const,
          render: (_: unknown, s: ProjectState) => {
            const n = count(s, c);
            return n ? <Link to={hrefOf(s, c)}>{n}</Link> : 0;
          },
        })),
      ]}
    />
  );
}

/** Stacked bars: the states with projects along the axis, one series a flag (a project with two counts twice). */
function chartOption(p: PortfolioView, label: (key: string) => string): ChartOption {
  const states = PROJECT_STATES.filter((s) => p.distribution.some((d) => d.state === s));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: states.map((s) => label(STATE_LABELS[s])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: COLUMNS.map((c) => ({
      type: 'bar',
      stack: 'flags',
      name: label(COLUMN_LABELS[c]),
      itemStyle: { color: COLUMN_COLORS[c] },
      data: states.map((s) => p.distribution.find((d) => d.state === s && d.flag === c)?.count ?? 0),
    })),
  };
}
