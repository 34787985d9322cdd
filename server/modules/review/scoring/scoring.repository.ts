import type { Kysely, Selectable } from 'kysely';
import type { Criterion } from '../../../../common/calls.js';
import type { ScorecardState } from '../../../../common/review-scoring.js';
import {
  camelRow,
  insertRow,
  type JsonValue,
  jsonColumn,
  type RowValue,
  toJsonColumn,
  updateRow,
} from '../../../db/rows.js';
import type { DB, PanelReviewsTable, ReviewScorecardsTable } from '../../../db/schema.js';

/** An expert's scorecard for one seat (docs/adr/0015: the row ⇄ value conversion lives here). */
export interface Scorecard extends Omit<RowValue<ReviewScorecardsTable>, 'state'> {
  state: ScorecardState;
}

export interface Score {
  criterion: Criterion;
  score: number;
  comment: string;
}

/** The panel's consensus on one application, with the snapshot it was based on. */
export interface PanelReview extends Omit<RowValue<PanelReviewsTable>, 'basisJson'> {
  basis: JsonValue;
}

function toScorecard(row: Selectable<ReviewScorecardsTable>): Scorecard {
  const card = camelRow(row);
  return {
    ...card,
    state: card.state as ScorecardState,
    weightedTotal: card.weightedTotal === null ? null : Number(card.weightedTotal),
  };
}

function toPanelReview(row: Selectable<PanelReviewsTable>): PanelReview {
  const { basisJson, ...review } = camelRow(row);
  return {
    ...review,
    consensusScore: Number(review.consensusScore),
    basis: jsonColumn<JsonValue>(basisJson),
  };
}

export async function scorecardOfSeat(db: Kysely<DB>, assignmentId: string): Promise<Scorecard | undefined> {
  const row = await db
    .selectFrom('review_scorecards')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return row && toScorecard(row);
}

export async function insertScorecard(db: Kysely<DB>, c: Scorecard): Promise<void> {
  await db.insertInto('review_scorecards').values(insertRow<ReviewScorecardsTable>(c)).execute();
}

export async function markNoConflict(db: Kysely<DB>, cardId: string, at: string): Promise<void> {
  await db
    .updateTable('review_scorecards')
    .set({ no_conflict_declared_at: at, updated_at: at })
    .where('id', '=', cardId)
    .execute();
}

/** Replaces the card's scores and sets its comment, total and state. */
export async function saveScorecardRows(
  db: Kysely<DB>,
  cardId: string,
  scores: Score[],
  card: Pick<Scorecard, 'overallComment' | 'weightedTotal' | 'state' | 'submittedAt' | 'updatedAt'>,
): Promise<void> {
  await db.deleteFrom('review_scores').where('scorecard_id', '=', cardId).execute();
  if (scores.length)
    await db
      .insertInto('review_scores')
      .values(scores.map((s) => ({ scorecard_id: cardId, ...s })))
      .execute();
  await db
    .updateTable('review_scorecards')
    .set(
      updateRow<ReviewScorecardsTable>({
        overallComment: card.overallComment,
        weightedTotal: card.weightedTotal,
        state: card.state,
        submittedAt: card.submittedAt,
        updatedAt: card.updatedAt,
      }),
    )
    .where('id', '=', cardId)
    .execute();
}

/** The scores of one card, in stored order. */
export async function scoresOf(db: Kysely<DB>, cardId: string): Promise<Score[]> {
  const rows = await db
    .selectFrom('review_scores')
    .select(['criterion', 'score', 'comment'])
    .where('scorecard_id', '=', cardId)
    .execute();
  return rows.map((x) => ({
    criterion: x.criterion as Criterion,
    score: Number(x.score),
    comment: x.comment,
  }));
}

/** The scores of every submitted card of the call, by card. */
export async function submittedScoresOfCall(
  db: Kysely<DB>,
  callId: string,
): Promise<Map<string, Partial<Record<Criterion, number>>>> {
  const rows = await db
    .selectFrom('review_scores as x')
    .innerJoin('review_scorecards as s', 's.id', 'x.scorecard_id')
    .select(['x.scorecard_id', 'x.criterion', 'x.score'])
    .where('s.call_id', '=', callId)
    .where('s.state', '=', 'submitted')
    .execute();
  const byCard = new Map<string, Partial<Record<Criterion, number>>>();
  for (const x of rows) {
    const m = byCard.get(x.scorecard_id) ?? {};
    m[x.criterion as Criterion] = Number(x.score);
    byCard.set(x.scorecard_id, m);
  }
  return byCard;
}

export async function panelReviewsOfCall(db: Kysely<DB>, callId: string): Promise<PanelReview[]> {
  const rows = await db.selectFrom('panel_reviews').selectAll().where('call_id', '=', callId).execute();
  return rows.map(toPanelReview);
}

export async function findPanelReview(
  db: Kysely<DB>,
  applicationId: string,
): Promise<PanelReview | undefined> {
  const row = await db
    .selectFrom('panel_reviews')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row && toPanelReview(row);
}

/** Inserts or replaces the consensus of an application (`exists`: whether a row is already there). */
export async function savePanelReview(db: Kysely<DB>, r: PanelReview, exists: boolean): Promise<void> {
  const { applicationId, callId, basis, ...values } = r;
  const set = updateRow<PanelReviewsTable>({ ...values, basisJson: toJsonColumn(basis) });
  if (exists)
    await db.updateTable('panel_reviews').set(set).where('application_id', '=', applicationId).execute();
  else
    await db
      .insertInto('panel_reviews')
      .values(
        insertRow<PanelReviewsTable>({ applicationId, callId, ...values, basisJson: toJsonColumn(basis) }),
      )
      .execute();
}

/** The submitted scorecards of a call. */
export async function submittedCardsOfCall(db: Kysely<DB>, callId: string): Promise<Scorecard[]> {
  const rows = await db
    .selectFrom('review_scorecards')
    .selectAll()
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .execute();
  return rows.map(toScorecard);
}

/** Of these seats, the ones whose scorecard is submitted (the expert's to-dos leave them out). */
export async function submittedSeatIds(
  db: Kysely<DB>,
  assignmentIds: readonly string[],
): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('review_scorecards')
    .select('assignment_id')
    .where('assignment_id', 'in', [...assignmentIds])
    .where('submitted_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.assignment_id));
}

/** How many scorecards the expert has, whatever their state. */
export async function scorecardCountOfExpert(db: Kysely<DB>, expertId: string): Promise<number> {
  const row = await db
    .selectFrom('review_scorecards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expert_id', '=', expertId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
