import type { Kysely } from 'kysely';
import { camelRow, insertRow, jsonColumn } from '../../../db/rows.js';
import type { DB, ProjectEvaluationsTable } from '../../../db/schema.js';

/** The SQL on project_evaluations, the 绩效评价 of closed projects (split from checks.repository.ts). */

export interface ProjectEvaluation {
  projectId: string;
  grade: string;
  evaluation: unknown;
  sha256: string;
  evaluatedBy: string | null;
  evaluatedAt: string;
}

export async function findEvaluation(
  db: Kysely<DB>,
  projectId: string,
): Promise<ProjectEvaluation | undefined> {
  const r = await db
    .selectFrom('project_evaluations')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!r) return undefined;
  const { grade, evaluationJson, evaluationSha256, evaluatedBy, evaluatedAt, ...e } = camelRow(r);
  return {
    projectId: e.projectId,
    grade,
    evaluation: jsonColumn(evaluationJson),
    sha256: evaluationSha256,
    evaluatedBy,
    evaluatedAt,
  };
}

export async function insertEvaluation(
  db: Kysely<DB>,
  e: { projectId: string; grade: string; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('project_evaluations')
    .values(
      insertRow<ProjectEvaluationsTable>({
        projectId: e.projectId,
        grade: e.grade,
        evaluationJson: e.json,
        evaluationSha256: e.sha256,
        evaluatedBy: e.by,
        evaluatedAt: e.at,
      }),
    )
    .execute();
}
