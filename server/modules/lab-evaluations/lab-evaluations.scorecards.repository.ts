import type { Kysely, Selectable } from 'kysely';
import type { Criterion } from '../../../common/calls.js';
import type { ScorecardState } from '../../../common/review-scoring.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, LabEvalScorecardsTable } from '../../db/schema.js';

// The committee members' scorecards of a round and their scores (lab_eval_scorecards, lab_eval_scores;
// docs/adr/0015: the module's tables split by meaning, beside the rounds in lab-evaluations.repository.ts).

export interface Scorecard extends Omit<RowValue<LabEvalScorecardsTable>, 'state'> {
  state: ScorecardState;
}
export interface Score {
  criterion: Criterion;
  score: number;
  comment: string;
}

const toScorecard = (row: Selectable<LabEvalScorecardsTable>): Scorecard => {
  const v = camelRow(row);
  return { ...v, state: v.state as ScorecardState, total: v.total === null ? null : Number(v.total) };
};

export async function insertScorecard(db: Kysely<DB>, s: Scorecard): Promise<void> {
  await insertScorecards(db, [s]);
}

/** A unit's scorecards in one statement (opening a round writes one per member and unit). */
export async function insertScorecards(db: Kysely<DB>, cards: readonly Scorecard[]): Promise<void> {
  if (cards.length === 0) return;
  await db
    .insertInto('lab_eval_scorecards')
    .values(cards.map((s) => insertRow<LabEvalScorecardsTable>(s)))
    .execute();
}

export async function findScorecard(db: Kysely<DB>, id: string): Promise<Scorecard | undefined> {
  const row = await db.selectFrom('lab_eval_scorecards').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toScorecard(row);
}

export async function scorecardOf(
  db: Kysely<DB>,
  roundId: string,
  unitId: string,
  memberId: string,
): Promise<Scorecard | undefined> {
  const row = await db
    .selectFrom('lab_eval_scorecards')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row && toScorecard(row);
}

export async function scorecardsOfRounds(db: Kysely<DB>, roundIds: readonly string[]): Promise<Scorecard[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .selectFrom('lab_eval_scorecards')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .orderBy('id')
    .execute();
  return rows.map(toScorecard);
}

export async function scorecardsOfMembers(
  db: Kysely<DB>,
  memberIds: readonly string[],
): Promise<Scorecard[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('lab_eval_scorecards')
    .selectAll()
    .where('member_id', 'in', [...memberIds])
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toScorecard);
}

/** The scores of the scorecards, by scorecard id. */
export async function scoresOf(
  db: Kysely<DB>,
  scorecardIds: readonly string[],
): Promise<Map<string, Score[]>> {
  const out = new Map<string, Score[]>();
  if (scorecardIds.length === 0) return out;
  const rows = await db
    .selectFrom('lab_eval_scores')
    .selectAll()
    .where('scorecard_id', 'in', [...scorecardIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.scorecard_id) ?? [];
    list.push({ criterion: r.criterion as Criterion, score: Number(r.score), comment: r.comment });
    out.set(r.scorecard_id, list);
  }
  return out;
}

/** Replaces a scorecard's scores and comment; `submit` freezes it with its total. */
export async function saveScorecardRows(
  db: Kysely<DB>,
  id: string,
  s: { scores: Score[]; overallComment: string | null; at: string; submit: { total: number } | null },
): Promise<void> {
  await db.deleteFrom('lab_eval_scores').where('scorecard_id', '=', id).execute();
  if (s.scores.length)
    await db
      .insertInto('lab_eval_scores')
      .values(s.scores.map((x) => ({ scorecard_id: id, ...x })))
      .execute();
  await db
    .updateTable('lab_eval_scorecards')
    .set(
      updateRow<LabEvalScorecardsTable>({
        overallComment: s.overallComment,
        updatedAt: s.at,
        ...(s.submit ? { state: 'submitted', total: s.submit.total, submittedAt: s.at } : {}),
      }),
    )
    .where('id', '=', id)
    .execute();
}

/** Takes a member off a round: their scorecards go (before scoring starts: the service checks it). */
export async function deleteScorecardsOfMember(
  db: Kysely<DB>,
  roundId: string,
  memberId: string,
): Promise<number> {
  const res = await db
    .deleteFrom('lab_eval_scorecards')
    .where('round_id', '=', roundId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
