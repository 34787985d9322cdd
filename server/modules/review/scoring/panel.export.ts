import { CRITERIA } from '../../../../common/calls.js';
import type { Ctx } from '../../../http/context.js';
import { writeXlsx } from '../../imports/sheet.js';
import { getPanel } from './panel.service.js';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(2));
const CRITERION_ZH: Record<(typeof CRITERIA)[number], string> = {
  technical_value: '技术价值',
  implementation: '实施有效性',
  impact: '实际作用',
  commercialisation: '成果转化可能性',
  economic_benefit: '预期经济效益',
};

/** The panel summary of a call as one XLSX sheet, ranked (officers; the same view as GET …/panel). */
export async function panelWorkbook(ctx: Ctx, callId: string) {
  const panel = await getPanel(ctx, callId);
  const columns = [
    { header: '排名 Rank', width: 10 },
    { header: '申报名称 Title', width: 40 },
    { header: '牵头单位 Lead', width: 30 },
    { header: '评审数 Reviews', width: 10 },
    { header: '原始均分 Raw mean', width: 14 },
    { header: '校准均分 Calibrated mean', width: 14 },
    { header: '学术评估 Academic', width: 14 },
    { header: '经济评估 Economic', width: 14 },
    ...CRITERIA.map((c) => ({ header: `${CRITERION_ZH[c]} ${c}`, width: 14 })),
    { header: '共识分 Consensus', width: 12 },
    { header: '采用分 Score used', width: 12 },
    { header: '达到门槛 Passes', width: 10 },
    { header: '未达项 Missed', width: 20 },
    { header: '标记 Flagged', width: 10 },
    { header: '评审组意见 Report (zh)', width: 60 },
    { header: 'Report (en)', width: 60 },
  ];
  const rows = panel.applications.map((a) => [
    a.rank === null ? '' : String(a.rank),
    a.titleZh ?? a.titleEn ?? '',
    a.leadNameZh,
    String(a.reviews.length),
    num(a.rawMean),
    num(a.calibratedMean),
    num(a.academic),
    num(a.economic),
    ...CRITERIA.map((c) => num(a.criteriaMeans.calibrated[c])),
    num(a.consensus?.score),
    num(a.score),
    a.passesThresholds ? '是 yes' : '否 no',
    a.missedThresholds.join(', '),
    a.flagged ? '是 yes' : '',
    a.consensus?.reportZh ?? '',
    a.consensus?.reportEn ?? '',
  ]);
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return {
    filename: `panel-${callId}-${stamp}.xlsx`,
    body: await writeXlsx('评审汇总 Panel', columns, rows),
  };
}
