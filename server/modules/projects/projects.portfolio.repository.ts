import type { Kysely } from 'kysely';
import type { AdjustmentChange } from '../../../common/projects.adjustments.js';
import type { ProjectOutcome, ProjectState, SpendingCategory } from '../../../common/projects.js';
import type { ReportKind } from '../../../common/projects.reports.js';
import type { DB } from '../../db/schema.js';

/**
 * The SQL of the portfolio (issue 13): one query per table for every project the filter matches, each
 * narrowed by the same subquery on projects rather than by a list of ids, so the number of queries and
 * bound parameters stays fixed whether the filter matches ten projects or fifty thousand.
 */
export interface PortfolioFilter {
  /** Absent: every platform (a system admin's portfolio). */
  platformIds?: readonly string[];
  state?: string;
  unitId?: string;
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
  startsOn: string;
  endsOn: string;
}

function matching(db: Kysely<DB>, f: PortfolioFilter) {
  let q = db.selectFrom('projects');
  if (f.platformIds) q = q.where('projects.platform_id', 'in', [...f.platformIds]);
  if (f.state) q = q.where('projects.state', '=', f.state);
  if (f.unitId) q = q.where('projects.unit_id', '=', f.unitId);
  return q;
}

const ids = (db: Kysely<DB>, f: PortfolioFilter) => matching(db, f).select('projects.id');

/** The projects, newest start first (as the project list orders them). */
export async function portfolioProjects(db: Kysely<DB>, f: PortfolioFilter): Promise<PortfolioProject[]> {
  if (f.platformIds?.length === 0) return [];
  const rows = await matching(db, f)
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
      'starts_on',
      'ends_on',
    ])
    .orderBy('starts_on', 'desc')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platform_id,
    unitId: r.unit_id,
    kind: r.kind as PortfolioProject['kind'],
    code: r.code,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    state: r.state as ProjectState,
    outcome: r.outcome as ProjectOutcome | null,
    currency: r.currency,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

/**
 * The frozen 任务书 of the projects, parsed but not validated again (it was when saved, and a frozen one
 * never changes): only what the portfolio reads of it.
 */
export async function portfolioAgreements(
  db: Kysely<DB>,
  f: PortfolioFilter,
): Promise<Map<string, { budget: Record<string, unknown>[]; indicators: unknown[] }>> {
  if (f.platformIds?.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_agreements')
    .select(['project_id', 'content_json'])
    .where('project_id', 'in', ids(db, f))
    .where('frozen_at', 'is not', null)
    .execute();
  return new Map(
    rows.map((r) => {
      const c = JSON.parse(r.content_json) as { budget?: Record<string, unknown>[]; indicators?: unknown[] };
      return [r.project_id, { budget: c.budget ?? [], indicators: c.indicators ?? [] }];
    }),
  );
}

/** The changes of the approved 预算调剂 of the projects. */
export async function portfolioApprovedChanges(
  db: Kysely<DB>,
  f: PortfolioFilter,
): Promise<{ projectId: string; changes: AdjustmentChange[] }[]> {
  if (f.platformIds?.length === 0) return [];
  const rows = await db
    .selectFrom('project_adjustments')
    .select(['project_id', 'changes_json'])
    .where('project_id', 'in', ids(db, f))
    .where('state', '=', 'approved')
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, changes: JSON.parse(r.changes_json) }));
}

/** Spending summed per project, member and category. */
export async function portfolioSpending(
  db: Kysely<DB>,
  f: PortfolioFilter,
): Promise<{ projectId: string; organisationId: string; category: SpendingCategory; amountMinor: number }[]> {
  if (f.platformIds?.length === 0) return [];
  const rows = await db
    .selectFrom('project_spending')
    .select((eb) => [
      'project_id',
      'organisation_id',
      'category',
      eb.fn.sum<number | string>('amount_minor').as('total'),
    ])
    .where('project_id', 'in', ids(db, f))
    .groupBy(['project_id', 'organisation_id', 'category'])
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    organisationId: r.organisation_id,
    category: r.category as SpendingCategory,
    amountMinor: Number(r.total),
  }));
}

/** The reports the projects submitted (kind and due date: what the schedule's status needs). */
export async function portfolioSubmittedReports(
  db: Kysely<DB>,
  f: PortfolioFilter,
): Promise<{ projectId: string; kind: ReportKind; dueOn: string; submittedAt: string }[]> {
  if (f.platformIds?.length === 0) return [];
  const rows = await db
    .selectFrom('project_reports')
    .select(['project_id', 'kind', 'due_on', 'submitted_at'])
    .where('project_id', 'in', ids(db, f))
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    kind: r.kind as ReportKind,
    dueOn: r.due_on,
    submittedAt: r.submitted_at,
  }));
}

/**
 * The indicator judgements of each project's latest check report (the current version of its most
 * recently opened check that has one): met / partly_met / not_met per indicator.
 */
export async function portfolioLatestJudgements(
  db: Kysely<DB>,
  f: PortfolioFilter,
): Promise<Map<string, string[]>> {
  if (f.platformIds?.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_checks')
    .innerJoin('project_check_reports', (j) =>
      j
        .onRef('project_check_reports.check_id', '=', 'project_checks.id')
        .onRef('project_check_reports.version', '=', 'project_checks.version'),
    )
    .select(['project_checks.project_id', 'project_checks.opened_at', 'project_check_reports.report_json'])
    .where('project_checks.project_id', 'in', ids(db, f))
    .orderBy('project_checks.opened_at')
    .orderBy('project_checks.id')
    .execute();
  const latest = new Map<string, string[]>();
  // Ordered oldest first, so the last one written for a project is its latest.
  for (const r of rows) {
    const report = JSON.parse(r.report_json) as { indicators?: { judgement?: string }[] };
    latest.set(
      r.project_id,
      (report.indicators ?? []).map((i) => i.judgement ?? ''),
    );
  }
  return latest;
}
