import { CALL_TRANSITIONS, type CallAction, canTransition, DEFAULT_CRITERIA } from '../../../common/calls.js';
import type { ErrorCode } from '../../../common/error-codes.js';
import { type Audit, auditIn, type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { applicantsOfCall, notifyCall } from './calls.applicants.js';
import { effectiveCallState } from './calls.lookup.js';
import { can } from './calls.policy.js';
import {
  type CallRecord,
  type CallStatePatch,
  callIdByCode,
  callSnapshot,
  insertCall,
  insertDeadlineExtension,
  loadCall,
  setCallState,
  updateCall as storeCall,
} from './calls.repository.js';
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
function coherence(c: Pick<CallRecord, 'opensAt' | 'closesAt' | 'budgetTotalMinor' | 'ceilingMinor'>) {
  const errors: FieldError[] = [];
  if (c.closesAt <= c.opensAt) errors.push(fieldError('/closesAt', 'calls.close_before_open'));
  if (Number(c.ceilingMinor) > Number(c.budgetTotalMinor))
    errors.push(fieldError('/ceilingMinor', 'calls.ceiling_above_total'));
  return errors;
}

async function assertCodeFree(trx: Trx, platformId: string, code: string, selfId?: string) {
  const clash = await callIdByCode(trx, platformId, code);
  if (clash && clash !== selfId)
    throw new AppError(409, 'calls.code_taken', { errors: [fieldError('/code', 'calls.code_taken')] });
}

/** Creates a draft call on a platform (its program officers and admins); a copy names its source. */
export async function createCall(
  ctx: Ctx,
  platformId: string,
  input: CreateCallInput,
  opts: { copiedFrom?: string } = {},
): Promise<CallView> {
  const call = await write(
    ctx,
    async (trx, audit) => {
      const platform = await platformOrNotFound(trx, platformId);
      if (!can(ctx.actor, 'calls.manage', platform)) throw forbidden();
      const now = isoNow(ctx.clock);
      const values = {
        id: newId(),
        platformId,
        code: input.code,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        summaryZh: input.summaryZh ?? null,
        summaryEn: input.summaryEn ?? null,
        state: 'draft' as const,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        currency: input.currency ?? platform.default_currency,
        budgetTotalMinor: input.budgetTotalMinor,
        ceilingMinor: input.ceilingMinor,
        eligibility: input.eligibility ?? [],
        criteria: input.criteria ?? DEFAULT_CRITERIA,
        reviewersPerApplication: input.reviewersPerApplication ?? 3,
        requiredAttachments: input.requiredAttachments ?? [],
        screeningChecklist: input.screeningChecklist ?? [],
        resubmitWindowDays: input.resubmitWindowDays ?? 7,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        createdBy: ctx.actor?.userId || null,
        publishedAt: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const errors = coherence(values);
      if (errors.length) throw invalid(errors);
      await assertCodeFree(trx, platformId, values.code);
      const record: CallRecord = { ...values, fieldIds: await resolveFieldRefs(trx, input) };
      await insertCall(trx, record);
      await audit({
        action: 'call.created',
        entityType: 'call',
        entityId: record.id,
        platformId,
        after: { ...callSnapshot(record), ...(opts.copiedFrom && { copiedFrom: opts.copiedFrom }) },
      });
      return record.id;
    },
    { retryOnUniqueViolation: true },
  );
  return staffView(ctx, (await loadCall(ctx.db, call))!);
}

/** The call, locked, when the caller may manage it; a draft is not found for anyone else. */
async function managed(trx: Trx, ctx: Ctx, id: string): Promise<CallRecord> {
  const call = await loadCall(trx, id, { lock: ctx.seam });
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId }))
    throw call.state === 'draft' ? notFound('calls.not_found') : forbidden();
  return call;
}

