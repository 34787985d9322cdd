import type { Kysely, Selectable } from 'kysely';
import { parseThresholds, type ReviewThresholds } from '../../../../common/review-thresholds.js';
import type { DialectSeam } from '../../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, updateRow } from '../../../db/rows.js';
import type {
  AssignmentOverridesTable,
  AssignmentRunsTable,
  CallReviewSettingsTable,
  DB,
  ReviewAssignmentsTable,
} from '../../../db/schema.js';
import type { AssignmentResult } from '../engines/assignment/assign.js';
import type { AssignmentInstance } from '../engines/assignment/instance.js';

/*
 * All SQL on the review/runs tables (docs/adr/0015): a call's review settings, assignment runs, the
 * officers' pins and forbids, and the seats (review_assignments).
 */

/** The settings row as stored; the audit trail records settings in this form. */
export type SettingsRow = Selectable<CallReviewSettingsTable>;
/** A stored run, kept whole (instance and result JSON as stored, so a replay hashes the same bytes). */
export type RunRow = Selectable<AssignmentRunsTable>;
/** An officer's pin or forbid, as a camelCase value. */
export type Override = RowValue<AssignmentOverridesTable>;

/** A seat: an expert invited to review an application. */
export type Seat = RowValue<ReviewAssignmentsTable>;

export const toSeat = (r: Selectable<ReviewAssignmentsTable>): Seat => camelRow(r);

// --- settings ---

export async function findSettings(db: Kysely<DB>, callId: string): Promise<SettingsRow | undefined> {
  return db.selectFrom('call_review_settings').selectAll().where('call_id', '=', callId).executeTakeFirst();
}

export async function insertSettings(db: Kysely<DB>, row: SettingsRow): Promise<void> {
  await db.insertInto('call_review_settings').values(row).execute();
}

export async function updateSettings(
  db: Kysely<DB>,
  callId: string,
  patch: Partial<Omit<SettingsRow, 'call_id'>>,
): Promise<void> {
  await db.updateTable('call_review_settings').set(patch).where('call_id', '=', callId).execute();
}

/** The panel's thresholds of the call ({} without settings or thresholds). */
export async function thresholdsOf(db: Kysely<DB>, callId: string): Promise<ReviewThresholds> {
  const row = await db
    .selectFrom('call_review_settings')
    .select('thresholds_json')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return parseThresholds(row?.thresholds_json);
}

/** When scoring closes for the call, or null (no settings, or no deadline). */
export async function scoringClosesAt(db: Kysely<DB>, callId: string): Promise<string | null> {
  const row = await db
    .selectFrom('call_review_settings')
    .select('scoring_closes_at')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return row?.scoring_closes_at ?? null;
}

// --- runs ---

export async function insertRun(db: Kysely<DB>, run: RunRow): Promise<void> {
  await db.insertInto('assignment_runs').values(run).execute();
}

export async function findRun(db: Kysely<DB>, callId: string, runId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('id', '=', runId)
    .where('call_id', '=', callId)
    .executeTakeFirst();
}

/** The call's published initial run, if any (the seats exist once there is one). */
export async function findPublishedRun(db: Kysely<DB>, callId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('call_id', '=', callId)
    .where('state', '=', 'published')
    .where('purpose', '=', 'initial')
    .executeTakeFirst();
}

