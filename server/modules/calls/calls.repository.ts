/**
 * All SQL on the calls module's tables (calls, call_fields; call_deadline_extensions in
 * calls.deadlines.repository.ts; docs/adr/0015)
 * and the conversion between their rows and `CallRecord`: JSON rule columns parsed, money as numbers,
 * camelCase. Other modules read calls through `calls.lookup.ts`, never through this file.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CallCriteria, CallState, ChecklistItem, RequiredAttachment } from '../../../common/calls.js';
import type { EligibilityRule } from '../../../common/eligibility.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, toJsonColumn, updateRow } from '../../db/rows.js';
import type { CallsTable, DB } from '../../db/schema.js';

export type CallRow = Selectable<CallsTable>;

export interface CallRecord {
  id: string;
  platformId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string | null;
  summaryEn: string | null;
  state: CallState;
  /** ISO-8601 UTC */
  opensAt: string;
  /** ISO-8601 UTC; submissions are refused from this instant on (server clock). */
  closesAt: string;
  currency: string;
  budgetTotalMinor: number;
  ceilingMinor: number;
  eligibility: EligibilityRule[];
  criteria: CallCriteria;
  reviewersPerApplication: number;
  requiredAttachments: RequiredAttachment[];
  screeningChecklist: ChecklistItem[];
  resubmitWindowDays: number;
  /** The call's contact person (联系人), shown to the public and applicants; each part optional. */
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  fieldIds: string[];
  createdBy: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A call without its field links: what the calls row itself stores. */
export type CallValues = Omit<CallRecord, 'fieldIds'>;

/** The columns a state move may set besides the state (publish, close, extend, review start). */
export type CallStatePatch = Partial<Pick<CallRecord, 'publishedAt' | 'closedAt' | 'closesAt'>>;

export function callRecord(row: CallRow, fieldIds: string[]): CallRecord {
  const {
    budgetTotalMinor,
    ceilingMinor,
    eligibilityJson,
    criteriaJson,
    requiredAttachmentsJson,
    screeningChecklistJson,
    ...rest
  } = camelRow(row);
  return {
    ...rest,
    state: rest.state as CallState,
    budgetTotalMinor: Number(budgetTotalMinor),
    ceilingMinor: Number(ceilingMinor),
    eligibility: jsonColumn(eligibilityJson),
    criteria: jsonColumn(criteriaJson),
    requiredAttachments: jsonColumn(requiredAttachmentsJson),
    screeningChecklist: jsonColumn(screeningChecklistJson),
    fieldIds,
  };
}

/** The row a call is stored as (its field links aside). */
export function callRow({
  eligibility,
  criteria,
  requiredAttachments,
  screeningChecklist,
  ...c
}: CallValues & { fieldIds?: string[] }): CallRow {
  const { fieldIds: _f, ...columns } = c;
  return insertRow<CallsTable>({
    ...columns,
    eligibilityJson: toJsonColumn(eligibility),
    criteriaJson: toJsonColumn(criteria),
    requiredAttachmentsJson: toJsonColumn(requiredAttachments),
    screeningChecklistJson: toJsonColumn(screeningChecklist),
  }) as CallRow;
}

/**
 * The audit snapshot of a call: its stored columns (JSON rules as stored text) without the keys the
 * entry names itself, and the sorted field ids. Audit entries have recorded this shape from the start.
 */
export function callSnapshot(c: CallRecord): Record<string, unknown> {
  const { id: _id, platform_id: _p, created_at: _c, updated_at: _u, ...rest } = callRow(c);
  return { ...rest, fieldIds: [...c.fieldIds].sort() };
}

async function fieldIdsOf(db: Kysely<DB>, callIds: string[]): Promise<Map<string, string[]>> {
  const byCall = new Map<string, string[]>(callIds.map((id) => [id, []]));
  if (callIds.length === 0) return byCall;
  const links = await db
    .selectFrom('call_fields')
    .select(['call_id', 'field_id'])
    .where('call_id', 'in', callIds)
    .execute();
  for (const l of links) byCall.get(l.call_id)?.push(l.field_id);
  return byCall;
}

