import type { Kysely } from 'kysely';
import type { ReportKind } from '../../../common/projects.reports.js';
import type { DB } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/** The SQL on project_reports (issue 13): the reports of the schedule as the projects submitted them. */
export interface SubmittedReport {
  projectId: string;
  kind: ReportKind;
  dueOn: string;
  body: string;
  submittedBy: string | null;
  submittedAt: string;
  /** sha256 of the report's canonical JSON, its files' sha256 included (null: submitted before 0058). */
  sha256: string | null;
}

export async function submittedReports(
  db: Kysely<DB>,
  projectIds: readonly string[],
): Promise<SubmittedReport[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', 'in', [...projectIds])
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    kind: r.kind as ReportKind,
    dueOn: r.due_on,
    body: r.body,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    sha256: r.sha256,
  }));
}

/** Inserts a submitted report; the primary key refuses a second one for the same due report. */
export async function insertReport(db: Kysely<DB>, r: SubmittedReport): Promise<void> {
  await db
    .insertInto('project_reports')
    .values({
      project_id: r.projectId,
      kind: r.kind,
      due_on: r.dueOn,
      body: r.body,
      submitted_by: r.submittedBy,
      submitted_at: r.submittedAt,
      sha256: r.sha256,
    })
    .execute();
  await keepProjectFigures(db, r.projectId);
}
