import { Card, Segmented, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { drillLink, INDICATORS, type IndicatorId } from '../../../common/analytics.js';
import { FUNDING_SOURCE_LABELS } from '../../../common/platforms.js';
import type { AnalyticsPlatform, AnalyticsView } from '../../api/analytics.js';
import { useLocale } from '../../app/locale.js';
import { useSignedIn } from '../../app/session.js';
import { Chart, type ChartOption } from '../../components/Chart.js';
import { localName } from '../../components/labels.js';
import { currencyDigits, formatPercent, money, toMajor } from '../../components/money.js';
import { STATE_LABELS as PROJECT_STATE_LABELS } from '../../components/project-labels.js';
import { TYPE_LABELS as RESULT_TYPE_LABELS } from '../../components/result-labels.js';
import { WIDE } from '../../components/tables.js';
import { mayOpenDrill } from './drillAccess.js';

/** The English source label (an i18n key) of a breakdown key: funding sources, result types, project states. */
const PART_LABELS: Record<string, string> = {
  ...FUNDING_SOURCE_LABELS,
  ...RESULT_TYPE_LABELS,
  ...PROJECT_STATE_LABELS,
};
export const partLabel = (key: string) => PART_LABELS[key] ?? key;

interface Props {
  id: IndicatorId;
  data: AnalyticsView;
}

/** One indicator: its chart (or table, the user's choice) with its definition beside it. */
export function IndicatorCard({ id, data }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const zh = locale === 'zh-CN';
  const def = INDICATORS[id];
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const rows = data.platforms.filter((p) => p.figures[id]);
  const fmt = (v: number | null) =>
    v === null
      ? '—'
      : def.unit === 'money'
        ? money(v, data.currency, locale)
        : def.unit === 'ratio'
          ? formatPercent(v, locale)
          : v.toLocaleString(locale);
  const option = useMemo(() => chartOption(id, data, locale, (k) => t(partLabel(k))), [id, data, locale, t]);
  if (rows.length === 0) return null;
  const name = zh ? def.nameZh : def.nameEn;
  // Each figure opens the list of the records behind it: one year, or the whole period for a total,
  // cut on the same calendar or fiscal years as the figure.
  const cell = (p: AnalyticsPlatform, v: number | null, year?: number, part?: string) => {
    const first = data.years[0]!;
    const last = data.years[data.years.length - 1]!;
    const href =
      v && def.drill && mayOpenDrill(def.drill.path, user, p.id)
        ? drillLink(id, {
            platformId: p.id,
            unitId: p.unitId,
            years: year === undefined ? [first, last] : [year, year],
            startMonth: data.basis === 'fiscal' ? p.fiscalYearStartMonth : 1,
            part,
          })
        : null;
    return href ? (
      <Link to={href} data-testid={`drill-${id}-${p.code}-${part ?? year ?? 'total'}`}>
        {fmt(v)}
      </Link>
    ) : (
      fmt(v)
    );
  };
  const columns =
    def.over === 'now'
      ? [
          {
            title: t('Platform'),
            key: 'p',
            render: (_: unknown, p: AnalyticsPlatform) => localName(p, locale),
          },
          ...(def.parts ?? []).map((key) => ({
            title: t(partLabel(key)),
            key,
            align: 'right' as const,
            render: (_: unknown, p: AnalyticsPlatform) =>
              cell(p, p.figures[id]?.parts.find((x) => x.key === key)?.total ?? 0, undefined, key),
          })),
          {
            title: t('Total'),
            key: 'total',
            align: 'right' as const,
            render: (_: unknown, p: AnalyticsPlatform) => cell(p, p.figures[id]!.total),
          },
        ]
      : [
          {
            title: t('Platform'),
            key: 'p',
            render: (_: unknown, p: AnalyticsPlatform) => localName(p, locale),
          },
          ...data.years.map((y, i) => ({
            title: String(y),
            key: String(y),
            align: 'right' as const,
            render: (_: unknown, p: AnalyticsPlatform) => cell(p, p.figures[id]!.byYear?.[i] ?? null, y),
          })),
          {
            title: t('Total'),
            key: 'total',
            align: 'right' as const,
            render: (_: unknown, p: AnalyticsPlatform) => cell(p, p.figures[id]!.total),
          },
        ];
  return (
    <Card
      size="small"
      title={name}
      data-testid={`indicator-${id}`}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('Chart') },
            { value: 'table', label: t('Table') },
          ]}
          data-testid={`indicator-${id}-view`}
        />
      }
    >
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid={`indicator-${id}-definition`}
      >
        {zh ? def.definitionZh : def.definitionEn}
      </Typography.Paragraph>
      {view === 'chart' ? (
        <Chart option={option} height={240} label={name} testId={`indicator-${id}-chart`} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={WIDE}
          dataSource={rows}
          columns={columns}
          data-testid={`indicator-${id}-table`}
        />
      )}
    </Card>
  );
}

function chartOption(
  id: IndicatorId,
  data: AnalyticsView,
  locale: string,
  partName: (key: string) => string,
): ChartOption {
  const def = INDICATORS[id];
  const rows = data.platforms.filter((p) => p.figures[id]);
  // Money is drawn in major units (yuan, dollars); counts and ratios as they are.
  const plot = (v: number | null) =>
    v === null ? null : def.unit === 'money' ? toMajor(v, currencyDigits(data.currency)) : v;
  const names = rows.map((p) => localName(p, locale));
  if (def.over === 'now')
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value' },
      series: (def.parts ?? []).map((key) => ({
        type: 'bar',
        stack: 'parts',
        name: partName(key),
        data: rows.map((p) => p.figures[id]?.parts.find((x) => x.key === key)?.total ?? 0),
      })),
    };
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 64, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: data.years.map(String) },
    yAxis: def.unit === 'ratio' ? { type: 'value', max: 1 } : { type: 'value' },
    series: rows.map((p, i) => ({
      type: rows.length > 4 ? 'line' : 'bar',
      name: names[i],
      data: (p.figures[id]?.byYear ?? []).map(plot),
    })),
  };
}
