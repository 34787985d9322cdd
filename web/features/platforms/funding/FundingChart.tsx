import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/locale.js';
import { Chart, type ChartOption } from '../../../components/Chart.js';
import { FUNDING_SOURCE_LABELS, SOURCE_COLORS } from '../../../components/labels.js';
import { formatCompact, formatMoney, toMinor } from '../../../components/money.js';
import { sourcesUsed, type YearRow } from './fundingRows.js';

interface Props {
  rows: YearRow[];
  currency: string;
  digits: number;
}

/** The funding mix by year: one stacked bar per year, one colour per source; illustrative years starred. */
export function FundingChart({ rows, currency, digits }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const option = useMemo<ChartOption>(() => {
    const sources = sourcesUsed(rows);
    const years = rows.map((r) => (r.illustrative ? `${r.year} *` : String(r.year)));
    const money = (major: number) => formatMoney(toMinor(major, digits), currency, digits, locale);
    return {
      color: sources.map((s) => SOURCE_COLORS[s]),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? money(v) : '—'),
      },
      legend: { bottom: 0, data: sources.map((s) => t(FUNDING_SOURCE_LABELS[s])) },
      grid: { left: 16, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: years },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatCompact(toMinor(v, digits), currency, digits, locale) },
      },
      series: sources.map((s) => ({
        type: 'bar',
        name: t(FUNDING_SOURCE_LABELS[s]),
        stack: 'funding',
        barMaxWidth: 48,
        emphasis: { focus: 'series' },
        data: rows.map((r) => r.amounts[s] ?? 0),
      })),
    };
  }, [rows, currency, digits, locale, t]);
  return (
    <Chart option={option} height={320} label={t('Funding by source and year')} testId="funding-chart" />
  );
}
