import type { Kysely } from 'kysely';
import { CALL_TRANSITIONS, type CallAction, canTransition, DEFAULT_CRITERIA } from '../../../common/calls.js';
import type { ErrorCode } from '../../../common/error-codes.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { applicantsOfCall, notifyCall } from './calls.applicants.js';
import { type CallRecord, type CallRow, effectiveCallState, loadCall } from './calls.lookup.js';
import { can } from './calls.policy.js';
import type { CallView, CreateCallInput, ExtendDeadlineInput, UpdateCallInput } from './calls.schema.js';
import { staffView } from './calls.views.js';

const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: '',
});
const invalid = (errors: FieldError[]) => new AppError(400, 'request.validation_failed', { errors });

/** Checks that hold for every saved call, draft or not. */
function coherence(c: Pick<CallRow, 'opens_at' | 'closes_at' | 'budget_total_minor' | 'ceiling_minor'>) {
  const errors: FieldError[] = [];
  if (c.closes_at <= c.opens_at) errors.push(fieldError('/closesAt', 'calls.close_before_open'));
  if (Number(c.ceiling_minor) > Number(c.budget_total_minor))
    errors.push(fieldError('/ceilingMinor', 'calls.ceiling_above_total'));
  return errors;
}

async function assertCodeFree(trx: Kysely<DB>, platformId: string, code: string, selfId?: string) {
  const clash = await trx
    .selectFrom('calls')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (clash && clash.id !== selfId)
    throw new AppError(409, 'calls.code_taken', { errors: [fieldError('/code', 'calls.code_taken')] });
}

async function setFields(trx: Kysely<DB>, callId: string, ids: string[]) {
  await trx.deleteFrom('call_fields').where('call_id', '=', callId).execute();
  if (ids.length)
    await trx
      .insertInto('call_fields')
      .values(ids.map((field_id) => ({ call_id: callId, field_id })))
      .execute();
}

const audited = (r: CallRow, fieldIds: string[]) => {
  const { id: _id, platform_id: _p, created_at: _c, updated_at: _u, ...rest } = r;
  return { ...rest, fieldIds: [...fieldIds].sort() };
};

/** Creates a draft call on a platform (its program officers and admins). */
export async function createCall(ctx: Ctx, platformId: string, input: CreateCallInput): Promise<CallView> {
  const call = await retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const platform = await platformOrNotFound(trx, platformId);
      if (!can(ctx.actor, 'calls.manage', platform)) throw forbidden();
      const now = isoNow(ctx.clock);
      const row: CallRow = {
        id: newId(),
        platform_id: platformId,
        code: input.code,
        title_zh: input.titleZh,
        title_en: input.titleEn,
        summary_zh: input.summaryZh ?? null,
        summary_en: input.summaryEn ?? null,
        state: 'draft',
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        currency: input.currency ?? platform.default_currency,
        budget_total_minor: input.budgetTotalMinor,
        ceiling_minor: input.ceilingMinor,
        eligibility_json: JSON.stringify(input.eligibility ?? []),
        criteria_json: JSON.stringify(input.criteria ?? DEFAULT_CRITERIA),
        reviewers_per_application: input.reviewersPerApplication ?? 3,
        required_attachments_json: JSON.stringify(input.requiredAttachments ?? []),
        screening_checklist_json: JSON.stringify(input.screeningChecklist ?? []),
        resubmit_window_days: input.resubmitWindowDays ?? 7,
        created_by: ctx.actor?.userId || null,
        published_at: null,
        closed_at: null,
        created_at: now,
        updated_at: now,
      };
      const errors = coherence(row);
      if (errors.length) throw invalid(errors);
      await assertCodeFree(trx, platformId, row.code);
      const fieldIds = await resolveFieldRefs(trx, input);
      await trx.insertInto('calls').values(row).execute();
      await setFields(trx, row.id, fieldIds);
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'call.created',
        entityType: 'call',
        entityId: row.id,
        platformId,
        after: audited(row, fieldIds),
      });
      return row.id;
    }),
  );
  return staffView(ctx, (await loadCall(ctx.db, call))!);
}

