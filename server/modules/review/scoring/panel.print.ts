import { CRITERIA } from '../../../../common/calls.js';
import { type Cell, type ExportDoc, text } from '../../../../common/report-doc.js';
import { formatInZone } from '../../../../common/time-format.js';
import { printablePdf } from '../../../files/pdf.js';
import type { ExportOptions } from '../../../files/xlsx.js';
import type { Ctx } from '../../../http/context.js';
import { loadCall } from '../../calls/calls.lookup.js';
import { getPanel } from './panel.service.js';

type Pair = readonly [string, string];
const CRITERION: Record<(typeof CRITERIA)[number], Pair> = {
  technical_value: ['技术价值', 'Technical value'],
  implementation: ['实施有效性', 'Implementation effectiveness'],
  impact: ['实际作用', 'Actual impact'],
  commercialisation: ['成果转化可能性', 'Commercialisation potential'],
  economic_benefit: ['预期经济效益', 'Expected economic benefit'],
};
const score = (v: number | null | undefined): Cell =>
  text(v === null || v === undefined ? '—' : v.toFixed(2));

/**
 * The panel summary of a call as a PDF for the panel's meeting and the file (the call's officers, the
 * same view as GET …/panel): the ranking with raw, calibrated and consensus scores and thresholds, then
 * each submitted scorecard by its seat label (A, B…). Reviewers are printed by label only, never by name:
 * a printout leaves the office, and the labels are what the panel discusses by.
 */
export async function panelPdf(
  ctx: Ctx,
  callId: string,
  q: ExportOptions,
): Promise<{ fileName: string; body: Buffer }> {
  const panel = await getPanel(ctx, callId);
  const call = (await loadCall(ctx.db, callId))!;
  const ranked = [...panel.applications].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  );
  const printedAt = ctx.clock.now().toISOString();
  const body = await printablePdf(q.lang, (lang): ExportDoc => {
    const zh = lang === 'zh-CN';
    const l = (p: Pair) => p[zh ? 0 : 1];
    const title = (a: (typeof ranked)[number]) =>
      (zh ? (a.titleZh ?? a.titleEn) : (a.titleEn ?? a.titleZh)) ?? '—';
    return {
      lang,
      title: zh ? `评审汇总表：${call.code}` : `Panel summary: ${call.code}`,
      meta: [
        `${l(['申报指南', 'Call'])}: ${call.code} ${zh ? call.titleZh : call.titleEn}`,
        `${l(['评分范围', 'Scale'])}: ${panel.scale.min}–${panel.scale.max}`,
        `${l(['评价指标及权重', 'Criteria and weights'])}: ${panel.criteria.map((c) => `${l(CRITERION[c.key])} ${c.weight}`).join(zh ? '，' : ', ')}`,
        `${l(['打印时间', 'Printed at'])}: ${formatInZone(printedAt, lang, q.tz)}`,
      ],
      sheets: [
        {
          name: 'ranking',
          title: l(['一、排名', '1. Ranking']),
          tables: [
            {
              title: l(['评审结果', 'Results']),
              columns: [
                l(['排名', 'Rank']),
                l(['申报名称', 'Title']),
                l(['牵头单位', 'Lead']),
                l(['已评/席位', 'Reviews / seats']),
                l(['原始均分', 'Raw mean']),
                l(['校准均分', 'Calibrated mean']),
                l(['共识分', 'Consensus']),
                l(['采用分', 'Score used']),
                l(['达到门槛', 'Passes thresholds']),
              ],
              rows: ranked.map((a) => [
                text(a.rank === null ? '—' : String(a.rank)),
                text(title(a)),
                text(a.leadNameZh),
                text(`${a.reviews.length} / ${a.seats}`),
                score(a.rawMean),
                score(a.calibratedMean),
                score(a.consensus?.score),
                score(a.score),
                text(a.passesThresholds ? l(['是', 'yes']) : l(['否', 'no'])),
              ]),
            },
          ],
        },
        {
          name: 'scorecards',
          title: l(['二、评分明细', '2. Scorecards']),
          tables: [
            {
              title: l(['各评审席位的评分（校准后）', 'Each seat’s scores (calibrated)']),
              columns: [
                l(['申报名称', 'Title']),
                l(['席位', 'Seat']),
                ...CRITERIA.map((c) => l(CRITERION[c])),
                l(['总分', 'Total']),
              ],
              rows: ranked.flatMap((a) =>
                a.reviews.map((r) => [
                  text(title(a)),
                  text(r.label),
                  ...CRITERIA.map((c) => score(r.calibrated[c])),
                  score(r.calibratedTotal),
                ]),
              ),
            },
          ],
        },
      ],
    };
  });
  return { fileName: `${q.lang === 'zh-CN' ? '评审汇总表' : 'panel-summary'}-${call.code}.pdf`, body };
}
