import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ProjectFigures } from '../../../common/projects.figures.js';
import { HEALTH_FLAGS, type HealthFlag } from '../../../common/projects.health.js';
import type { ProjectOutcome, ProjectState } from '../../../common/projects.js';
import { camelRow, flag } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { keptFromRow } from './projects.figures.repository.js';

/**
 * The SQL of the portfolio (issue 13, docs/adr/0035): a page of projects, their count and the counts by
 * state × flag, each one indexed query on the projects' rows and the figures kept on them
 * (projects.figures.repository.ts), so no page reads a 任务书, a spending entry or a report. The health
 * flags are SQL over those columns and today's date, one expression per flag for the filter and the page;
 * the counts group by the same columns and apply the same rules to each group.
 */
export interface PortfolioFilter {
  /** Absent: every platform (a system admin's portfolio). */
  platformIds?: readonly string[];
  state?: string;
  unitId?: string;
  flag?: HealthFlag;
}

export interface PortfolioProject {
  id: string;
  platformId: string;
  unitId: string | null;
  kind: 'intramural' | 'extramural';
  code: string;
  titleZh: string;
  titleEn: string;
  state: ProjectState;
  outcome: ProjectOutcome | null;
  currency: string;
  figures: ProjectFigures;
  flags: HealthFlag[];
}

type Eb = ExpressionBuilder<DB, 'projects'>;

/** Whether a project raises `flag` on `today` (common/projects.health.ts, over the kept figures). */
function raises(eb: Eb, flag: HealthFlag, today: string) {
  switch (flag) {
    // A terminated project owes no more reports (as the reports-due list).
    case 'overdue_report':
      return eb.and([eb('state', '<>', 'terminated'), eb('next_report_due_on', '<', today)]);
    case 'overspent':
      return eb('overspent', '=', 1);
    case 'rectification':
      return eb('state', '=', 'rectification');
    case 'failed':
      return eb('outcome', '=', 'failed');
  }
}

const asCount = (eb: Eb, flag: HealthFlag, today: string) =>
  eb
    .case()
    .when(raises(eb, flag, today))
    .then(1)
    .else(0)
    .end();

function matching(db: Kysely<DB>, f: PortfolioFilter, today: string) {
  let q = db.selectFrom('projects');
  if (f.platformIds) q = q.where('projects.platform_id', 'in', [...f.platformIds]);
  if (f.state) q = q.where('projects.state', '=', f.state);
  if (f.unitId) q = q.where('projects.unit_id', '=', f.unitId);
  const flag = f.flag;
  if (flag) q = q.where((eb) => raises(eb, flag, today));
  return q;
}

/**
 * The projects the filter matches, newest start first (as the project list orders them), with their
 * kept figures and flags: a page of them, or all of them when `page` is absent (the export).
 */
export async function portfolioProjects(
  db: Kysely<DB>,
  f: PortfolioFilter,
  today: string,
  page?: { limit: number; offset: number },
): Promise<PortfolioProject[]> {
  if (f.platformIds?.length === 0) return [];
  let q = matching(db, f, today)
    .select([
      'id',
      'platform_id',
      'unit_id',
      'kind',
      'code',
      'title_zh',
      'title_en',
      'state',
      'outcome',
      'currency',
      'planned_minor',
      'spent_minor',
      'overspent',
      'indicators_total',
      'indicators_met',
      'next_report_kind',
      'next_report_due_on',
    ])
    .select((eb) => HEALTH_FLAGS.map((flag) => asCount(eb, flag, today).as(`flag_${flag}`)))
    .orderBy('starts_on', 'desc')
    .orderBy('code');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  return rows.map((row) => {
    const raised = row as unknown as Record<`flag_${HealthFlag}`, number | string>;
    const r = camelRow(row);
    return {
      id: r.id,
      platformId: r.platformId,
      unitId: r.unitId,
      kind: r.kind as PortfolioProject['kind'],
      code: r.code,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      state: r.state as ProjectState,
      outcome: r.outcome as ProjectOutcome | null,
      currency: r.currency,
      figures: keptFromRow(r),
      flags: HEALTH_FLAGS.filter((name) => flag(Number(raised[`flag_${name}`]))),
    };
  });
}

/** How many projects the filter matches. */
export async function portfolioCount(db: Kysely<DB>, f: PortfolioFilter, today: string): Promise<number> {
  if (f.platformIds?.length === 0) return 0;
  const row = await matching(db, f, today)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Per state, the projects the filter matches raising each flag and those raising none (`healthy`).
 * Three of the four flags are columns of the index projects_portfolio_flags (state, outcome, overspent),
 * so the SQL groups by them — in the index's order, no sorter — and counts only the one comparison that
 * depends on today (a report overdue); which flags a group raises, and so the counts by flag, follow in
 * Node from its key (a few dozen groups). The same answer as a CASE per flag per row, a fraction of the
 * work per row (bench/README.md "projects-portfolio").
 */
export async function portfolioFlagCounts(
  db: Kysely<DB>,
  f: PortfolioFilter,
  today: string,
): Promise<{ state: ProjectState; counts: Record<HealthFlag | 'healthy', number> }[]> {
  if (f.platformIds?.length === 0) return [];
  const groups = await matching(db, f, today)
    .select((eb) => [
      'state',
      'outcome',
      'overspent',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .count<number | string>(eb.case().when('next_report_due_on', '<', today).then(1).end())
        .as('due_before'),
    ])
    .groupBy(['state', 'outcome', 'overspent'])
    .execute();
  const byState = new Map<ProjectState, Record<HealthFlag | 'healthy', number>>();
  for (const g of groups) {
    const state = g.state as ProjectState;
    const n = Number(g.n);
    // A terminated project owes no more reports (as raises('overdue_report') says).
    const overdue = state === 'terminated' ? 0 : Number(g.due_before);
    const raisedByKey: Record<Exclude<HealthFlag, 'overdue_report'>, boolean> = {
      overspent: Number(g.overspent) === 1,
      rectification: state === 'rectification',
      failed: g.outcome === 'failed',
    };
    const c =
      byState.get(state) ??
      (Object.fromEntries([...HEALTH_FLAGS, 'healthy'].map((k) => [k, 0])) as Record<
        HealthFlag | 'healthy',
        number
      >);
    for (const flag of HEALTH_FLAGS)
      c[flag] += flag === 'overdue_report' ? overdue : raisedByKey[flag] ? n : 0;
    c.healthy += Object.values(raisedByKey).some(Boolean) ? 0 : n - overdue;
    byState.set(state, c);
  }
  return [...byState].map(([state, counts]) => ({ state, counts }));
}
