import { CALL_TRANSITIONS, type CallAction, canTransition } from '../../../common/calls.js';
import { type Audit, auditIn, type Trx, write } from '../../db/write.js';
import { type Ctx, newId } from '../../http/context.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { fieldError, invalid, managed } from './calls.access.js';
import { applicantsOfCall, notifyCall } from './calls.applicants.js';
import { insertDeadlineExtension } from './calls.deadlines.repository.js';
import { effectiveCallState } from './calls.lookup.js';
import { type CallRecord, type CallStatePatch, loadCall, setCallState } from './calls.repository.js';
import type { CallView, ExtendDeadlineInput } from './calls.schema.js';
import { staffView } from './calls.views.js';

/**
 * A call's state changes (part of the service, re-exported by calls.service.ts): publish, close, extend
 * the deadline, and `moveCall` for the review modules; each one audited with actor, time and reason.
 */

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
    after: { state: to, closesAt: patch.closesAt ?? call.closesAt, ...o.after },
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
    return { publishedAt: now.toISOString() };
  });
}

/** Closes a published call (also before its deadline); everyone applying to it is notified. */
export function closeCall(ctx: Ctx, id: string, reason?: string) {
  return transition(ctx, id, 'close', reason, async (call, trx, now) => {
    await notifyCall(trx, ctx, call, await applicantsOfCall(trx, id), 'call.closed', {});
    return { closedAt: now.toISOString() };
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
    return { closesAt: input.closesAt };
  });
}
