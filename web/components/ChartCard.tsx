import { Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from './Chart.js';

export interface ChartCardSeries {
  key: string;
  name: string;
  values: readonly number[];
}

const COLORS = ['#1d4ed8', '#15803d', '#b45309', '#7c3aed', '#be123c'];

/**
 * A bar chart of a card, with its figures as a table one click away (each chart has a table view, for
 * screen readers and for copying). Categories run down the side; one bar per series.
 */
export function ChartCard({
  title,
  testId,
  categoryTitle,
  categories,
  series,
  format = String,
  height = 260,
}: {
  title: string;
  testId?: string;
  /** The table's first column heading. */
  categoryTitle: string;
  categories: readonly string[];
  series: readonly ChartCardSeries[];
  /** How a value reads in the table and the tooltip (money, percent, …). */
  format?: (value: number) => string;
  height?: number;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const rows = categories.map((label, i) => ({
    key: `${i}`,
    label,
    ...Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? 0])),
  }));
  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        <Segmented<'chart' | 'table'>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: t('Chart') },
            { value: 'table', label: t('Table') },
          ]}
        />
      }
    >
      {view === 'chart' ? (
        <Chart
          height={height}
          label={title}
          option={{
            grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis', valueFormatter: (v) => format(Number(v)) },
            ...(series.length > 1 ? { legend: { top: 0, data: series.map((s) => s.name) } } : {}),
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: [...categories] },
            series: series.map((s, i) => ({
              type: 'bar',
              name: s.name,
              data: [...s.values],
              itemStyle: { color: COLORS[i % COLORS.length] },
            })),
          }}
        />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: categoryTitle, dataIndex: 'label' },
            ...series.map((s) => ({
              title: s.name,
              dataIndex: s.key,
              align: 'right' as const,
              render: (v: number) => format(v),
            })),
          ]}
        />
      )}
    </Card>
  );
}
