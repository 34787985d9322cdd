import type { Kysely } from 'kysely';
import { jsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';

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
  return (
    r && {
      projectId: r.project_id,
      grade: r.grade,
      evaluation: jsonColumn(r.evaluation_json),
      sha256: r.evaluation_sha256,
      evaluatedBy: r.evaluated_by,
      evaluatedAt: r.evaluated_at,
    }
  );
}

export async function insertEvaluation(
  db: Kysely<DB>,
  e: { projectId: string; grade: string; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('project_evaluations')
    .values({
      project_id: e.projectId,
      grade: e.grade,
      evaluation_json: e.json,
      evaluation_sha256: e.sha256,
      evaluated_by: e.by,
      evaluated_at: e.at,
    })
    .execute();
}
