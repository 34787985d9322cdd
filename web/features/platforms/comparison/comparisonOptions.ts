import type { TFunction } from 'i18next';
import { FUNDING_SOURCES, RATING_DIMENSIONS, RATING_MAX } from '../../../../common/platforms.js';
import type { ComparisonItem } from '../../../api/types.js';
import type { ChartOption } from '../../../components/Chart.js';
import {
  chartName,
  FUNDING_SOURCE_LABELS,
  localName,
  RATING_LABELS,
  SOURCE_COLORS,
} from '../../../components/labels.js';
import { formatMoney, formatPercent } from '../../../components/money.js';

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The axis and legend name of a platform; a star when some of its figures are illustrative. */
export const starred = (p: ComparisonItem, locale: string) =>
  `${chartName(p, locale)}${p.isIllustrative || p.funding.hasIllustrative ? ' *' : ''}`;

const PALETTE = [
  '#1d4ed8',
  '#0e9f6e',
  '#d97706',
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#dc2626',
  '#475569',
];

/** Height of a radar with its legend below: about two platform names fit on a legend row. */
export const radarHeight = (count: number) => 270 + Math.ceil(count / 2) * 22;

/** Government participation of the platforms of one model on the three dimensions (0–3). */
export function radarOption(items: ComparisonItem[], t: TFunction, locale: string): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', confine: true },
    legend: {
      type: 'plain',
      bottom: 0,
      left: 'center',
      itemGap: 8,
      data: items.map((p) => starred(p, locale)),
    },
    radar: {
      center: ['50%', 130],
      radius: 92,
      splitNumber: RATING_MAX,
      indicator: RATING_DIMENSIONS.map((d) => ({ name: t(RATING_LABELS[d]), max: RATING_MAX, min: 0 })),
      axisName: { color: '#334155', fontSize: 12 },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        areaStyle: { opacity: 0.08 },
        data: items.map((p) => ({
          name: starred(p, locale),
          value: RATING_DIMENSIONS.map((d) => p.ratings[d]),
        })),
      },
    ],
  };
}

/**
 * Funding mix as shares of each platform's total (100% stacked bars): platforms keep their own
 * currencies, so shares compare and amounts are given in the tooltip.
 */
export function fundingMixOption(items: ComparisonItem[], t: TFunction, locale: string): ChartOption {
  const byName = new Map(items.map((p) => [starred(p, locale), p]));
  const tooltip = (name: string) => {
    const p = byName.get(name);
    if (!p) return '';
    const { funding: f } = p;
    const years = f.years.length ? `${f.years[0]}–${f.years[f.years.length - 1]}` : '';
    const lines = f.bySource
      .filter((s) => s.amountMinor > 0)
      .map(
        (s) =>
          `${html(t(FUNDING_SOURCE_LABELS[s.source]))}: ${formatPercent(s.share, locale)} · ${formatMoney(s.amountMinor, f.currency, f.currencyDigits, locale)}`,
      );
    return [
      `<b>${html(localName(p, locale))}</b> ${html(years)}`,
      ...(lines.length ? lines : [html(t('No funding recorded yet'))]),
      ...(f.hasIllustrative ? [html(t('* Illustrative figures, not from a source'))] : []),
    ].join('<br/>');
  };
  return {
    color: FUNDING_SOURCES.map((s) => SOURCE_COLORS[s]),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return tooltip(String((first as { name?: string } | undefined)?.name ?? ''));
      },
    },
    legend: { bottom: 0, data: FUNDING_SOURCES.map((s) => t(FUNDING_SOURCE_LABELS[s])) },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((p) => starred(p, locale)),
      axisLabel: { width: 200, overflow: 'truncate', fontSize: 12 },
    },
    series: FUNDING_SOURCES.map((s) => ({
      type: 'bar',
      name: t(FUNDING_SOURCE_LABELS[s]),
      stack: 'mix',
      barMaxWidth: 22,
      emphasis: { focus: 'series' },
      data: items.map(
        (p) => Math.round((p.funding.bySource.find((b) => b.source === s)?.share ?? 0) * 1000) / 10,
      ),
    })),
  };
}