/** The call, locked, when the caller may manage it; a draft is not found for anyone else. */
async function managed(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<CallRecord> {
  const call = await loadCall(trx, id, { lock: ctx.seam });
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId }))
    throw call.state === 'draft' ? notFound('calls.not_found') : forbidden();
  return call;
}

async function rowOf(trx: Kysely<DB>, id: string): Promise<CallRow> {
  return trx.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Edits a draft; given parts replace the stored ones. */
export async function updateCall(ctx: Ctx, id: string, input: UpdateCallInput): Promise<CallView> {
  await retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const call = await managed(trx, ctx, id);
      if (call.state !== 'draft')
        throw new AppError(409, 'calls.not_editable', { state: call.state, params: { state: call.state } });
      const before = await rowOf(trx, id);
      const j = <T>(v: T | undefined, old: string) => (v === undefined ? old : JSON.stringify(v));
      const after: CallRow = {
        ...before,
        code: input.code ?? before.code,
        title_zh: input.titleZh ?? before.title_zh,
        title_en: input.titleEn ?? before.title_en,
        summary_zh: input.summaryZh === undefined ? before.summary_zh : input.summaryZh,
        summary_en: input.summaryEn === undefined ? before.summary_en : input.summaryEn,
        opens_at: input.opensAt ?? before.opens_at,
        closes_at: input.closesAt ?? before.closes_at,
        currency: input.currency ?? before.currency,
        budget_total_minor: input.budgetTotalMinor ?? before.budget_total_minor,
        ceiling_minor: input.ceilingMinor ?? before.ceiling_minor,
        eligibility_json: j(input.eligibility, before.eligibility_json),
        criteria_json: j(input.criteria, before.criteria_json),
        reviewers_per_application: input.reviewersPerApplication ?? before.reviewers_per_application,
        required_attachments_json: j(input.requiredAttachments, before.required_attachments_json),
        screening_checklist_json: j(input.screeningChecklist, before.screening_checklist_json),
        resubmit_window_days: input.resubmitWindowDays ?? before.resubmit_window_days,
        updated_at: isoNow(ctx.clock),
      };
      const errors = coherence(after);
      if (errors.length) throw invalid(errors);
      if (after.code !== before.code) await assertCodeFree(trx, call.platformId, after.code, id);
      const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
      const fieldIds = fieldsGiven
        ? await resolveFieldRefs(trx, input, { keep: new Set(call.fieldIds) })
        : call.fieldIds;
      const { id: _id, platform_id: _p, created_at: _c, ...patch } = after;
      await trx.updateTable('calls').set(patch).where('id', '=', id).execute();
      if (fieldsGiven) await setFields(trx, id, fieldIds);
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'call.updated',
        entityType: 'call',
        entityId: id,
        platformId: call.platformId,
        before: audited(before, call.fieldIds),
        after: audited(after, fieldIds),
      });
    }),
  );
  return staffView(ctx, (await loadCall(ctx.db, id))!);
}

function illegal(call: CallRecord, action: CallAction, now: Date) {
  const effective = effectiveCallState(call, now);
  return new AppError(409, 'calls.illegal_transition', {
    detail: `The call is ${effective}; "${action}" is not allowed`,
    state: call.state,
    effectiveState: effective,
    action,
    params: { state: call.state, effectiveState: effective, action },
  });
}

/** Everything a call needs before the public sees it. */
function publishable(call: CallRecord, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (Date.parse(call.closesAt) <= now.getTime()) errors.push(fieldError('/closesAt', 'calls.close_in_past'));
  if (call.closesAt <= call.opensAt) errors.push(fieldError('/closesAt', 'calls.close_before_open'));
  if (call.budgetTotalMinor <= 0) errors.push(fieldError('/budgetTotalMinor', 'calls.budget_required'));
  if (call.ceilingMinor <= 0) errors.push(fieldError('/ceilingMinor', 'calls.budget_required'));
  if (call.ceilingMinor > call.budgetTotalMinor)
    errors.push(fieldError('/ceilingMinor', 'calls.ceiling_above_total'));
  if (call.fieldIds.length === 0) errors.push(fieldError('/fieldIds', 'calls.fields_required'));
  if (!call.summaryZh && !call.summaryEn) errors.push(fieldError('/summaryZh', 'calls.summary_required'));
  return errors;
}