async function recordsOf(db: Kysely<DB>, rows: CallRow[]): Promise<CallRecord[]> {
  const fields = await fieldIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => callRecord(r, fields.get(r.id)!));
}

/**
 * The call with its rules parsed, or undefined. With `lock` the row is locked for the rest of the
 * caller's transaction (PostgreSQL; SQLite serialises writers already), e.g. to check the deadline
 * against a concurrent extension.
 */
export async function loadCall(
  db: Kysely<DB>,
  id: string,
  opts: { lock?: DialectSeam } = {},
): Promise<CallRecord | undefined> {
  const q = db.selectFrom('calls').selectAll().where('id', '=', id);
  const row = await (opts.lock ? opts.lock.forUpdate(q) : q).executeTakeFirst();
  if (!row) return undefined;
  const fields = await db.selectFrom('call_fields').select('field_id').where('call_id', '=', id).execute();
  return callRecord(
    row,
    fields.map((f) => f.field_id),
  );
}

/** The calls with these ids, by id. */
export async function callsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, CallRecord>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('calls').selectAll().where('id', 'in', wanted).execute();
  return new Map((await recordsOf(db, rows)).map((c) => [c.id, c]));
}

/** The id of the platform's call with this code, if any. */
export async function callIdByCode(db: Kysely<DB>, platformId: string, code: string) {
  const row = await db
    .selectFrom('calls')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

/** Every call but drafts, optionally of one platform or tagged with one field. */
export async function listPublishedCalls(
  db: Kysely<DB>,
  q: { platformId?: string | undefined; fieldId?: string | undefined },
): Promise<CallRecord[]> {
  let query = db.selectFrom('calls').selectAll().where('state', '!=', 'draft');
  if (q.platformId) query = query.where('platform_id', '=', q.platformId);
  if (q.fieldId) {
    const fieldId = q.fieldId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('call_fields').select('call_id').where('field_id', '=', fieldId),
    );
  }
  return recordsOf(db, await query.execute());
}

/** Every call of a platform, drafts included, newest first. */
export async function listCallsOfPlatform(db: Kysely<DB>, platformId: string): Promise<CallRecord[]> {
  const rows = await db
    .selectFrom('calls')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return recordsOf(db, rows);
}

/** The calls of the platforms (every call with null), latest deadline first (the review's call list). */
export async function callsOfPlatforms(
  db: Kysely<DB>,
  platformIds: readonly string[] | null,
): Promise<CallRecord[]> {
  let q = db.selectFrom('calls').selectAll().orderBy('closes_at', 'desc').orderBy('id');
  if (platformIds) q = q.where('platform_id', 'in', [...platformIds]);
  return recordsOf(db, await q.execute());
}

/** Replaces the call's field links. */
async function setCallFields(db: Kysely<DB>, callId: string, ids: string[]) {
  await db.deleteFrom('call_fields').where('call_id', '=', callId).execute();
  if (ids.length)
    await db
      .insertInto('call_fields')
      .values(ids.map((field_id) => ({ call_id: callId, field_id })))
      .execute();
}

export async function insertCall(db: Kysely<DB>, call: CallRecord): Promise<void> {
  await db.insertInto('calls').values(callRow(call)).execute();
  await setCallFields(db, call.id, call.fieldIds);
}

/** Stores every column but the id, platform and creation time; the field links only when `fieldsChanged`. */
export async function updateCall(db: Kysely<DB>, call: CallRecord, fieldsChanged: boolean): Promise<void> {
  const { id: _id, platform_id: _p, created_at: _c, ...patch } = callRow(call);
  await db.updateTable('calls').set(patch).where('id', '=', call.id).execute();
  if (fieldsChanged) await setCallFields(db, call.id, call.fieldIds);
}

export async function setCallState(
  db: Kysely<DB>,
  id: string,
  state: CallState,
  patch: CallStatePatch,
  at: string,
): Promise<void> {
  await db
    .updateTable('calls')
    .set(updateRow<CallsTable>({ ...patch, state, updatedAt: at }))
    .where('id', '=', id)
    .execute();
}
