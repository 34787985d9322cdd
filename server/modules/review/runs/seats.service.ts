import type { Kysely } from 'kysely';
import { SEAT_STATES, type SeatState } from '../../../../common/review.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, platformIdsWithRole } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
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
      expertId: r.expertId,
      expertName: experts.get(r.expertId)?.name ?? r.expertId,
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
  const rows = await ctx.db
    .selectFrom('review_assignments as s')
    .innerJoin('calls as c', 'c.id', 's.call_id')
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .leftJoin('call_review_settings as r', 'r.call_id', 's.call_id')
    .select([
      's.id',
      's.call_id',
      's.application_id',
      's.label',
      's.state',
      's.respond_by',
      's.responded_at',
      'c.code',
      'c.title_zh as call_title_zh',
      'c.title_en as call_title_en',
      'a.receipt_no',
      'a.title_zh',
      'a.title_en',
      'r.scoring_closes_at',
    ])
    .where('s.expert_id', '=', expertId)
    .orderBy('s.invited_at', 'desc')
    .orderBy('s.id')
    .execute();
  const summaries = await latestSummaries(
    ctx,
    rows.map((r) => r.application_id),
  );
  const now = isoNow(ctx.clock);
  const submitted = await submittedSeats(
    ctx.db,
    rows.filter((r) => r.state === 'accepted').map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      callId: r.call_id,
      callCode: r.code,
      callTitleZh: r.call_title_zh,
      callTitleEn: r.call_title_en,
      applicationNumber: r.receipt_no,
      titleZh: r.title_zh,
      titleEn: r.title_en,
      summaryZh: summaries.get(r.application_id)?.summaryZh ?? null,
      summaryEn: summaries.get(r.application_id)?.summaryEn ?? null,
      label: r.label,
      state: (r.state === 'invited' && r.respond_by <= now ? 'expired' : r.state) as SeatState,
      respondBy: r.respond_by,
      respondedAt: r.responded_at,
      scoringClosesAt: r.scoring_closes_at ?? null,
      scorecardSubmitted: submitted.has(r.id),
    })),
  };
}

async function latestSummaries(ctx: Ctx, ids: string[]) {
  const out = new Map<string, { summaryZh: string | null; summaryEn: string | null }>();
  if (!ids.length) return out;
  const versions = await ctx.db
    .selectFrom('application_versions')
    .select(['application_id', 'content_json'])
    .where('application_id', 'in', [...new Set(ids)])
    .where('frozen_at', 'is not', null)
    .orderBy('version_no', 'desc')
    .execute();
  for (const v of versions) {
    if (out.has(v.application_id)) continue;
    const c = JSON.parse(v.content_json) as { summaryZh?: string | null; summaryEn?: string | null };
    out.set(v.application_id, { summaryZh: c.summaryZh ?? null, summaryEn: c.summaryEn ?? null });
  }
  return out;
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
    const call = await trx
      .selectFrom('calls')
      .select(['platform_id', 'code', 'title_zh', 'title_en'])
      .where('id', '=', seat.callId)
      .executeTakeFirstOrThrow();
    await audit({
      action: `review.seat_${state}`,
      entityType: 'review_assignment',
      entityId: assignmentId,
      platformId: call.platform_id,
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
  call: { platform_id: string; code: string; title_zh: string; title_en: string | null },
  reason: string | undefined,
) {
  const [experts, apps] = await Promise.all([
    expertNames(trx, [seat.expertId]),
    applicationLabels(trx, [seat.applicationId]),
  ]);
  await notify(trx, ctx, {
    userIds: await roleHoldersOrAdmins(trx, call.platform_id, 'program_officer'),
    kind: 'review.declined',
    platformId: call.platform_id,
    entityType: 'call_review',
    entityId: seat.callId,
    params: {
      callCode: call.code,
      callTitleZh: call.title_zh,
      callTitleEn: call.title_en,
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
  let q = ctx.db
    .selectFrom('calls as c')
    .select((eb) => [
      'c.id',
      'c.platform_id',
      'c.code',
      'c.title_zh',
      'c.title_en',
      'c.state',
      eb
        .selectFrom('applications as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.call_id', '=', 'c.id')
        .where('a.state', '=', 'in_review')
        .as('in_review'),
      eb
        .selectFrom('review_assignments as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.call_id', '=', 'c.id')
        .as('seats'),
    ])
    .orderBy('c.closes_at', 'desc')
    .orderBy('c.id');
  if (platforms) q = q.where('c.platform_id', 'in', platforms);
  const rows = await q.execute();
  return {
    items: rows
      .map((r) => ({
        id: r.id,
        platformId: r.platform_id,
        code: r.code,
        titleZh: r.title_zh,
        titleEn: r.title_en,
        state: r.state,
        inReview: Number(r.in_review ?? 0),
        seats: Number(r.seats ?? 0),
      }))
      .filter((c) => c.inReview > 0 || c.state === 'reviewing' || c.state === 'decided'),
  };
}
