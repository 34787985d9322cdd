import type { TFunction } from 'i18next';
import type { CommitteeCategory, FundingSource, UnitKind } from '../../../../common/platforms.js';
import type { OrgChart } from '../../../api/types.js';
import type { ChartOption } from '../../../components/Chart.js';
import {
  CATEGORY_COLORS,
  COMMITTEE_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  localName,
  SOURCE_COLORS,
  UNIT_KIND_LABELS,
} from '../../../components/labels.js';
import { formatCompact, formatMoney } from '../../../components/money.js';
import { tk } from '../../../i18n/index.js';
import { type ChartNode, type Kind, layOut, MARGIN, SIZE } from './orgChartLayout.js';
import { wrapText } from './wrapText.js';

const STYLE: Record<Kind, { fill: string; text: string }> = {
  department: { fill: '#0b1f3a', text: '#ffffff' },
  platform: { fill: '#1d4ed8', text: '#ffffff' },
  unit: { fill: '#dbeafe', text: '#0b1f3a' },
  committee: { fill: '#6d28d9', text: '#ffffff' },
  appointer: { fill: '#ede9fe', text: '#3b0764' },
  category: { fill: '#f3e8ff', text: '#1f2937' },
  funding_source: { fill: '#dcfce7', text: '#1f2937' },
};
/** Lines that say something a box does not: who appoints, and money flowing in. */
const LINE_LABELS: Partial<Record<string, string>> = { appoints: tk('appoints'), funds: tk('funds') };

/** Names are data: no HTML in tooltips, no rich-text markup in labels. */
const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const plain = (s: string) => s.replace(/[{}]/g, ' ');

/** A light, opaque tint of a #rrggbb colour (lines behind a box must not show through it). */
export function tint(hex: string, amount = 0.16): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(255 - (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

export interface OrgChartDrawing {
  option: ChartOption;
  width: number;
  height: number;
}

/** The organisation chart of a platform as an ECharts graph with fixed positions (see orgChartLayout). */
export function orgChartOption(chart: OrgChart, t: TFunction, locale: string): OrgChartDrawing {
  const layout = layOut(chart);
  const money = (minor: number, compact: boolean) =>
    (compact ? formatCompact : formatMoney)(minor, chart.currency, chart.currencyDigits, locale);

  const title = (n: ChartNode): string => {
    if (n.kind === 'committee') return t('Evaluation committee');
    if (n.kind === 'category') return t(COMMITTEE_CATEGORY_LABELS[n.name as CommitteeCategory] ?? n.name);
    if (n.kind === 'funding_source') return t(FUNDING_SOURCE_LABELS[n.name as FundingSource] ?? n.name);
    return localName(n.nameZh || n.nameEn ? n : { nameZh: n.name }, locale);
  };
  const caption = (n: ChartNode): string => {
    switch (n.kind) {
      case 'department':
        return t('Supervising department');
      case 'platform':
        return t('Platform');
      case 'unit': {
        const kind = t(UNIT_KIND_LABELS[n.unitKind as UnitKind] ?? n.kind);
        return n.director ? `${kind} · ${t('Director')} ${localName(n.director, locale)}` : kind;
      }
      case 'committee':
        return t('Evaluates the platform · {{count}} members', { count: n.value ?? 0 });
      case 'appointer':
        return t('Appoints the committee');
      case 'category':
        return t('{{count}} members', { count: n.value ?? 0 });
      case 'funding_source':
        return `${money(n.value ?? 0, true)} · ${chart.fundingYear ?? ''}`;
    }
  };
  // Boxes are filled, not outlined: ECharts draws symbols scaled from a unit square, which thickens the
  // side borders of wide boxes. Categories and sources take a tint of their colour in every chart.
  const fillOf = (n: ChartNode): string => {
    if (n.kind === 'category') return tint(CATEGORY_COLORS[n.name as CommitteeCategory] ?? '#a78bfa');
    if (n.kind === 'funding_source') return tint(SOURCE_COLORS[n.name as FundingSource] ?? '#15803d');
    return STYLE[n.kind].fill;
  };

  const boxes = layout.placed.map(({ node: n, x, y }) => {
    const [w, h] = SIZE[n.kind];
    const style = STYLE[n.kind];
    const full = n.kind === 'funding_source' ? money(n.value ?? 0, false) : caption(n);
    return {
      id: n.id,
      name: title(n),
      x,
      y,
      symbol: 'rect',
      symbolSize: [w, h],
      itemStyle: { color: fillOf(n), borderWidth: 0 },
      label: {
        show: true,
        // Long names take two lines (English names of institutes run long); the caption stays on one.
        formatter: [
          ...wrapText(plain(title(n)), w - 16, 13).map((line) => `{t|${line}}`),
          ...wrapText(plain(caption(n)), w - 16, 11, 1).map((line) => `{c|${line}}`),
        ].join('\n'),
        rich: {
          t: {
            fontSize: 13,
            fontWeight: n.kind === 'platform' ? 700 : 600,
            color: style.text,
            lineHeight: 17,
          },
          c: { fontSize: 11, color: style.text, opacity: 0.85, lineHeight: 15 },
        },
      },
      tooltip: {
        formatter: [...new Set([n.nameZh ?? title(n), n.nameEn ?? '', full])]
          .filter(Boolean)
          .map((s) => html(plain(s)))
          .join('<br/>'),
      },
    };
  });
  const points = layout.junctions.map((j) => ({
    id: j.id,
    name: '',
    x: j.x,
    y: j.y,
    symbolSize: 0,
    silent: true,
    label: { show: false },
    tooltip: { show: false },
  }));
  const total = layout.edges.reduce((s, e) => s + (e.kind === 'funds' ? (e.value ?? 0) : 0), 0);
  const lines = layout.edges.map((e) => {
    const label = LINE_LABELS[e.kind];
    const funds = e.kind === 'funds';
    const source = funds ? (e.source.replace(/^funding:/, '') as FundingSource) : null;
    return {
      source: e.source,
      target: e.target,
      symbol: e.arrow ? ['none', 'arrow'] : ['none', 'none'],
      lineStyle: {
        color: source ? SOURCE_COLORS[source] : '#94a3b8',
        width: funds && total ? 2 + ((e.value ?? 0) / total) * 4 : 1.5,
        curveness: 0,
        opacity: 1,
      },
      label: label ? { show: true, formatter: t(label), fontSize: 11, color: '#475569' } : { show: false },
    };
  });

  return {
    width: layout.width,
    height: layout.height,
    option: {
      tooltip: { trigger: 'item', confine: true },
      animation: false,
      series: [
        {
          type: 'graph',
          layout: 'none',
          ...MARGIN,
          roam: false,
          edgeSymbolSize: 9,
          emphasis: { scale: false },
          data: [...boxes, ...points],
          links: lines,
        },
      ],
    },
  };
}
