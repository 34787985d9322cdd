/**
 * Read access to calls for other modules (applications, review): the parsed record and its effective
 * state by the server clock. Other modules read calls through here, never through the table.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  type CallCriteria,
  type CallEffectiveState,
  type CallState,
  type ChecklistItem,
  effectiveState,
  type RequiredAttachment,
} from '../../../common/calls.js';
import type { EligibilityRule } from '../../../common/eligibility.js';
import type { DialectSeam } from '../../db/dialect.js';
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
  fieldIds: string[];
  createdBy: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function callRecord(row: CallRow, fieldIds: string[]): CallRecord {
  return {
    id: row.id,
    platformId: row.platform_id,
    code: row.code,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    summaryZh: row.summary_zh,
    summaryEn: row.summary_en,
    state: row.state as CallState,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    currency: row.currency,
    budgetTotalMinor: Number(row.budget_total_minor),
    ceilingMinor: Number(row.ceiling_minor),
    eligibility: JSON.parse(row.eligibility_json),
    criteria: JSON.parse(row.criteria_json),
    reviewersPerApplication: row.reviewers_per_application,
    requiredAttachments: JSON.parse(row.required_attachments_json),
    screeningChecklist: JSON.parse(row.screening_checklist_json),
    resubmitWindowDays: row.resubmit_window_days,
    fieldIds,
    createdBy: row.created_by,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
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

/**
 * draft | upcoming | open | closed | reviewing | decided | archived at `now` (the server clock:
 * `ctx.clock.now()`). Only an `open` call accepts submissions.
 */
export function effectiveCallState(
  call: Pick<CallRecord, 'state' | 'opensAt' | 'closesAt'>,
  now: Date,
): CallEffectiveState {
  return effectiveState(call, now);
}

/** True while the call accepts submissions at `now`. */
export const acceptsSubmissions = (call: Pick<CallRecord, 'state' | 'opensAt' | 'closesAt'>, now: Date) =>
  effectiveState(call, now) === 'open';
