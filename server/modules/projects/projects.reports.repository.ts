import type { Kysely } from 'kysely';
import type { ReportKind } from '../../../common/projects.reports.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ProjectReportsTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/** The SQL on project_reports (issue 13): the reports of the schedule as the projects submitted them. */
export interface SubmittedReport extends Omit<RowValue<ProjectReportsTable>, 'kind'> {
  kind: ReportKind;
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
  return rows.map((row) => {
    const r = camelRow(row);
    return { ...r, kind: r.kind as ReportKind };
  });
}

/** Inserts a submitted report; the primary key refuses a second one for the same due report. */
export async function insertReport(db: Kysely<DB>, r: SubmittedReport): Promise<void> {
  await db
    .insertInto('project_reports')
    .values(
      insertRow<ProjectReportsTable>({
        projectId: r.projectId,
        kind: r.kind,
        dueOn: r.dueOn,
        body: r.body,
        submittedBy: r.submittedBy,
        submittedAt: r.submittedAt,
        sha256: r.sha256,
      }),
    )
    .execute();
  await keepProjectFigures(db, r.projectId);
}