/** Publishes, closes or extends; every change is audited with actor, time and reason. */
async function transition(
  ctx: Ctx,
  id: string,
  action: CallAction,
  reason: string | undefined,
  apply: (call: CallRecord, trx: Kysely<DB>, now: Date) => Promise<Partial<CallRow>>,
): Promise<CallView> {
  await ctx.db.transaction().execute(async (trx) => {
    const call = await managed(trx, ctx, id);
    const now = ctx.clock.now();
    if (!canTransition(call.state, action)) throw illegal(call, action, now);
    await moveCall(trx, ctx, call, action, { patch: await apply(call, trx, now), reason, now });
  });
  return staffView(ctx, (await loadCall(ctx.db, id))!);
}

/**
 * The one way a call's state changes, inside the caller's transaction once it has checked the move:
 * the new state with the patch, and the audit entry `call.<action>` (the review modules start the review
 * and record the decision through it).
 */
export async function moveCall(
  trx: Kysely<DB>,
  ctx: Ctx,
  call: Pick<CallRecord, 'id' | 'state' | 'platformId' | 'closesAt'>,
  action: CallAction,
  o: { now: Date; patch?: Partial<CallRow>; reason?: string | null; after?: Record<string, unknown> },
): Promise<void> {
  const to = CALL_TRANSITIONS[action].to;
  const patch = o.patch ?? {};
  await trx
    .updateTable('calls')
    .set({ ...patch, state: to, updated_at: o.now.toISOString() })
    .where('id', '=', call.id)
    .execute();
  await appendAudit(trx, ctx.seam, ctx, {
    action: `call.${action}`,
    entityType: 'call',
    entityId: call.id,
    platformId: call.platformId,
    before: { state: call.state, closesAt: call.closesAt },
    after: { state: to, closesAt: patch.closes_at ?? call.closesAt, ...o.after },
    reason: o.reason ?? null,
  });
}

export function publishCall(ctx: Ctx, id: string, reason?: string) {
  return transition(ctx, id, 'publish', reason, async (call, _trx, now) => {
    const errors = publishable(call, now);
    if (errors.length) throw invalid(errors);
    return { published_at: now.toISOString() };
  });
}

/** Closes a published call (also before its deadline); everyone applying to it is notified. */
export function closeCall(ctx: Ctx, id: string, reason?: string) {
  return transition(ctx, id, 'close', reason, async (call, trx, now) => {
    await notifyCall(trx, ctx, call, await applicantsOfCall(trx, id), 'call.closed', {});
    return { closed_at: now.toISOString() };
  });
}

/**
 * Moves the deadline later while the call is published and not yet past its deadline; the extension
 * is recorded with its reason and everyone applying to the call is notified.
 */
export function extendDeadline(ctx: Ctx, id: string, input: ExtendDeadlineInput) {
  return transition(ctx, id, 'extend_deadline', input.reason, async (call, trx, now) => {
    if (effectiveCallState(call, now) === 'closed') throw illegal(call, 'extend_deadline', now);
    if (input.closesAt <= call.closesAt)
      throw invalid([fieldError('/closesAt', 'calls.extension_not_later')]);
    await trx
      .insertInto('call_deadline_extensions')
      .values({
        id: newId(),
        call_id: id,
        previous_closes_at: call.closesAt,
        closes_at: input.closesAt,
        reason: input.reason,
        actor_id: ctx.actor?.userId || null,
        at: now.toISOString(),
      })
      .execute();
    await notifyCall(trx, ctx, call, await applicantsOfCall(trx, id), 'call.deadline_extended', {
      previousClosesAt: call.closesAt,
      closesAt: input.closesAt,
      reason: input.reason,
    });
    return { closes_at: input.closesAt };
  });
}
