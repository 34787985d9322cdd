import { z } from 'zod';
import { DASHBOARD_INDICATORS, DASHBOARDS, INDICATORS, type IndicatorId } from '../../../common/analytics.js';
import { FUNDING_SOURCE_LABELS, PLATFORM_MODEL_LABELS } from '../../../common/platforms.js';
import {
  type Cell,
  count,
  type DocTable,
  type ExportDoc,
  money,
  share,
  text,
} from '../../../common/report-doc.js';
import { RESULT_TYPE_LABELS } from '../../../common/results.js';
import { LOCALES, type PlatformModel } from '../../../common/roles.js';
import { findCjkFont } from '../../files/cjk-font.js';
import { renderPdf } from '../../files/pdf.js';
import type { Ctx } from '../../http/context.js';
import { currencyCode } from '../agreements/agreements.schema.js';
import { renderXlsx } from '../ttreports/report.xlsx.js';
import { CHART_HEIGHT, CHART_WIDTH, indicatorChartSvg } from './analytics.charts.js';
import { type AnalyticsView, analyticsQuery } from './analytics.schema.js';
import { analytics } from './analytics.service.js';

/** The analytics query plus the file's language and the dashboard whose charts it holds. */
export const analyticsExportQuery = analyticsQuery.safeExtend({
  lang: z.enum(LOCALES).default('zh-CN'),
  dashboard: z.enum(DASHBOARDS).default('supervisor'),
});
export type AnalyticsExportQuery = z.infer<typeof analyticsExportQuery>;

