import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, forbidden, notFound } from '../../../http/errors.js';
import { inReviewCount } from '../../applications/applications.lookup.js';
import { type CallRecord, loadCall } from '../../calls/calls.lookup.js';
import { can } from '../../calls/calls.policy.js';

/**
 * Who may do what with a call's review: the officers are the call platform's platform admins and
 * program officers (and system admins), as for the call itself; an expert acts only on their own seats.
 */
export async function officerCall(db: Kysely<DB>, ctx: Ctx, callId: string): Promise<CallRecord> {
  const call = await loadCall(db, callId);
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId })) throw forbidden();
  return call;
}

/** A call whose applications are in review (or already reviewing/decided): runs need in_review ones. */
export async function assertInReview(db: Kysely<DB>, callId: string): Promise<number> {
  const n = await inReviewCount(db, callId);
  if (n === 0) throw new AppError(409, 'assignment.call_not_reviewable');
  return n;
}
