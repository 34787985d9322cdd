import type { Kysely, Transaction } from 'kysely';
import { canTransition } from '../../../../common/calls.js';
import type { AssignmentMode } from '../../../../common/review.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, newId } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { receiptNumbersOfCall, reviewedApplications } from '../../applications/applications.lookup.js';
import { type CallRecord, effectiveCallState } from '../../calls/calls.lookup.js';
import { moveCall } from '../../calls/calls.service.js';
import { notify } from '../../notifications/notifications.service.js';
import { userIdsOfExperts } from '../experts/experts.service.js';
import { assertInReview, officerCall } from './runs.access.js';
import {
  expireOverdueSeats,
  findRun,
  insertSeat,
  markPublished,
  type RunRow,
  seatsOfCallById,
  storedResult,
} from './runs.repository.js';
import { publishedRun, solveAndStore } from './runs.service.js';
import { runView } from './runs.views.js';
import { ensureSettings } from './settings.service.js';

const DAY = 86_400_000;

/** Reviewer label number n (0-based): A … Z, AA, AB … — what anyone but the officers sees. */
export function seatLabel(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * Invites the experts of `pairs`: one seat each (state invited, the next free label of its application,
 * respond_by = now + response days) and a notification to the expert's user, in the caller's transaction.
 */
async function inviteSeats(
  trx: Transaction<DB>,
  ctx: Ctx,
  call: CallRecord,
  run: RunRow,
  pairs: [string, string][],
) {
  const now = ctx.clock.now();
  const settings = await ensureSettings(trx, call.id, now.toISOString());
  const respondBy = new Date(now.getTime() + settings.response_days * DAY).toISOString();
  const existing = await seatsOfCallById(trx, call.id);
  const used = new Map<string, number>();
  for (const s of existing) used.set(s.applicationId, (used.get(s.applicationId) ?? 0) + 1);
  const numberOf = await receiptNumbersOfCall(trx, call.id);
  const userOf = await userIdsOfExperts(
    trx,
    pairs.map((p) => p[0]),
  );
  for (const [expertId, applicationId] of pairs) {
    const n = used.get(applicationId) ?? 0;
    used.set(applicationId, n + 1);
    const id = newId();
    await insertSeat(trx, {
      id,
      callId: call.id,
      applicationId,
      expertId,
      runId: run.id,
      state: 'invited',
      label: seatLabel(n),
      invitedAt: now.toISOString(),
      respondBy,
      respondedAt: null,
      declineReason: null,
    });
    await sendInvitation(trx, ctx, call, {
      seatId: id,
      userId: userOf.get(expertId),
      number: numberOf.get(applicationId) ?? null,
      respondBy,
    });
  }
}

/**
 * The invitation itself: a `review.invited` notification (in the app, and by e-mail through the outbox)
 * to the expert's account, in the caller's transaction; an expert without an account gets none.
 */
export async function sendInvitation(
  trx: Kysely<DB>,
  ctx: Ctx,
  call: CallRecord,
  seat: { seatId: string; userId: string | null | undefined; number: string | null; respondBy: string },
) {
  if (!seat.userId) return;
  await notify(trx, ctx, {
    userIds: [seat.userId],
    kind: 'review.invited',
    platformId: call.platformId,
    entityType: 'review_assignment',
    entityId: seat.seatId,
    params: {
      callCode: call.code,
      callTitleZh: call.titleZh,
      callTitleEn: call.titleEn,
      number: seat.number,
      respondByAt: seat.respondBy,
    },
  });
}

/** A closed call (or a published one past its deadline) starts its review when seats are published. */
async function startReview(trx: Transaction<DB>, ctx: Ctx, call: CallRecord) {
  const now = ctx.clock.now();
  const closedByClock = call.state === 'published' && effectiveCallState(call, now) === 'closed';
  if (!canTransition(call.state, 'start_review') && !closedByClock) return;
  await moveCall(trx, ctx, call, 'start_review', {
    now,
    patch: closedByClock ? { closedAt: call.closesAt } : {},
  });
}

/** Publishes a draft run: seats and invitations, the call into review, the other drafts discarded. */
export async function publishRun(ctx: Ctx, callId: string, runId: string) {
  const run = await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    const draft = await findRun(trx, callId, runId);
    if (!draft) throw notFound('assignment.run_not_found');
    if (draft.state !== 'draft') throw new AppError(409, 'assignment.run_not_draft');
    if (await publishedRun(trx, callId)) throw new AppError(409, 'assignment.already_published');
    const now = ctx.clock.now().toISOString();
    const result = storedResult(draft);
    await inviteSeats(trx as Transaction<DB>, ctx, call, draft, result.assignments);
    await markPublished(trx, callId, runId, now);
    await startReview(trx as Transaction<DB>, ctx, call);
    await audit({
      action: 'review.run_published',
      entityType: 'assignment_run',
      entityId: runId,
      platformId: call.platformId,
      after: { seats: result.assignments.length, inputHash: draft.input_hash },
    });
    return { ...draft, state: 'published', published_at: now };
  });
  return runView(ctx.db, run);
}

/** Invitations past their answer window become expired (in the caller's transaction). */
export async function expireOverdue(trx: Transaction<DB>, callId: string, now: string) {
  await expireOverdueSeats(trx, callId, now);
}

/**
 * Refills declined and expired seats in one go: the seats still invited or accepted are fixed, the
 * declined and expired pairs are forbidden, and the call's mode (a new recorded seed for random and
 * hybrid) fills only the open seats. Accepted seats are never touched.
 */
export async function refillCall(ctx: Ctx, callId: string) {
  const run = await write(ctx, async (w, audit) => {
    // The instance builder and the conflicts engine take a Transaction; write() runs in one.
    const trx = w as Transaction<DB>;
    const call = await officerCall(trx, ctx, callId);
    const initial = await publishedRun(trx, callId);
    if (!initial) throw new AppError(409, 'assignment.not_published');
    await assertInReview(trx, callId);
    await expireOverdue(trx, callId, ctx.clock.now().toISOString());
    const seats = await seatsOfCallById(trx, callId);
    const pair = (s: (typeof seats)[number]): [string, string] => [s.expertId, s.applicationId];
    const fixed = seats.filter((s) => s.state === 'invited' || s.state === 'accepted').map(pair);
    const apps = await reviewedApplications(trx, callId);
    const live = new Map<string, number>();
    for (const [, a] of fixed) live.set(a, (live.get(a) ?? 0) + 1);
    // A seat is open while its application has fewer than k seats invited or accepted.
    if (apps.every((a) => (live.get(a.id) ?? 0) >= call.reviewersPerApplication))
      throw new AppError(409, 'assignment.nothing_to_refill');
    const open = seats.filter((s) => s.state === 'declined' || s.state === 'expired');
    const stored = await solveAndStore(
      trx,
      audit,
      ctx,
      call,
      { mode: initial.mode as AssignmentMode, purpose: 'refill', state: 'published' },
      { fixed, forbid: open.map(pair) },
    );
    const kept = new Set(fixed.map(([e, a]) => `${e}|${a}`));
    const fresh = stored.result.assignments.filter(([e, a]) => !kept.has(`${e}|${a}`));
    await inviteSeats(trx, ctx, call, stored.run, fresh);
    return stored.run;
  });
  return runView(ctx.db, run);
}
