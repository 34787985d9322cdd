import { Alert, Empty, Space, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labEvaluationsApi, type UnitHistory } from '../../api/lab-evaluations.js';
import { useApi } from '../../app/useApi.js';
import { Chart, type ChartOption } from '../../components/Chart.js';
import { WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';

type Period = UnitHistory['periods'][number];
const periodLabel = (p: Pick<Period, 'fromYear' | 'toYear'>) =>
  p.fromYear === p.toYear ? `FY${p.fromYear}` : `FY${p.fromYear}–${p.toYear}`;
const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** A unit's adopted evaluation results over the periods: one line chart and the figures behind it. */
export function UnitEvaluationsTab({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const history = useApi(() => labEvaluationsApi.unitHistory(unitId), [unitId]);
  const periods = history.data?.periods ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: periods.map(periodLabel) },
      yAxis: { type: 'value', min: periods[0]?.scale.min ?? 0, max: periods[0]?.scale.max ?? 10 },
      series: [
        { name: t('Total score'), type: 'line', data: periods.map((p) => p.result.total) },
        { name: t('Academic evaluation'), type: 'line', data: periods.map((p) => p.result.academic) },
        { name: t('Economic evaluation'), type: 'line', data: periods.map((p) => p.result.economic) },
      ],
    }),
    [periods, t],
  );
  if (history.error) return <Alert type="error" showIcon title={errorText(t, history.error)} />;
  if (!history.loading && periods.length === 0)
    return <Empty description={t('No adopted evaluation of this unit yet')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Chart
        option={option}
        height={260}
        label={t('Evaluation results over the periods')}
        testId="unit-eval-chart"
      />
      <Table<Period>
        scroll={WIDE}
        rowKey="roundId"
        size="small"
        pagination={false}
        loading={history.loading}
        dataSource={periods}
        data-testid="unit-eval-table"
        columns={[
          { title: t('Period'), key: 'period', render: (_, p) => periodLabel(p) },
          { title: t('Total score'), key: 'total', render: (_, p) => fmt(p.result.total) },
          { title: t('Academic evaluation'), key: 'academic', render: (_, p) => fmt(p.result.academic) },
          { title: t('Economic evaluation'), key: 'economic', render: (_, p) => fmt(p.result.economic) },
          { title: t('Dispersion (SD)'), key: 'sd', render: (_, p) => fmt(p.result.totalSd) },
          { title: t('Scorecards'), key: 'n', render: (_, p) => p.result.scorecards },
          { title: t('Projects'), key: 'projects', render: (_, p) => p.portfolio.projects.total },
          { title: t('Outputs'), key: 'outputs', render: (_, p) => p.portfolio.outputs.total },
          { title: t('Disclosures'), key: 'disclosures', render: (_, p) => p.portfolio.ip.disclosures },
          { title: t('Patents granted'), key: 'granted', render: (_, p) => p.portfolio.ip.patentsGranted },
          { title: t('Active licences'), key: 'licences', render: (_, p) => p.portfolio.licences.active },
        ]}
      />
    </Space>
  );
}
