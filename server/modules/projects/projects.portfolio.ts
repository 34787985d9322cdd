import { HEALTH_FLAGS } from '../../../common/projects.health.js';
import { PROJECT_STATES } from '../../../common/projects.js';
import { type Ctx, isoNow, platformIdsWithRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { unitNames } from '../units/units.lookup.js';
import { readsAllProjects } from './projects.policy.js';
import {
  type PortfolioFilter,
  type PortfolioProject,
  portfolioCount,
  portfolioFlagCounts,
  portfolioProjects,
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

async function filterOf(ctx: Ctx, q: PortfolioFilterInput): Promise<PortfolioFilter> {
  return {
    platformIds: await platformsOf(ctx, q.platformId),
    ...(q.state ? { state: q.state } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.flag ? { flag: q.flag } : {}),
  };
}

/** A project of the portfolio as the page shows it: its kept figures (docs/adr/0035) and today's flags. */
function toRow(p: PortfolioProject, today: string): Row {
  const { figures, currency, ...project } = p;
  const { plannedMinor, spentMinor, nextReport } = figures;
  // As the reports-due list: a terminated project owes nothing more.
  const next = project.state === 'terminated' ? null : nextReport;
  return {
    ...project,
    indicators: { met: figures.indicatorsMet, total: figures.indicatorsTotal },
    budget:
      plannedMinor === null
        ? null
        : {
            currency,
            plannedMinor,
            spentMinor,
            burnPercent: plannedMinor > 0 ? Math.round((spentMinor / plannedMinor) * 1000) / 10 : null,
          },
    nextReport: next ? { ...next, status: next.dueOn < today ? 'overdue' : 'due' } : null,
  };
}

/** Every project the filter matches with its health, in the list's order (one query; the export). */
export async function portfolioRows(ctx: Ctx, q: PortfolioFilterInput): Promise<Row[]> {
  const today = isoNow(ctx.clock).slice(0, 10);
  const rows = await portfolioProjects(ctx.db, await filterOf(ctx, q), today);
  return rows.map((p) => toRow(p, today));
}

/** Names the units of the rows (one query). */
export async function withUnits(ctx: Ctx, rows: readonly Row[]): Promise<PortfolioItem[]> {
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.unitId).filter((x): x is string => !!x),
  );
  return rows.map(({ unitId, ...r }) => ({ ...r, unit: (unitId && units.get(unitId)) || null }));
}

/** A page of the portfolio with the count and the distribution by state × flag: three indexed queries. */
export async function getPortfolio(ctx: Ctx, q: PortfolioQuery): Promise<PortfolioView> {
  const { page, pageSize, ...input } = q;
  const today = isoNow(ctx.clock).slice(0, 10);
  const f = await filterOf(ctx, input);
  const [rows, total, byState] = await Promise.all([
    portfolioProjects(ctx.db, f, today, { limit: pageSize, offset: (page - 1) * pageSize }),
    portfolioCount(ctx.db, f, today),
    portfolioFlagCounts(ctx.db, f, today),
  ]);
  return {
    items: await withUnits(
      ctx,
      rows.map((p) => toRow(p, today)),
    ),
    total,
    page,
    pageSize,
    distribution: byState
      .flatMap(({ state, counts }) =>
        FLAG_ORDER.filter((flag) => counts[flag] > 0).map((flag) => ({ state, flag, count: counts[flag] })),
      )
      .sort(
        (a, b) =>
          PROJECT_STATES.indexOf(a.state) - PROJECT_STATES.indexOf(b.state) ||
          FLAG_ORDER.indexOf(a.flag) - FLAG_ORDER.indexOf(b.flag),
      ),
  };
}
