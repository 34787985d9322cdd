import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import type { ReviewThresholds } from '../../../../common/review-thresholds.js';
import { camelRow, toJsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { invalidField } from '../../../http/errors.js';
import { assertRuleSetUsable } from '../conflicts/conflicts.rulesets.js';
import { officerCall } from './runs.access.js';
import {
  findSettings,
  insertSettings,
  type SettingsRow,
  scoringClosesAt,
  storedComposition,
  storedThresholds,
  thresholdsOf,
  updateSettings,
} from './runs.repository.js';
import type { ReviewSettingsView, UpdateReviewSettingsInput } from './runs.schema.js';

export type { SettingsRow };
/** For scoring: the panel's thresholds and when scoring closes (no authorization; the caller checked). */
export { scoringClosesAt, thresholdsOf };

/** The defaults of a call without a settings row (DOMAIN.md §5; docs/review-assignment.md). */
export function defaultSettings(callId: string, now: string): SettingsRow {
  return {
    call_id: callId,
    rule_set_id: DEFAULT_RULE_SET_ID,
    composition_json: toJsonColumn({ academic: 1, industry: 1 }),
    load_min: 0,
    load_max: 6,
    hybrid_top_n: 10,
    response_days: 7,
    scoring_closes_at: null,
    thresholds_json: '{}',
    updated_by: null,
    updated_at: now,
  };
}

/** The stored settings, or the defaults (not stored) when the call has none yet. */
export async function loadSettings(db: Kysely<DB>, callId: string, now: string): Promise<SettingsRow> {
  return (await findSettings(db, callId)) ?? defaultSettings(callId, now);
}

/** The settings row, inserted with the defaults when missing (inside the caller's transaction). */
export async function ensureSettings(trx: Kysely<DB>, callId: string, now: string): Promise<SettingsRow> {
  const row = await findSettings(trx, callId);
  if (row) return row;
  const fresh = defaultSettings(callId, now);
  await insertSettings(trx, fresh);
  return fresh;
}

/**
 * Sets the panel's thresholds of the call (inserting the default settings first when it has none),
 * inside the caller's transaction; returns the thresholds they replace. The scoring module's panel
 * owns the rules; this module owns the row.
 */
export async function saveThresholds(
  trx: Kysely<DB>,
  callId: string,
  thresholds: ReviewThresholds,
  by: string | null,
  at: string,
): Promise<unknown> {
  const row = await ensureSettings(trx, callId, at);
  await updateSettings(trx, callId, {
    thresholds_json: toJsonColumn(thresholds),
    updated_by: by,
    updated_at: at,
  });
  return storedThresholds(row);
}

export function settingsView(row: SettingsRow, k: number): ReviewSettingsView {
  const s = camelRow(row);
  return {
    callId: s.callId,
    ruleSetId: s.ruleSetId,
    composition: storedComposition(row),
    loadMin: s.loadMin,
    loadMax: s.loadMax,
    hybridTopN: s.hybridTopN,
    responseDays: s.responseDays,
    scoringClosesAt: s.scoringClosesAt,
    reviewersPerApplication: k,
    updatedAt: s.updatedAt,
  };
}

export async function getReviewSettings(ctx: Ctx, callId: string): Promise<ReviewSettingsView> {
  const call = await officerCall(ctx.db, ctx, callId);
  return settingsView(await loadSettings(ctx.db, callId, isoNow(ctx.clock)), call.reviewersPerApplication);
}

export async function updateReviewSettings(
  ctx: Ctx,
  callId: string,
  input: UpdateReviewSettingsInput,
): Promise<ReviewSettingsView> {
  return write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    const now = isoNow(ctx.clock);
    const before = await ensureSettings(trx, callId, now);
    if (input.ruleSetId) await assertRuleSetUsable(trx, input.ruleSetId, call.platformId);
    const loadMin = input.loadMin ?? before.load_min;
    const loadMax = input.loadMax ?? before.load_max;
    if (loadMin > loadMax) throw invalidField('/loadMin', 'request.invalid');
    const patch = {
      rule_set_id: input.ruleSetId ?? before.rule_set_id,
      composition_json: input.composition ? toJsonColumn(input.composition) : before.composition_json,
      load_min: loadMin,
      load_max: loadMax,
      hybrid_top_n: input.hybridTopN ?? before.hybrid_top_n,
      response_days: input.responseDays ?? before.response_days,
      scoring_closes_at:
        input.scoringClosesAt === undefined ? before.scoring_closes_at : input.scoringClosesAt,
      updated_by: ctx.actor?.userId || null,
      updated_at: now,
    };
    await updateSettings(trx, callId, patch);
    const { updated_at: _a, updated_by: _b, ...audited } = patch;
    await audit({
      action: 'review.settings_updated',
      entityType: 'call',
      entityId: callId,
      platformId: call.platformId,
      before: { ...before, updated_at: undefined, updated_by: undefined },
      after: audited,
    });
    return settingsView({ ...before, ...patch }, call.reviewersPerApplication);
  });
}