/** The runs of a call, newest first. */
export async function runsOfCall(db: Kysely<DB>, callId: string): Promise<RunRow[]> {
  return db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Publishes the run and discards the call's other drafts. */
export async function markPublished(db: Kysely<DB>, callId: string, runId: string, at: string) {
  await db
    .updateTable('assignment_runs')
    .set({ state: 'published', published_at: at })
    .where('id', '=', runId)
    .execute();
  await db
    .updateTable('assignment_runs')
    .set({ state: 'discarded' })
    .where('call_id', '=', callId)
    .where('state', '=', 'draft')
    .execute();
}

// --- overrides ---

/** The call's active pins and forbids, oldest first. */
export async function activeOverrides(db: Kysely<DB>, callId: string): Promise<Override[]> {
  const rows = await db
    .selectFrom('assignment_overrides')
    .selectAll()
    .where('call_id', '=', callId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(camelRow);
}

/** The active pins and forbids in id order (what an instance is built from, reproducibly). */
export async function activeOverridesById(db: Kysely<DB>, callId: string) {
  return db
    .selectFrom('assignment_overrides')
    .select(['expert_id', 'application_id', 'kind'])
    .where('call_id', '=', callId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function findActiveOverride(
  db: Kysely<DB>,
  callId: string,
  where: { id: string } | { applicationId: string; expertId: string },
): Promise<Override | undefined> {
  let q = db
    .selectFrom('assignment_overrides')
    .selectAll()
    .where('call_id', '=', callId)
    .where('removed_at', 'is', null);
  q =
    'id' in where
      ? q.where('id', '=', where.id)
      : q.where('application_id', '=', where.applicationId).where('expert_id', '=', where.expertId);
  const row = await q.executeTakeFirst();
  return row && camelRow(row);
}

export async function insertOverride(db: Kysely<DB>, override: Override): Promise<void> {
  await db.insertInto('assignment_overrides').values(insertRow<AssignmentOverridesTable>(override)).execute();
}

export async function markOverrideRemoved(db: Kysely<DB>, id: string, at: string, by: string | null) {
  await db
    .updateTable('assignment_overrides')
    .set(updateRow<AssignmentOverridesTable>({ removedAt: at, removedBy: by }))
    .where('id', '=', id)
    .execute();
}

// --- seats ---

export async function findSeat(db: Kysely<DB>, id: string): Promise<Seat | undefined> {
  const row = await db.selectFrom('review_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSeat(row);
}

/** Locks the seat row for the transaction (PostgreSQL; SQLite serialises writers anyway). */
export async function lockSeat(db: Kysely<DB>, seam: DialectSeam, id: string): Promise<void> {
  await seam.forUpdate(db.selectFrom('review_assignments').select('id').where('id', '=', id)).execute();
}

/** Every seat of a call by application and label. */
export async function seatsOfCall(db: Kysely<DB>, callId: string): Promise<Seat[]> {
  const rows = await db
    .selectFrom('review_assignments')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('application_id')
    .orderBy('label')
    .execute();
  return rows.map(toSeat);
}

/** Every seat of a call in id order (what a refill keeps and forbids, reproducibly). */
export async function seatsOfCallById(db: Kysely<DB>, callId: string): Promise<Seat[]> {
  const rows = await db
    .selectFrom('review_assignments')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('id')
    .execute();
  return rows.map(toSeat);
}

/** How many seats each application of the call has that are invited or accepted. */
export async function liveSeatCounts(db: Kysely<DB>, callId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('review_assignments')
    .select(['application_id'])
    .where('call_id', '=', callId)
    .where('state', 'in', ['invited', 'accepted'])
    .execute();
  const counts = new Map<string, number>();
  for (const s of rows) counts.set(s.application_id, (counts.get(s.application_id) ?? 0) + 1);
  return counts;
}

export async function insertSeat(db: Kysely<DB>, s: Seat): Promise<void> {
  await db.insertInto('review_assignments').values(insertRow<ReviewAssignmentsTable>(s)).execute();
}

export async function answerSeatRow(
  db: Kysely<DB>,
  id: string,
  state: string,
  at: string,
  declineReason: string | null,
): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set(updateRow<ReviewAssignmentsTable>({ state, respondedAt: at, declineReason }))
    .where('id', '=', id)
    .execute();
}

/** Invites the seat's expert again: invited from `at`, to answer by `respondBy`, no answer recorded. */
export async function reinviteSeatRow(
  db: Kysely<DB>,
  id: string,
  at: string,
  respondBy: string,
): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set(
      updateRow<ReviewAssignmentsTable>({
        state: 'invited',
        invitedAt: at,
        respondBy,
        respondedAt: null,
        declineReason: null,
      }),
    )
    .where('id', '=', id)
    .execute();
}

/** Invitations past their answer window become expired. */
export async function expireOverdueSeats(db: Kysely<DB>, callId: string, now: string): Promise<void> {
  await db
    .updateTable('review_assignments')
    .set({ state: 'expired' })
    .where('call_id', '=', callId)
    .where('state', '=', 'invited')
    .where('respond_by', '<=', now)
    .execute();
}

/** How many seats the expert has held, whatever their state (a review history that stays with them). */
export async function seatCountOfExpert(db: Kysely<DB>, expertId: string): Promise<number> {
  const row = await db
    .selectFrom('review_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expert_id', '=', expertId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/*
 * The JSON columns of settings and runs as values (rows.ts jsonColumn). Settings and runs stay rows:
 * the audit trail records settings as stored and a replay hashes the run's stored bytes.
 */
export const storedResult = (run: Pick<RunRow, 'result_json'>) =>
  jsonColumn<AssignmentResult>(run.result_json);
export const storedInstance = (run: Pick<RunRow, 'instance_json'>) =>
  jsonColumn<AssignmentInstance>(run.instance_json);
export const storedTimings = (run: Pick<RunRow, 'timings_json'>) =>
  jsonColumn<Record<string, number>>(run.timings_json);
/** Seats per category; settings always store all of academic and industry (runs.schema composition). */
export const storedComposition = (row: Pick<SettingsRow, 'composition_json'>) =>
  jsonColumn<{ academic: number; industry: number; lab?: number }>(row.composition_json);
/** The thresholds exactly as stored (the audit's "before"); parseThresholds reads them for rules. */
export const storedThresholds = (row: Pick<SettingsRow, 'thresholds_json'>) =>
  jsonColumn(row.thresholds_json);
