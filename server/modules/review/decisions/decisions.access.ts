import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, forbidden, notFound } from '../../../http/errors.js';
import { type CallRecord, loadCall } from '../../calls/calls.lookup.js';
import { can } from '../../calls/calls.policy.js';
import { type Decision, findDecision } from './decisions.repository.js';

/**
 * The call when the caller is one of its platform's officers (platform admins, program officers, system
 * admins); others get 404 on a draft call and 403 otherwise. With `lock` the call row is locked.
 */
export async function decisionCall(
  db: Kysely<DB>,
  ctx: Ctx,
  callId: string,
  lock = false,
): Promise<CallRecord> {
  const call = await loadCall(db, callId, lock ? { lock: ctx.seam } : {});
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId })) {
    if (call.state === 'draft') throw notFound('calls.not_found');
    throw forbidden();
  }
  return call;
}

export const notReviewing = (state: string) =>
  new AppError(409, 'decisions.call_not_reviewing', { state, detail: `The call is ${state}` });

export const alreadyFinal = () => new AppError(409, 'decisions.already_final');

/** The decision of the call (locked with `lock`), or 404. */
export async function decisionRow(
  db: Kysely<DB>,
  ctx: Ctx,
  callId: string,
  decisionId: string,
  lock = false,
): Promise<Decision> {
  const found = await findDecision(db, callId, decisionId, lock ? { lock: ctx.seam } : {});
  if (!found) throw notFound('decisions.not_found');
  return found;
}
