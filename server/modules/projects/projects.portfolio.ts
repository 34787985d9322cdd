import { adjustedPlan } from '../../../common/projects.adjustments.js';
import { HEALTH_FLAGS, type HealthFlag, healthFlags } from '../../../common/projects.health.js';
import {
  AGREEMENT_AMOUNT_FIELD,
  budgetCells,
  PROJECT_STATES,
  reportingSchedule,
  SPENDING_CATEGORIES,
  type SpendingCategory,
} from '../../../common/projects.js';
import { reportStatuses } from '../../../common/projects.reports.js';
import { type Ctx, isoNow, platformIdsWithRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { unitNames } from '../units/units.lookup.js';
import { readsAllProjects } from './projects.policy.js';
import {
  type PortfolioFilter,
  portfolioAgreements,
  portfolioApprovedChanges,
  portfolioLatestJudgements,
  portfolioProjects,
  portfolioSpending,
  portfolioSubmittedReports,
} from './projects.portfolio.repository.js';
import type {
  PortfolioFilterInput,
  PortfolioItem,
  PortfolioQuery,
  PortfolioView,
} from './projects.portfolio.schema.js';

/**
 * The portfolio (issue 13): every project of the platforms whose projects the caller reads in full
 * (admins, program officers, supervisors; a system admin every platform) with its health flags,
 * indicators met, budget burn and next report. A lead or a lab director, who read only some projects,
 * has the project list instead: the portfolio is the funder's overview (403).
 */

const FLAG_ORDER = [...HEALTH_FLAGS, 'healthy'] as const;

type Row = Omit<PortfolioItem, 'unit'> & { unitId: string | null };

/** The platforms the portfolio covers for the caller, or 403. */
async function platformsOf(
  ctx: Ctx,
  platformId: string | undefined,
): Promise<PortfolioFilter['platformIds']> {
  if (platformId) {
    await platformOrNotFound(ctx.db, platformId);
    if (!readsAllProjects(ctx.actor, platformId)) throw forbidden();
    return [platformId];
  }
  if (ctx.actor?.isSystemAdmin) return undefined;
  const ids = platformIdsWithRole(ctx.actor, ['platform_admin', 'program_officer', 'supervisor']);
  if (ids.length === 0) throw forbidden();
  return ids;
}

const groupBy = <T extends { projectId: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.projectId);
    if (list) list.push(r);
    else m.set(r.projectId, [r]);
  }
  return m;
};

/** Every project the filter matches with its health, in the list's order (six queries whatever the count). */
export async function portfolioRows(ctx: Ctx, q: PortfolioFilterInput): Promise<Row[]> {
  const f: PortfolioFilter = {
    platformIds: await platformsOf(ctx, q.platformId),
    ...(q.state ? { state: q.state } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
  };
  const [projects, agreements, changes, spending, submitted, judgements] = await Promise.all([
    portfolioProjects(ctx.db, f),
    portfolioAgreements(ctx.db, f),
    portfolioApprovedChanges(ctx.db, f),
    portfolioSpending(ctx.db, f),
    portfolioSubmittedReports(ctx.db, f),
    portfolioLatestJudgements(ctx.db, f),
  ]);
  const today = isoNow(ctx.clock).slice(0, 10);
  const changesOf = groupBy(changes);
  const spentOf = groupBy(spending);
  const submittedOf = groupBy(submitted);
  const rows = projects.map((p): Row => {
    const agreement = agreements.get(p.id);
    const spent = spentOf.get(p.id) ?? [];
    const plan = agreement
      ? adjustedPlan(
          agreement.budget.flatMap((b) =>
            SPENDING_CATEGORIES.map((category: SpendingCategory) => ({
              organisationId: String(b.organisationId),
              category,
              amountMinor: Number(b[AGREEMENT_AMOUNT_FIELD[category]] ?? 0),
            })),
          ),
          changesOf.get(p.id) ?? [],
        )
      : null;
    const cells = plan ? budgetCells(plan, spent) : [];
    // As the reports-due list: a project owes the schedule of its frozen 任务书, a terminated one nothing more.
    const reports =
      agreement && p.state !== 'terminated'
        ? reportStatuses(reportingSchedule(p.startsOn, p.endsOn), submittedOf.get(p.id) ?? [], today)
        : [];
    const next = reports.find((r) => r.status !== 'submitted');
    const judged = judgements.get(p.id);
    const plannedMinor = cells.reduce((s, c) => s + c.plannedMinor, 0);
    const spentMinor = spent.reduce((s, c) => s + c.amountMinor, 0);
    return {
      id: p.id,
      platformId: p.platformId,
      unitId: p.unitId,
      kind: p.kind,
      code: p.code,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      state: p.state,
      outcome: p.outcome,
      flags: healthFlags({ state: p.state, outcome: p.outcome, reports, cells }),
      indicators: {
        met: judged ? judged.filter((j) => j === 'met').length : null,
        total: agreement?.indicators.length ?? 0,
      },
      budget: plan
        ? {
            currency: p.currency,
            plannedMinor,
            spentMinor,
            burnPercent: plannedMinor > 0 ? Math.round((spentMinor / plannedMinor) * 1000) / 10 : null,
          }
        : null,
      nextReport: next ? { kind: next.kind, dueOn: next.dueOn, status: next.status } : null,
    };
  });
  return q.flag ? rows.filter((r) => r.flags.includes(q.flag as HealthFlag)) : rows;
}

/** Names the units of the rows (one query). */
export async function withUnits(ctx: Ctx, rows: readonly Row[]): Promise<PortfolioItem[]> {
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.unitId).filter((x): x is string => !!x),
  );
  return rows.map(({ unitId, ...r }) => ({ ...r, unit: (unitId && units.get(unitId)) || null }));
}

export async function getPortfolio(ctx: Ctx, q: PortfolioQuery): Promise<PortfolioView> {
  const { page, pageSize, ...filter } = q;
  const rows = await portfolioRows(ctx, filter);
  const counts = new Map<string, PortfolioView['distribution'][number]>();
  for (const r of rows)
    for (const flag of r.flags.length ? r.flags : (['healthy'] as const)) {
      const key = `${r.state}\u0000${flag}`;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { state: r.state, flag, count: 1 });
    }
  return {
    items: await withUnits(ctx, rows.slice((page - 1) * pageSize, page * pageSize)),
    total: rows.length,
    page,
    pageSize,
    distribution: [...counts.values()].sort(
      (a, b) =>
        PROJECT_STATES.indexOf(a.state) - PROJECT_STATES.indexOf(b.state) ||
        FLAG_ORDER.indexOf(a.flag) - FLAG_ORDER.indexOf(b.flag),
    ),
  };
}