/** Edits a draft; given parts replace the stored ones. */
export async function updateCall(ctx: Ctx, id: string, input: UpdateCallInput): Promise<CallView> {
  await write(
    ctx,
    async (trx, audit) => {
      const before = await managed(trx, ctx, id);
      if (before.state !== 'draft')
        throw new AppError(409, 'calls.not_editable', {
          state: before.state,
          params: { state: before.state },
        });
      const after: CallRecord = {
        ...before,
        code: input.code ?? before.code,
        titleZh: input.titleZh ?? before.titleZh,
        titleEn: input.titleEn ?? before.titleEn,
        summaryZh: input.summaryZh === undefined ? before.summaryZh : input.summaryZh,
        summaryEn: input.summaryEn === undefined ? before.summaryEn : input.summaryEn,
        opensAt: input.opensAt ?? before.opensAt,
        closesAt: input.closesAt ?? before.closesAt,
        currency: input.currency ?? before.currency,
        budgetTotalMinor: input.budgetTotalMinor ?? before.budgetTotalMinor,
        ceilingMinor: input.ceilingMinor ?? before.ceilingMinor,
        eligibility: input.eligibility ?? before.eligibility,
        criteria: input.criteria ?? before.criteria,
        reviewersPerApplication: input.reviewersPerApplication ?? before.reviewersPerApplication,
        requiredAttachments: input.requiredAttachments ?? before.requiredAttachments,
        screeningChecklist: input.screeningChecklist ?? before.screeningChecklist,
        resubmitWindowDays: input.resubmitWindowDays ?? before.resubmitWindowDays,
        contactName: input.contactName === undefined ? before.contactName : input.contactName,
        contactPhone: input.contactPhone === undefined ? before.contactPhone : input.contactPhone,
        contactEmail: input.contactEmail === undefined ? before.contactEmail : input.contactEmail,
        updatedAt: isoNow(ctx.clock),
      };
      const errors = coherence(after);
      if (errors.length) throw invalid(errors);
      if (after.code !== before.code) await assertCodeFree(trx, before.platformId, after.code, id);
      const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
      if (fieldsGiven)
        after.fieldIds = await resolveFieldRefs(trx, input, { keep: new Set(before.fieldIds) });
      await storeCall(trx, after, fieldsGiven);
      await audit({
        action: 'call.updated',
        entityType: 'call',
        entityId: id,
        platformId: before.platformId,
        before: callSnapshot(before),
        after: callSnapshot(after),
      });
    },
    { retryOnUniqueViolation: true },
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
  apply: (call: CallRecord, trx: Trx, now: Date) => Promise<CallStatePatch>,
): Promise<CallView> {
  await write(ctx, async (trx, audit) => {
    const call = await managed(trx, ctx, id);
    const now = ctx.clock.now();
    if (!canTransition(call.state, action)) throw illegal(call, action, now);
    await move(trx, audit, call, action, { patch: await apply(call, trx, now), reason, now });
  });
  return staffView(ctx, (await loadCall(ctx.db, id))!);
}

interface MoveOptions {
  now: Date;
  patch?: CallStatePatch;
  reason?: string | null;
  after?: Record<string, unknown>;
}

/** The new state with the patch, and the audit entry `call.<action>`, in the caller's transaction. */
async function move(
  trx: Trx,
  audit: Audit,
  call: Pick<CallRecord, 'id' | 'state' | 'platformId' | 'closesAt'>,
  action: CallAction,
  o: MoveOptions,
): Promise<void> {
  const to = CALL_TRANSITIONS[action].to;
  const patch = o.patch ?? {};
  await setCallState(trx, call.id, to, patch, o.now.toISOString());
  await audit({
    action: `call.${action}`,
    entityType: 'call',
    entityId: call.id,
    platformId: call.platformId,
    before: { state: call.state, closesAt: call.closesAt },
    after: { state: to, closesAt: patch.closes_at ?? call.closesAt, ...o.after },
    reason: o.reason ?? null,
  });
}

/**
 * The one way a call's state changes, inside the caller's transaction once it has checked the move:
 * the new state with the patch, and the audit entry `call.<action>` (the review modules start the review
 * and record the decision through it). Their transactions are still written by hand, so this takes the
 * context and appends the audit entry itself, as write()'s `audit` would.
 */
export function moveCall(
  trx: Trx,
  ctx: Ctx,
  call: Pick<CallRecord, 'id' | 'state' | 'platformId' | 'closesAt'>,
  action: CallAction,
  o: MoveOptions,
): Promise<void> {
  return move(trx, auditIn(trx, ctx), call, action, o);
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
    await insertDeadlineExtension(trx, {
      id: newId(),
      callId: id,
      previousClosesAt: call.closesAt,
      closesAt: input.closesAt,
      reason: input.reason,
      actorId: ctx.actor?.userId || null,
      at: now.toISOString(),
    });
    await notifyCall(trx, ctx, call, await applicantsOfCall(trx, id), 'call.deadline_extended', {
      previousClosesAt: call.closesAt,
      closesAt: input.closesAt,
      reason: input.reason,
    });
    return { closes_at: input.closesAt };
  });
}

/** For the open-data service: every call past its draft, with its fields. */
export { listPublishedCalls as publishedCallsForOpenData } from './calls.repository.js';

/** What the analytics read of calls (docs/analytics.md). */
export { callsOpenedByYear } from './calls.stats.repository.js';
