import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../../db/rows.js';
import type { DB, ProjectCheckScorecardsTable, ProjectCheckScoresTable } from '../../../db/schema.js';

/** The SQL on the experts' scorecards of project checks and their scores (split from checks.repository.ts). */

export interface CheckScorecard extends Omit<RowValue<ProjectCheckScorecardsTable>, 'state'> {
  state: 'draft' | 'submitted';
}

const toCard = (row: ProjectCheckScorecardsTable): CheckScorecard => {
  const c = camelRow(row);
  return {
    ...c,
    version: Number(c.version),
    state: c.state as CheckScorecard['state'],
    total: c.total === null ? null : Number(c.total),
  };
};

export async function insertScorecard(db: Kysely<DB>, c: CheckScorecard): Promise<void> {
  await db
    .insertInto('project_check_scorecards')
    .values(
      insertRow<ProjectCheckScorecardsTable>({
        id: c.id,
        checkId: c.checkId,
        version: c.version,
        expertId: c.expertId,
        state: c.state,
        overallComment: c.overallComment,
        total: c.total,
        submittedAt: c.submittedAt,
        updatedAt: c.updatedAt,
      }),
    )
    .execute();
}

export async function findScorecard(db: Kysely<DB>, id: string): Promise<CheckScorecard | undefined> {
  const row = await db
    .selectFrom('project_check_scorecards')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCard(row);
}

/** The scorecards of a check for one report version (every expert scores each version anew). */
export async function scorecardsOf(
  db: Kysely<DB>,
  checkId: string,
  version: number,
): Promise<CheckScorecard[]> {
  const rows = await db
    .selectFrom('project_check_scorecards')
    .selectAll()
    .where('check_id', '=', checkId)
    .where('version', '=', version)
    .orderBy('expert_id')
    .execute();
  return rows.map(toCard);
}

export async function scorecardsOfExpert(db: Kysely<DB>, expertId: string): Promise<CheckScorecard[]> {
  const rows = await db
    .selectFrom('project_check_scorecards')
    .selectAll()
    .where('expert_id', '=', expertId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toCard);
}

export type CheckScore = { criterion: string; score: number; comment: string };

export async function scoresOf(db: Kysely<DB>, cardIds: string[]): Promise<Map<string, CheckScore[]>> {
  const out = new Map<string, CheckScore[]>();
  if (!cardIds.length) return out;
  const rows = await db
    .selectFrom('project_check_scores')
    .selectAll()
    .where('scorecard_id', 'in', cardIds)
    .orderBy('criterion')
    .execute();
  for (const r of rows) {
    const list = out.get(r.scorecard_id) ?? [];
    list.push({ criterion: r.criterion, score: Number(r.score), comment: r.comment });
    out.set(r.scorecard_id, list);
  }
  return out;
}

/** Replaces the scores of a draft; with `submit`, the card is submitted with its total. */
export async function saveScorecardRows(
  db: Kysely<DB>,
  id: string,
  v: {
    scores: CheckScore[];
    overallComment: string | null;
    at: string;
    submit: { total: number | null } | null;
  },
): Promise<void> {
  await db.deleteFrom('project_check_scores').where('scorecard_id', '=', id).execute();
  if (v.scores.length)
    await db
      .insertInto('project_check_scores')
      .values(
        v.scores.map((s) =>
          insertRow<ProjectCheckScoresTable>({
            scorecardId: id,
            criterion: s.criterion,
            score: s.score,
            comment: s.comment,
          }),
        ),
      )
      .execute();
  await db
    .updateTable('project_check_scorecards')
    .set(
      updateRow<ProjectCheckScorecardsTable>({
        overallComment: v.overallComment,
        updatedAt: v.at,
        ...(v.submit ? { state: 'submitted', total: v.submit.total, submittedAt: v.at } : {}),
      }),
    )
    .where('id', '=', id)
    .execute();
}
