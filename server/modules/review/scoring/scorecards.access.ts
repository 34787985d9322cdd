import type { Kysely } from 'kysely';
import type { CallCriteria } from '../../../../common/calls.js';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../http/context.js';
import { AppError } from '../../../http/errors.js';
import { loadApplication } from '../../applications/applications.lookup.js';
import { loadCall } from '../../calls/calls.lookup.js';
import { expertIdOfUser } from '../experts/experts.service.js';
import { findSeat, type Seat } from '../runs/seats.service.js';
import { scoringClosesAt } from '../runs/settings.service.js';
import { type Scorecard, scorecardOfSeat } from './scoring.repository.js';

export interface SeatContext {
  seat: Seat;
  card: Scorecard | undefined;
  criteria: CallCriteria;
  scoringClosesAt: string | null;
  applicationState: string;
}

/**
 * The caller's own seat with its call's criteria and deadline. Anyone else's seat, or a seat that does
 * not exist, is the same 404: a seat's existence says who reviews what.
 */
export async function ownSeat(
  db: Kysely<DB>,
  ctx: Pick<Ctx, 'actor'>,
  assignmentId: string,
): Promise<SeatContext> {
  const expertId = await expertIdOfUser(db, ctx.actor?.userId);
  const seat = await findSeat(db, assignmentId);
  if (!seat || !expertId || seat.expertId !== expertId) throw new AppError(404, 'scoring.seat_not_found');
  const [call, closesAt, app, card] = await Promise.all([
    loadCall(db, seat.callId),
    scoringClosesAt(db, seat.callId),
    loadApplication(db, seat.applicationId),
    scorecardOfSeat(db, seat.id),
  ]);
  return {
    seat,
    card,
    criteria: call!.criteria,
    scoringClosesAt: closesAt,
    applicationState: app!.state,
  };
}

/** Why the expert may not score now, or null: only an accepted seat, in review, before the deadline. */
export function scoringRefusal(s: SeatContext, now: Date): AppError | null {
  if (s.seat.state !== 'accepted') return new AppError(409, 'scoring.seat_not_accepted');
  if (s.card?.state === 'submitted') return new AppError(409, 'scoring.already_submitted');
  if (s.applicationState !== 'in_review') return new AppError(409, 'scoring.application_not_in_review');
  if (s.scoringClosesAt && now.getTime() >= Date.parse(s.scoringClosesAt))
    return new AppError(409, 'scoring.deadline_passed');
  return null;
}
