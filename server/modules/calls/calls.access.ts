import type { ErrorCode } from '../../../common/error-codes.js';
import type { Trx } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.js';
import { can } from './calls.policy.js';
import { type CallRecord, loadCall } from './calls.repository.js';

/** Who may change a call, and the shape of a refused field: shared by the drafts and the transitions. */
export const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: '',
});
export const invalid = (errors: FieldError[]) => new AppError(400, 'request.validation_failed', { errors });

/** The call, locked, when the caller may manage it; a draft is not found for anyone else. */
export async function managed(trx: Trx, ctx: Ctx, id: string): Promise<CallRecord> {
  const call = await loadCall(trx, id, { lock: ctx.seam });
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId }))
    throw call.state === 'draft' ? notFound('calls.not_found') : forbidden();
  return call;
}
