import { write } from '../../../db/write.js';
import { eachItem } from '../../../http/batch.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { receiptNumbersOfCall } from '../../applications/applications.lookup.js';
import { userIdsOfExperts } from '../experts/experts.service.js';
import { sendInvitation } from './publish.service.js';
import { officerCall } from './runs.access.js';
import { findSeat, lockSeat, reinviteSeatRow, seatsOfCall } from './runs.repository.js';
import { ensureSettings } from './settings.service.js';

const DAY = 86_400_000;

/**
 * 批量重新邀请 (issue 12): invites again, in one action, the experts of several seats whose invitations
 * ran out unanswered. Each seat is its own transaction and audit entry (server/http/batch.ts), so one
 * seat that can no longer be invited — answered meanwhile, still open, or its application already has
 * all its reviewers (a refill filled it) — is reported with its reason and the others go ahead. Who may
 * not run the call's review is refused for the whole batch.
 */
export async function reinviteSeats(ctx: Ctx, callId: string, seatIds: readonly string[]) {
  await officerCall(ctx.db, ctx, callId);
  return eachItem(seatIds, (id) => reinviteSeat(ctx, callId, id));
}

/** One seat: expired (stored so, or invited past its window) → invited again with a new window. */
async function reinviteSeat(ctx: Ctx, callId: string, seatId: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    await lockSeat(trx, ctx.seam, seatId);
    const seat = await findSeat(trx, seatId);
    if (!seat || seat.callId !== callId) throw notFound('assignment.seat_not_found');
    const now = ctx.clock.now();
    const at = now.toISOString();
    const expired = seat.state === 'expired' || (seat.state === 'invited' && seat.respondBy <= at);
    if (seat.state === 'invited' && !expired) throw new AppError(409, 'assignment.seat_still_open');
    if (!expired) throw new AppError(409, 'assignment.seat_answered', { params: { state: seat.state } });
    // The application's other live seats: accepted, or invited and still open (an unanswered one past
    // its window counts as expired, as the seats list shows it).
    const others = (await seatsOfCall(trx, callId)).filter(
      (s) =>
        s.id !== seatId &&
        s.applicationId === seat.applicationId &&
        (s.state === 'accepted' || (s.state === 'invited' && s.respondBy > at)),
    ).length;
    if (others >= call.reviewersPerApplication) throw new AppError(409, 'assignment.application_full');
    const settings = await ensureSettings(trx, callId, at);
    const respondBy = new Date(now.getTime() + settings.response_days * DAY).toISOString();
    await reinviteSeatRow(trx, seatId, at, respondBy);
    await sendInvitation(trx, ctx, call, {
      seatId,
      userId: (await userIdsOfExperts(trx, [seat.expertId])).get(seat.expertId),
      number: (await receiptNumbersOfCall(trx, callId)).get(seat.applicationId) ?? null,
      respondBy,
    });
    await audit({
      action: 'review.seat_reinvited',
      entityType: 'review_assignment',
      entityId: seatId,
      platformId: call.platformId,
      before: { state: 'expired', respondBy: seat.respondBy },
      after: { state: 'invited', respondBy },
    });
  });
}