/** The annual report (年度报告) of one platform for one year, with the four years before it for the trend. */
export const annualReportQuery = z.strictObject({
  platformId: z.uuid(),
  year: z.coerce.number().int().min(1900).max(2200),
  basis: z.enum(['calendar', 'fiscal']).default('fiscal'),
  currency: currencyCode.default('CNY'),
  lang: z.enum(LOCALES).default('zh-CN'),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;

export interface AnalyticsFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const L = (lang: ExportDoc['lang'], zh: string, en: string) => (lang === 'zh-CN' ? zh : en);
const MODEL_ZH: Record<PlatformModel, string> = {
  gov_institute: '政府科研机构',
  ppp_program: '公私合作研发计划',
  tech_alliance: '产业技术联盟',
};
const PART_LABELS: Record<string, string> = { ...FUNDING_SOURCE_LABELS, ...RESULT_TYPE_LABELS };

function cellOf(id: IndicatorId, v: number | null | undefined, currency: string): Cell {
  const unit = INDICATORS[id].unit;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (unit === 'money') return money({ amountMinor: v, currency });
  if (unit === 'ratio') return share(v);
  return count(v);
}

/** The tables of one indicator: platforms × years (or × parts for a stock), and the breakdown by part. */
function tablesOf(id: IndicatorId, view: AnalyticsView, lang: ExportDoc['lang']): DocTable[] {
  const def = INDICATORS[id];
  const rows = view.platforms.filter((p) => p.figures[id]);
  const name = (p: (typeof rows)[number]) => L(lang, p.nameZh, p.nameEn) + (p.isIllustrative ? ' *' : '');
  const definition = L(lang, def.definitionZh, def.definitionEn);
  const platform = L(lang, '平台', 'Platform');
  const total = L(lang, '合计', 'Total');
  if (def.over === 'now') {
    const parts = def.parts ?? [];
    return [
      {
        title: L(lang, def.nameZh, def.nameEn),
        columns: [platform, ...parts.map((k) => PART_LABELS[k] ?? k), total],
        rows: rows.map((p) => [
          text(name(p)),
          ...parts.map((k) => count(p.figures[id]!.parts.find((x) => x.key === k)?.total ?? 0)),
          count(p.figures[id]!.total),
        ]),
        note: definition,
      },
    ];
  }
  const main: DocTable = {
    title: L(lang, def.nameZh, def.nameEn),
    columns: [platform, ...view.years.map(String), total],
    rows: rows.map((p) => [
      text(name(p)),
      ...view.years.map((_, i) => cellOf(id, p.figures[id]!.byYear?.[i], view.currency)),
      cellOf(id, p.figures[id]!.total, view.currency),
    ]),
    note: definition,
  };
  const parts = (def.parts ?? []).length
    ? [
        {
          title: L(lang, '分项合计', 'By part, whole period'),
          columns: [platform, ...(def.parts ?? []).map((k) => PART_LABELS[k] ?? k)],
          rows: rows.map((p) => [
            text(name(p)),
            ...(def.parts ?? []).map((k) =>
              cellOf(id, p.figures[id]!.parts.find((x) => x.key === k)?.total ?? 0, view.currency),
            ),
          ]),
        },
      ]
    : [];
  return [main, ...parts];
}

function metaOf(view: AnalyticsView, lang: ExportDoc['lang']): string[] {
  const lines = [
    `${L(lang, '期间', 'Period')}: ${view.years[0]}–${view.years.at(-1)} (${
      view.basis === 'fiscal'
        ? L(lang, '各平台财年', "each platform's fiscal year")
        : L(lang, '日历年', 'calendar years')
    })`,
    `${L(lang, '币种', 'Currency')}: ${view.currency}${
      view.converted
        ? L(
            lang,
            '（其他币种按存储的年度汇率折算）',
            ' (other currencies converted with the stored yearly rates)',
          )
        : ''
    }`,
  ];
  if (view.platforms.some((p) => p.isIllustrative || p.fundingIllustrative))
    lines.push(L(lang, '* 含示意性演示数据', '* includes illustrative demo figures'));
  lines.push(`${L(lang, '生成时间', 'Generated')}: ${view.generatedAt}`);
  return lines;
}

/** Sheet names: Excel allows 31 characters and no []:*?/\ ; the indicator's number keeps them unique. */
const sheetName = (i: number, s: string) => `${i + 1} ${s.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);

/** The dashboard's charts as an XLSX workbook: one sheet per chart with its definition; numbers as numbers. */
export async function analyticsXlsx(ctx: Ctx, q: AnalyticsExportQuery): Promise<AnalyticsFile> {
  const { lang, dashboard, ...query } = q;
  const view = await analytics(ctx, query);
  const ids = DASHBOARD_INDICATORS[dashboard].filter((id) => view.platforms.some((p) => p.figures[id]));
  const doc: ExportDoc = {
    title: L(lang, '统计分析', 'Analytics'),
    meta: metaOf(view, lang),
    lang,
    sheets: ids.map((id, i) => ({
      name: sheetName(i, L(lang, INDICATORS[id].nameZh, INDICATORS[id].nameEn)),
      title: L(lang, INDICATORS[id].nameZh, INDICATORS[id].nameEn),
      tables: tablesOf(id, view, lang),
    })),
  };
  return {
    filename: `analytics-${view.years[0]}-${view.years.at(-1)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await renderXlsx(doc),
  };
}

/** The sections of a Chinese annual report (年度报告) and the indicators each holds. */
const SECTIONS: ReadonlyArray<{ zh: string; en: string; ids: readonly IndicatorId[] }> = [
  { zh: '一、投入', en: '1. Inputs', ids: ['funding'] },
  {
    zh: '二、产出',
    en: '2. Outputs',
    ids: ['results_published', 'disclosures', 'patent_applications', 'patents_granted'],
  },
  { zh: '三、成果转化', en: '3. Technology transfer', ids: ['licences_executed', 'licence_income'] },
  { zh: '四、服务', en: '4. Services', ids: ['service_requests', 'enterprises_served'] },
  {
    zh: '五、组织实施',
    en: '5. Programmes',
    ids: [
      'calls_opened',
      'applications_submitted',
      'applications_approved',
      'success_rate',
      'projects_by_state',
    ],
  },
];

/**
 * The annual report (年度报告) of one platform as a PDF: highlights of the year against the year before,
 * then inputs, outputs, transfer, services and programmes over five years, every table with its
 * definition. Chinese with the packaged Noto Sans Hans font, or English.
 */
export async function annualReportPdf(ctx: Ctx, q: AnnualReportQuery): Promise<AnalyticsFile> {
  // Only an installation without the font package falls back to English (server/files/cjk-font.ts).
  const font = findCjkFont();
  const lang = font ? q.lang : 'en-US';
  const view = await analytics(ctx, {
    from: q.year - 4,
    to: q.year,
    basis: q.basis,
    currency: q.currency,
    platformIds: [q.platformId],
  });
  const p = view.platforms[0]!;
  const last = view.years.length - 1;
  const highlights: DocTable = {
    title: L(lang, `${q.year} 年度要点`, `Highlights of ${q.year}`),
    columns: [L(lang, '指标', 'Indicator'), String(q.year), String(q.year - 1)],
    rows: (Object.keys(p.figures) as IndicatorId[])
      .filter((id) => p.figures[id]?.byYear)
      .map((id) => [
        text(L(lang, INDICATORS[id].nameZh, INDICATORS[id].nameEn)),
        cellOf(id, p.figures[id]!.byYear![last], view.currency),
        cellOf(id, p.figures[id]!.byYear![last - 1], view.currency),
      ]),
  };
  const doc: ExportDoc = {
    title: L(lang, `${p.nameZh} ${q.year} 年度报告`, `${p.nameEn}: annual report ${q.year}`),
    meta: [
      `${L(lang, '建设模式', 'Model')}: ${L(lang, MODEL_ZH[p.model], PLATFORM_MODEL_LABELS[p.model])}; ${L(lang, '政府参与度', 'Government participation')}: ${p.govParticipation}/9`,
      ...metaOf(view, lang),
    ],
    lang,
    sheets: [
      { name: L(lang, '要点', 'Highlights'), title: L(lang, '年度要点', 'Highlights'), tables: [highlights] },
      ...SECTIONS.map((s) => ({
        name: L(lang, s.zh, s.en).slice(0, 31),
        title: L(lang, s.zh, s.en),
        tables: s.ids
          .filter((id) => p.figures[id])
          .flatMap((id) => {
            const [main, ...rest] = tablesOf(id, view, lang);
            // Each indicator's chart above its table, as vector graphics (analytics.charts.ts).
            const svg = indicatorChartSvg(id, p, view.years, lang, view.currency);
            const chart = svg ? { svg, width: CHART_WIDTH, height: CHART_HEIGHT } : undefined;
            return [{ ...main!, ...(chart ? { chart } : {}) }, ...rest];
          }),
      })),
    ],
  };
  return {
    filename: `annual-report-${p.code}-${q.year}.pdf`,
    contentType: 'application/pdf',
    body: await renderPdf(doc, font),
  };
}
