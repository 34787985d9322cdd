import type { Kysely } from 'kysely';
import type { AdjustmentChange } from '../../../common/projects.adjustments.js';
import { type ProjectFigureRecords, projectFigures } from '../../../common/projects.figures.js';
import type { SpendingCategory } from '../../../common/projects.js';
import type { ReportKind } from '../../../common/projects.reports.js';

// Frozen once released. The portfolio's figures kept on each project's row (issue 13, docs/adr/0035):
// the approved plan, the spending, overspent, the indicators and the next report due, written by the
// writes that change them (server/modules/projects/projects.figures.repository.ts) instead of computed
// from every frozen 任务书 on each page (80 s at 50,000 projects). Two indexes serve the page in its
// order, with and without a state. This migration fills the columns from the records already kept,
// with the same pure computation the writes use (common/projects.figures.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type, notNull] of [
    ['planned_minor', 'bigint', false],
    ['spent_minor', 'bigint', true],
    ['overspent', 'integer', true],
    ['indicators_total', 'integer', true],
    ['indicators_met', 'integer', false],
    ['next_report_kind', 'text', false],
    ['next_report_due_on', 'text', false],
  ] as const)
    await db.schema
      .alterTable('projects')
      .addColumn(name, type, (c) => (notNull ? c.notNull().defaultTo(0) : c))
      .execute();
  await db.schema
    .createIndex('projects_portfolio_order')
    .on('projects')
    .columns(['platform_id', 'starts_on desc', 'code'])
    .execute();
  await db.schema
    .createIndex('projects_portfolio_state')
    .on('projects')
    .columns(['platform_id', 'state', 'starts_on desc', 'code'])
    .execute();
  // The counts by state × flag read this index alone.
  await db.schema
    .createIndex('projects_portfolio_flags')
    .on('projects')
    .columns(['platform_id', 'state', 'outcome', 'overspent', 'next_report_due_on'])
    .execute();
  await fillProjectFigures(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['projects_portfolio_flags', 'projects_portfolio_state', 'projects_portfolio_order'])
    await db.schema.dropIndex(index).execute();
  for (const column of [
    'next_report_due_on',
    'next_report_kind',
    'indicators_met',
    'indicators_total',
    'overspent',
    'spent_minor',
    'planned_minor',
  ])
    await db.schema.alterTable('projects').dropColumn(column).execute();
}

const BATCH = 1000;

/** The columns this migration reads and writes, as they are when it runs. */
interface Tables {
  projects: {
    id: string;
    starts_on: string;
    ends_on: string;
    planned_minor: number | null;
    spent_minor: number;
    overspent: number;
    indicators_total: number;
    indicators_met: number | null;
    next_report_kind: string | null;
    next_report_due_on: string | null;
  };
  project_agreements: { project_id: string; content_json: string; frozen_at: string | null };
  project_adjustments: { project_id: string; changes_json: string; state: string };
  project_spending: { project_id: string; organisation_id: string; category: string; amount_minor: number };
  project_reports: { project_id: string; kind: string; due_on: string };
  project_checks: { id: string; project_id: string; version: number; opened_at: string };
  project_check_reports: { check_id: string; version: number; report_json: string };
}

/**
 * Computes the kept figures of every project from its records, a thousand projects at a time (six
 * reads per batch, then one UPDATE per project in the batch's transaction). Exported for the bench,
 * which generates its rows after the migrations and fills the figures as an upgrade would.
 */
export async function fillProjectFigures(database: Kysely<unknown>): Promise<number> {
  const db = database as Kysely<Tables>;
  let after = '';
  let done = 0;
  for (;;) {
    const projects = await db
      .selectFrom('projects')
      .select(['id', 'starts_on', 'ends_on'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (projects.length === 0) return done;
    after = projects.at(-1)!.id;
    const figures = await batchFigures(db, projects);
    const write = async (trx: Kysely<Tables>) => {
      for (const p of projects) {
        const f = figures.get(p.id)!;
        await trx
          .updateTable('projects')
          .set({
            planned_minor: f.plannedMinor,
            spent_minor: f.spentMinor,
            overspent: f.overspent ? 1 : 0,
            indicators_total: f.indicatorsTotal,
            indicators_met: f.indicatorsMet,
            next_report_kind: f.nextReport?.kind ?? null,
            next_report_due_on: f.nextReport?.dueOn ?? null,
          })
          .where('id', '=', p.id)
          .execute();
      }
    };
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    done += projects.length;
  }
}

async function batchFigures(
  db: Kysely<Tables>,
  projects: readonly { id: string; starts_on: string; ends_on: string }[],
): Promise<Map<string, ReturnType<typeof projectFigures>>> {
  const ids = projects.map((p) => p.id);
  const [agreements, adjustments, spending, reports, checks] = await Promise.all([
    db
      .selectFrom('project_agreements')
      .select(['project_id', 'content_json'])
      .where('project_id', 'in', ids)
      .where('frozen_at', 'is not', null)
      .execute(),
    db
      .selectFrom('project_adjustments')
      .select(['project_id', 'changes_json'])
      .where('project_id', 'in', ids)
      .where('state', '=', 'approved')
      .execute(),
    db
      .selectFrom('project_spending')
      .select((eb) => ['project_id', 'organisation_id', 'category', eb.fn.sum('amount_minor').as('total')])
      .where('project_id', 'in', ids)
      .groupBy(['project_id', 'organisation_id', 'category'])
      .execute(),
    db
      .selectFrom('project_reports')
      .select(['project_id', 'kind', 'due_on'])
      .where('project_id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_checks')
      .innerJoin('project_check_reports', (j) =>
        j
          .onRef('project_check_reports.check_id', '=', 'project_checks.id')
          .onRef('project_check_reports.version', '=', 'project_checks.version'),
      )
      .select(['project_checks.project_id', 'project_check_reports.report_json'])
      .where('project_checks.project_id', 'in', ids)
      .orderBy('project_checks.opened_at')
      .orderBy('project_checks.id')
      .execute(),
  ]);
  interface Records extends ProjectFigureRecords {
    approvedChanges: { changes: AdjustmentChange[] }[];
    spent: { organisationId: string; category: SpendingCategory; amountMinor: number }[];
    submittedReports: { kind: ReportKind; dueOn: string }[];
  }
  const records = new Map<string, Records>();
  for (const p of projects)
    records.set(p.id, {
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      agreement: null,
      approvedChanges: [],
      spent: [],
      submittedReports: [],
      judgements: null,
    });
  const of = (id: string) => records.get(id)!;
  for (const a of agreements) {
    const c = JSON.parse(a.content_json) as { budget?: Record<string, unknown>[]; indicators?: unknown[] };
    of(a.project_id).agreement = { budget: c.budget ?? [], indicators: c.indicators ?? [] };
  }
  for (const a of adjustments)
    of(a.project_id).approvedChanges.push({ changes: JSON.parse(a.changes_json) as AdjustmentChange[] });
  for (const s of spending)
    of(s.project_id).spent.push({
      organisationId: s.organisation_id,
      category: s.category as SpendingCategory,
      amountMinor: Number(s.total),
    });
  for (const r of reports)
    of(r.project_id).submittedReports.push({
      kind: r.kind as ReportKind,
      dueOn: r.due_on,
    });
  // Oldest check first, so the last report read of a project is its latest.
  for (const c of checks) {
    const report = JSON.parse(c.report_json) as { indicators?: { judgement?: string }[] };
    of(c.project_id).judgements = (report.indicators ?? []).map((i) => i.judgement ?? '');
  }
  return new Map([...records].map(([id, r]) => [id, projectFigures(r)]));
}
