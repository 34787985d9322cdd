import type { HealthFlag } from '../../../common/projects.health.js';
import type { ProjectState } from '../../../common/projects.js';
import type { Ctx } from '../../http/context.js';
import { writeXlsx } from '../imports/sheet.js';
import { portfolioRows, withUnits } from './projects.portfolio.js';
import type { PortfolioFilterInput } from './projects.portfolio.schema.js';

/** The portfolio as one XLSX sheet: the same rows and filters as GET /api/projects/portfolio, every page. */

const STATE_ZH: Record<ProjectState, string> = {
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
const FLAG_ZH: Record<HealthFlag, string> = {
  overdue_report: '报告逾期',
  overspent: '超支',
  rectification: '整改',
  failed: '未通过',
};
/** Minor units as a decimal amount (two decimals, the currencies of the platforms). */
const money = (minor: number) => (minor / 100).toFixed(2);

export async function portfolioWorkbook(ctx: Ctx, q: PortfolioFilterInput) {
  const items = await withUnits(ctx, await portfolioRows(ctx, q));
  const columns = [
    { header: '项目编号 Code', width: 18, text: true },
    { header: '项目名称 Title', width: 40 },
    { header: 'Title (en)', width: 40 },
    { header: '承担单位 Unit', width: 24 },
    { header: '状态 State', width: 14 },
    { header: '健康标记 Flags', width: 20 },
    { header: '指标达成 Indicators met', width: 12 },
    { header: '指标总数 Indicators', width: 12 },
    { header: '币种 Currency', width: 8 },
    { header: '预算 Planned', width: 16 },
    { header: '支出 Spent', width: 16 },
    { header: '执行率 Burn %', width: 10 },
    { header: '下次报告 Next report', width: 14 },
  ];
  const rows = items.map((p) => [
    p.code,
    p.titleZh,
    p.titleEn,
    p.unit?.nameZh ?? '',
    `${STATE_ZH[p.state]} ${p.state}`,
    p.flags.map((f) => `${FLAG_ZH[f]} ${f}`).join(', '),
    p.indicators.met === null ? '' : String(p.indicators.met),
    String(p.indicators.total),
    p.budget?.currency ?? '',
    p.budget ? money(p.budget.plannedMinor) : '',
    p.budget ? money(p.budget.spentMinor) : '',
    p.budget?.burnPercent === null || p.budget === null ? '' : p.budget.burnPercent.toFixed(1),
    p.nextReport?.dueOn ?? '',
  ]);
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return {
    fileName: `portfolio-${stamp}.xlsx`,
    body: await writeXlsx('项目组合 Portfolio', columns, rows),
  };
}
