import type { Kysely, Selectable } from 'kysely';
import type { Criterion } from '../../../../common/calls.js';
import type { ScorecardState } from '../../../../common/review-scoring.js';
import { jsonColumn, toJsonColumn } from '../../../db/rows.js';
import type { DB, PanelReviewsTable, ReviewScorecardsTable } from '../../../db/schema.js';

/** An expert's scorecard for one seat (docs/adr/0015: the row ⇄ value conversion lives here). */
export interface Scorecard {
  id: string;
  assignmentId: string;
  callId: string;
  applicationId: string;
  expertId: string;
  state: ScorecardState;
  noConflictDeclaredAt: string | null;
  overallComment: string | null;
  weightedTotal: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Score {
  criterion: Criterion;
  score: number;
  comment: string;
}

/** The panel's consensus on one application, with the snapshot it was based on. */
export interface PanelReview {
  applicationId: string;
  callId: string;
  consensusScore: number;
  reportZh: string | null;
  reportEn: string | null;
  basis: unknown;
  updatedBy: string | null;
  updatedAt: string;
}

function toScorecard(r: Selectable<ReviewScorecardsTable>): Scorecard {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    callId: r.call_id,
    applicationId: r.application_id,
    expertId: r.expert_id,
    state: r.state as ScorecardState,
    noConflictDeclaredAt: r.no_conflict_declared_at,
    overallComment: r.overall_comment,
    weightedTotal: r.weighted_total === null ? null : Number(r.weighted_total),
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toPanelReview(r: Selectable<PanelReviewsTable>): PanelReview {
  return {
    applicationId: r.application_id,
    callId: r.call_id,
    consensusScore: Number(r.consensus_score),
    reportZh: r.report_zh,
    reportEn: r.report_en,
    basis: jsonColumn(r.basis_json),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
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
  await db
    .insertInto('review_scorecards')
    .values({
      id: c.id,
      assignment_id: c.assignmentId,
      call_id: c.callId,
      application_id: c.applicationId,
      expert_id: c.expertId,
      state: c.state,
      no_conflict_declared_at: c.noConflictDeclaredAt,
      overall_comment: c.overallComment,
      weighted_total: c.weightedTotal,
      submitted_at: c.submittedAt,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })
    .execute();
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
    .set({
      overall_comment: card.overallComment,
      weighted_total: card.weightedTotal,
      state: card.state,
      submitted_at: card.submittedAt,
      updated_at: card.updatedAt,
    })
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
  const values = {
    consensus_score: r.consensusScore,
    report_zh: r.reportZh,
    report_en: r.reportEn,
    basis_json: toJsonColumn(r.basis),
    updated_by: r.updatedBy,
    updated_at: r.updatedAt,
  };
  if (exists)
    await db.updateTable('panel_reviews').set(values).where('application_id', '=', r.applicationId).execute();
  else
    await db
      .insertInto('panel_reviews')
      .values({ application_id: r.applicationId, call_id: r.callId, ...values })
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
