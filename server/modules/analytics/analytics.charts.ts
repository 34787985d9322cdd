import * as echarts from 'echarts';
import { INDICATORS, type IndicatorId } from '../../../common/analytics.js';
import { currencyDigits, FUNDING_SOURCE_LABELS } from '../../../common/platforms.js';
import { RESULT_TYPE_LABELS } from '../../../common/results.js';
import type { AnalyticsPlatformView } from './analytics.schema.js';

/** Chart size in PDF points (A4 landscape leaves 770 pt between the margins). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 200;

const PALETTE = ['#1f5fa8', '#e07b39', '#3a9d5d', '#c94f4f', '#7a5ea8', '#8c8c8c'];

/** Chinese names of the breakdown keys the report draws (the English ones are the shared labels). */
const PART_ZH: Record<string, string> = {
  appropriation: '财政拨款',
  social_capital: '社会资本',
  member_dues: '会员费',
  service_income: '服务收入',
  licence_income: '许可收入',
  technology: '技术',
  publication: '论文',
  standard: '标准',
  reference_material: '标准物质',
  software: '软件',
  dataset: '数据集',
  approved: '立项',
  contracting: '任务书',
  in_progress: '执行中',
  interim_check: '中期检查',
  final_acceptance: '结题验收',
  rectification: '整改',
  closed: '结题',
  evaluated: '绩效评价',
  suspended: '暂停',
  terminated: '终止',
};
const PART_EN: Record<string, string> = {
  ...FUNDING_SOURCE_LABELS,
  ...RESULT_TYPE_LABELS,
  approved: 'Approved',
  contracting: 'Task agreement',
  in_progress: 'In progress',
  interim_check: 'Interim check',
  final_acceptance: 'Final acceptance',
  rectification: 'Rectification',
  closed: 'Concluded',
  evaluated: 'Performance evaluated',
  suspended: 'Suspended',
  terminated: 'Terminated',
};

/**
 * One indicator of one platform over the report's years as an SVG chart, drawn by ECharts on the server
 * (server-side rendering: no DOM, no canvas) so the PDF embeds it as vector paths and real text. Flows
 * are bars per year (stacked by part where the indicator has a breakdown); a stock (projects by state)
 * is one bar per part. Null when the platform has no such figure.
 */
export function indicatorChartSvg(
  id: IndicatorId,
  p: AnalyticsPlatformView,
  years: readonly number[],
  lang: 'zh-CN' | 'en-US',
  currency: string,
): string | null {
  const def = INDICATORS[id];
  const f = p.figures[id];
  if (!f) return null;
  const zh = lang === 'zh-CN';
  // Money in major units (yuan, dollars), ratios in percent: what a reader expects on an axis.
  const plot = (v: number | null | undefined) =>
    v === null || v === undefined
      ? null
      : def.unit === 'money'
        ? v / 10 ** currencyDigits(currency)
        : def.unit === 'ratio'
          ? Math.round(v * 1000) / 10
          : v;
  const partName = (k: string) => (zh ? (PART_ZH[k] ?? k) : (PART_EN[k] ?? k));
  const axisName = def.unit === 'money' ? currency : def.unit === 'ratio' ? '%' : '';
  const base = {
    animation: false,
    color: PALETTE,
    // One family for every text: the PDF maps it to the report's font (Noto Sans Hans for Chinese).
    textStyle: { fontFamily: 'sans-serif', fontSize: 10 },
    grid: { left: 64, right: 16, top: 24, bottom: 40 },
    yAxis: { type: 'value', name: axisName },
  };
  let option: Record<string, unknown>;
  if (def.over === 'now') {
    const parts = f.parts.filter((x) => x.total > 0);
    option = {
      ...base,
      xAxis: { type: 'category', data: parts.map((x) => partName(x.key)), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', data: parts.map((x) => x.total), label: { show: true, position: 'top' } }],
    };
  } else if (f.parts.length) {
    const parts = f.parts.filter((x) => x.total !== 0);
    option = {
      ...base,
      legend: { bottom: 0, data: parts.map((x) => partName(x.key)) },
      xAxis: { type: 'category', data: years.map(String) },
      series: parts.map((x) => ({
        type: 'bar',
        stack: 'parts',
        name: partName(x.key),
        data: (x.byYear ?? []).map(plot),
      })),
    };
  } else {
    option = {
      ...base,
      xAxis: { type: 'category', data: years.map(String) },
      series: [
        {
          type: 'bar',
          name: zh ? def.nameZh : def.nameEn,
          data: (f.byYear ?? []).map(plot),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
