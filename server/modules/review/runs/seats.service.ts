import type { Kysely } from 'kysely';
import { SEAT_STATES, type SeatState } from '../../../../common/review.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, platformIdsWithRole } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import {
  inReviewCountsByCall,
  latestFrozenContents,
  reviewedApplicationsByIds,
} from '../../applications/applications.lookup.js';
import { type CallRecord, callsByIds, callsOfPlatforms, loadCall } from '../../calls/calls.lookup.js';
import { notify, roleHoldersOrAdmins } from '../../notifications/notifications.service.js';
import { expertIdOfUser } from '../experts/experts.service.js';
import { submittedSeats } from '../scoring/scoring.lookup.js';
import { officerCall } from './runs.access.js';
import {
  answerSeatRow,
  findSeat,
  liveSeatCounts,
  lockSeat,
  type Seat,
  seatsOfCall,
} from './runs.repository.js';
import type { MyReviewView } from './runs.schema.js';
import { applicationLabels, expertNames } from './runs.views.js';
import { seatCountsByCall, seatsOfExpert } from './seats.repository.js';

/** For scoring: a seat by id, its row lock, and how many live (invited or accepted) seats each application has. */
export { findSeat, liveSeatCounts, lockSeat, type Seat };

/** For the panel: the label of each seat of the call (A, B, …), by seat id. */
export async function seatLabels(db: Kysely<DB>, callId: string): Promise<Map<string, string>> {
  return new Map((await seatsOfCall(db, callId)).map((s) => [s.id, s.label]));
}

/** Every seat of a call with its state, and the counts per state (officers). */
export async function listSeats(ctx: Ctx, callId: string) {
  await officerCall(ctx.db, ctx, callId);
  const rows = await seatsOfCall(ctx.db, callId);
  const experts = await expertNames(
    ctx.db,
    rows.map((r) => r.expertId),
  );
  const apps = await applicationLabels(
    ctx.db,
    rows.map((r) => r.applicationId),
  );
  const now = isoNow(ctx.clock);
  const counts = Object.fromEntries(SEAT_STATES.map((s) => [s, 0])) as Record<SeatState, number>;
  const items = rows.map((r) => {
    // An unanswered invitation past its window shows as expired (stored so by the next refill).
    const state = (r.state === 'invited' && r.respondBy <= now ? 'expired' : r.state) as SeatState;
    counts[state]++;
    return {
      id: r.id,
      applicationId: r.applicationId,
      applicationNumber: apps.get(r.applicationId)?.number ?? null,
      applicationTitle: apps.get(r.applicationId)?.title ?? null,
      applicationTitleEn: apps.get(r.applicationId)?.titleEn ?? null,
      expertId: r.expertId,
      expertName: experts.get(r.expertId)?.name ?? r.expertId,
      expertNameEn: experts.get(r.expertId)?.nameEn ?? null,
      category: experts.get(r.expertId)?.category ?? 'academic',
      label: r.label,
      state,
      invitedAt: r.invitedAt,
      respondBy: r.respondBy,
      respondedAt: r.respondedAt,
      declineReason: r.declineReason,
      runId: r.runId,
    };
  });
  return { items, counts };
}

/** The signed-in expert's own seats: call, application number, title and summary; never other reviewers. */
export async function listMyReviews(ctx: Ctx): Promise<{ items: MyReviewView[] }> {
  const expertId = await expertIdOfUser(ctx.db, ctx.actor?.userId);
  if (!expertId) return { items: [] };
  const rows = await seatsOfExpert(ctx.db, expertId);
  const [calls, apps, summaries] = await Promise.all([
    callsByIds(
      ctx.db,
      rows.map((r) => r.callId),
    ),
    reviewedApplicationsByIds(
      ctx.db,
      rows.map((r) => r.applicationId),
    ),
    latestFrozenContents<{ summaryZh?: string | null; summaryEn?: string | null }>(
      ctx.db,
      rows.map((r) => r.applicationId),
    ),
  ]);
  const now = isoNow(ctx.clock);
  const submitted = await submittedSeats(
    ctx.db,
    rows.filter((r) => r.state === 'accepted').map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const call = calls.get(r.callId)!;
      const app = apps.get(r.applicationId)!;
      return {
        id: r.id,
        callId: r.callId,
        callCode: call.code,
        callTitleZh: call.titleZh,
        callTitleEn: call.titleEn,
        applicationNumber: app.receiptNo,
        titleZh: app.titleZh,
        titleEn: app.titleEn,
        summaryZh: summaries.get(r.applicationId)?.summaryZh ?? null,
        summaryEn: summaries.get(r.applicationId)?.summaryEn ?? null,
        label: r.label,
        state: (r.state === 'invited' && r.respondBy <= now ? 'expired' : r.state) as SeatState,
        respondBy: r.respondBy,
        respondedAt: r.respondedAt,
        scoringClosesAt: r.scoringClosesAt,
        scorecardSubmitted: submitted.has(r.id),
      };
    }),
  };
}

