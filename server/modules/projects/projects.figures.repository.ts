import type { Kysely } from 'kysely';
import type { AdjustmentChange } from '../../../common/projects.adjustments.js';
import type { ReportDue } from '../../../common/projects.amendments.js';
import { type ProjectFigures, projectFigures } from '../../../common/projects.figures.js';
import type { SpendingCategory } from '../../../common/projects.js';
import type { ReportKind } from '../../../common/projects.reports.js';
import { camelRow, flag, jsonColumn, toFlag, updateRow } from '../../db/rows.js';
import type { DB, ProjectsTable } from '../../db/schema.js';

/**
 * The portfolio's figures kept on each project's row (issue 13, docs/adr/0035, migration 0051): every
 * write of the module that changes what they are computed from — freezing the 任务书, an approved
 * 预算调剂 or a new end date, a spending entry, a submitted report, a check report or a new check
 * version — calls keepProjectFigures in its own transaction, which recomputes the project's figures
 * from its records (common/projects.figures.ts, the computation migration 0051 backfilled with) and
 * writes them. The portfolio then reads columns, never the 任务书 JSON.
 */
export async function keepProjectFigures(db: Kysely<DB>, projectId: string): Promise<void> {
  // Take the project's row lock before reading its records: a concurrent write to the same project
  // (PostgreSQL, read committed) waits here until the other commits, then reads what it wrote, so the
  // last figures written count both. Audited writes already take turns on the audit chain's head
  // (docs/adr/0024) and SQLite's writers always do; this holds for any other caller of the repositories.
  await db
    .updateTable('projects')
    .set((eb) => ({ spent_minor: eb.ref('spent_minor') }))
    .where('id', '=', projectId)
    .execute();
  const figures = await recomputedFigures(db, projectId);
  if (!figures) return;
  await db
    .updateTable('projects')
    .set(
      updateRow<ProjectsTable>({
        plannedMinor: figures.plannedMinor,
        spentMinor: figures.spentMinor,
        overspent: toFlag(figures.overspent),
        indicatorsTotal: figures.indicatorsTotal,
        indicatorsMet: figures.indicatorsMet,
        nextReportKind: figures.nextReport?.kind ?? null,
        nextReportDueOn: figures.nextReport?.dueOn ?? null,
      }),
    )
    .where('id', '=', projectId)
    .execute();
}

/** keepProjectFigures for the project of a check (its report or version changed). */
export async function keepCheckProjectFigures(db: Kysely<DB>, checkId: string): Promise<void> {
  const row = await db
    .selectFrom('project_checks')
    .select('project_id')
    .where('id', '=', checkId)
    .executeTakeFirst();
  if (row) await keepProjectFigures(db, row.project_id);
}

/** keepProjectFigures for the project of a 预算调剂 (it was decided). */
export async function keepAdjustmentProjectFigures(db: Kysely<DB>, adjustmentId: string): Promise<void> {
  const row = await db
    .selectFrom('project_adjustments')
    .select('project_id')
    .where('id', '=', adjustmentId)
    .executeTakeFirst();
  if (row) await keepProjectFigures(db, row.project_id);
}

/** The figures as kept on the project's row; undefined for an unknown project. */
export async function keptFigures(db: Kysely<DB>, projectId: string): Promise<ProjectFigures | undefined> {
  const r = await db
    .selectFrom('projects')
    .select([
      'planned_minor',
      'spent_minor',
      'overspent',
      'indicators_total',
      'indicators_met',
      'next_report_kind',
      'next_report_due_on',
    ])
    .where('id', '=', projectId)
    .executeTakeFirst();
  return r && keptFromRow(camelRow(r));
}

/** The kept columns of a projects row as figures (PostgreSQL returns the bigints as strings). */
export function keptFromRow(r: {
  plannedMinor: number | string | null;
  spentMinor: number | string;
  overspent: number;
  indicatorsTotal: number;
  indicatorsMet: number | null;
  nextReportKind: string | null;
  nextReportDueOn: string | null;
}): ProjectFigures {
  return {
    plannedMinor: r.plannedMinor === null ? null : Number(r.plannedMinor),
    spentMinor: Number(r.spentMinor),
    overspent: flag(Number(r.overspent)),
    indicatorsTotal: Number(r.indicatorsTotal),
    indicatorsMet: r.indicatorsMet === null ? null : Number(r.indicatorsMet),
    nextReport:
      r.nextReportKind && r.nextReportDueOn
        ? { kind: r.nextReportKind as ReportKind, dueOn: r.nextReportDueOn }
        : null,
  };
}

/** The figures recomputed from the project's records now; undefined for an unknown project. */
export async function recomputedFigures(
  db: Kysely<DB>,
  projectId: string,
): Promise<ProjectFigures | undefined> {
  const project = await db
    .selectFrom('projects')
    .select(['starts_on', 'ends_on'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) return undefined;
  const agreement = await db
    .selectFrom('project_agreements')
    .select('content_json')
    .where('project_id', '=', projectId)
    .where('frozen_at', 'is not', null)
    .executeTakeFirst();
  const changes = await db
    .selectFrom('project_adjustments')
    .select('changes_json')
    .where('project_id', '=', projectId)
    .where('state', '=', 'approved')
    .execute();
  const spent = await db
    .selectFrom('project_spending')
    .select((eb) => ['organisation_id', 'category', eb.fn.sum<number | string>('amount_minor').as('total')])
    .where('project_id', '=', projectId)
    .groupBy(['organisation_id', 'category'])
    .execute();
  const reports = await db
    .selectFrom('project_reports')
    .select(['kind', 'due_on'])
    .where('project_id', '=', projectId)
    .execute();
  // The current version's report of the most recently opened check that has one.
  const latest = await db
    .selectFrom('project_checks')
    .innerJoin('project_check_reports', (j) =>
      j
        .onRef('project_check_reports.check_id', '=', 'project_checks.id')
        .onRef('project_check_reports.version', '=', 'project_checks.version'),
    )
    .select('project_check_reports.report_json')
    .where('project_checks.project_id', '=', projectId)
    .orderBy('project_checks.opened_at', 'desc')
    .orderBy('project_checks.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content = agreement
    ? jsonColumn<{ budget?: Record<string, unknown>[]; indicators?: unknown[]; schedule?: ReportDue[] }>(
        agreement.content_json,
      )
    : null;
  const report = latest ? jsonColumn<{ indicators?: { judgement?: string }[] }>(latest.report_json) : null;
  const { startsOn, endsOn } = camelRow(project);
  return projectFigures({
    startsOn,
    endsOn,
    agreement: content
      ? { budget: content.budget ?? [], indicators: content.indicators ?? [], schedule: content.schedule }
      : null,
    approvedChanges: changes.map((c) => ({ changes: jsonColumn<AdjustmentChange[]>(c.changes_json) })),
    spent: spent.map(({ total, ...s }) => {
      const { organisationId, category } = camelRow(s);
      return { organisationId, category: category as SpendingCategory, amountMinor: Number(total) };
    }),
    submittedReports: reports.map(camelRow).map((r) => ({ kind: r.kind as ReportKind, dueOn: r.dueOn })),
    judgements: report ? (report.indicators ?? []).map((i) => i.judgement ?? '') : null,
  });
}