/**
 * The expert answers their own invitation while it is open and before respond_by; anyone else is told
 * it does not exist (404), a late or second answer is a 409.
 */
export async function answerSeat(
  ctx: Ctx,
  assignmentId: string,
  answer: 'accept' | 'decline',
  reason?: string,
) {
  await write(ctx, async (trx, audit) => {
    const expertId = await expertIdOfUser(trx, ctx.actor?.userId);
    const seat = await findSeat(trx, assignmentId);
    if (!seat || !expertId || seat.expertId !== expertId) throw notFound('assignment.seat_not_found');
    const now = isoNow(ctx.clock);
    if (seat.state !== 'invited') throw new AppError(409, 'assignment.seat_not_open');
    if (seat.respondBy <= now) throw new AppError(409, 'assignment.response_window_closed');
    const state = answer === 'accept' ? 'accepted' : 'declined';
    await answerSeatRow(trx, assignmentId, state, now, answer === 'decline' ? (reason ?? null) : null);
    const call = (await loadCall(trx, seat.callId))!;
    await audit({
      action: `review.seat_${state}`,
      entityType: 'review_assignment',
      entityId: assignmentId,
      platformId: call.platformId,
      before: { state: seat.state },
      after: { state },
      reason: reason ?? null,
    });
    if (state === 'declined') await tellOfficersOfDecline(trx, ctx, seat, call, reason);
  });
  const mine = await listMyReviews(ctx);
  return mine.items.find((s) => s.id === assignmentId)!;
}

/** The call's program officers (its platform admins when it has none) learn of a declined seat, to refill it. */
async function tellOfficersOfDecline(
  trx: Kysely<DB>,
  ctx: Ctx,
  seat: Seat,
  call: CallRecord,
  reason: string | undefined,
) {
  const [experts, apps] = await Promise.all([
    expertNames(trx, [seat.expertId]),
    applicationLabels(trx, [seat.applicationId]),
  ]);
  await notify(trx, ctx, {
    userIds: await roleHoldersOrAdmins(trx, call.platformId, 'program_officer'),
    kind: 'review.declined',
    platformId: call.platformId,
    entityType: 'call_review',
    entityId: seat.callId,
    params: {
      callCode: call.code,
      callTitleZh: call.titleZh,
      callTitleEn: call.titleEn,
      number: apps.get(seat.applicationId)?.number ?? null,
      label: seat.label,
      expert: experts.get(seat.expertId)?.name ?? null,
      reason: reason ?? null,
    },
  });
}

/**
 * Calls to review for the officer: the calls of their platforms (all for a system admin) with
 * applications in review, or in review or decided.
 */
export async function listReviewCalls(ctx: Ctx) {
  const actor = ctx.actor;
  const platforms = actor?.isSystemAdmin
    ? null
    : platformIdsWithRole(actor, ['platform_admin', 'program_officer']);
  if (platforms && !platforms.length) return { items: [] };
  const calls = await callsOfPlatforms(ctx.db, platforms);
  const ids = calls.map((c) => c.id);
  const [inReview, seats] = await Promise.all([
    inReviewCountsByCall(ctx.db, ids),
    seatCountsByCall(ctx.db, ids),
  ]);
  return {
    items: calls
      .map((c) => ({
        id: c.id,
        platformId: c.platformId,
        code: c.code,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        state: c.state,
        inReview: inReview.get(c.id) ?? 0,
        seats: seats.get(c.id) ?? 0,
      }))
      .filter((c) => c.inReview > 0 || c.state === 'reviewing' || c.state === 'decided'),
  };
}
