import type { Kysely } from 'kysely';
import type { CallCriteria } from '../../../../common/calls.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../common/error-codes.js';
import { MIN_COMMENT_CHARS, weightedTotal } from '../../../../common/review-scoring.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, type FieldError } from '../../../http/errors.js';
import { lockSeat } from '../runs/seats.service.js';
import { ownSeat, type SeatContext, scoringRefusal } from './scorecards.access.js';
import { scorecardView } from './scorecards.view.js';
import { insertScorecard, markNoConflict, saveScorecardRows } from './scoring.repository.js';
import type { ScorecardInput, ScorecardView } from './scoring.schema.js';

const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

/**
 * Checks a scorecard against the call: each score on the scale, each criterion at most once; when
 * `complete`, every criterion present with a comment of at least MIN_COMMENT_CHARS characters.
 */
export function scorecardProblems(
  criteria: CallCriteria,
  input: ScorecardInput,
  complete: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    if (seen.has(s.criterion))
      errors.push(fieldError(`/scores/${i}/criterion`, 'scoring.criterion_repeated'));
    seen.add(s.criterion);
    if (s.score < criteria.scale.min || s.score > criteria.scale.max)
      errors.push(fieldError(`/scores/${i}/score`, 'scoring.score_out_of_scale'));
    if (complete && s.comment.trim().length < MIN_COMMENT_CHARS)
      errors.push(fieldError(`/scores/${i}/comment`, 'scoring.comment_required'));
  });
  if (complete)
    for (const item of criteria.items)
      if (!seen.has(item.key)) errors.push(fieldError('/scores', 'scoring.criterion_missing'));
  return errors;
}

const refuseIfAny = (errors: FieldError[]) => {
  if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
};

/** Locks nothing on SQLite (writers are serialised); on PostgreSQL the seat row takes concurrent writes in turn. */
async function lockedSeat(trx: Kysely<DB>, ctx: Ctx, assignmentId: string): Promise<SeatContext> {
  await lockSeat(trx, ctx.seam, assignmentId);
  const s = await ownSeat(trx, ctx, assignmentId);
  const refusal = scoringRefusal(s, ctx.clock.now());
  if (refusal) throw refusal;
  return s;
}

/** The scorecard of the caller's own accepted seat (404 for anyone else's). */
export async function getScorecard(ctx: Ctx, assignmentId: string): Promise<ScorecardView> {
  const s = await ownSeat(ctx.db, ctx, assignmentId);
  if (s.seat.state !== 'accepted') throw new AppError(409, 'scoring.seat_not_accepted');
  return scorecardView(ctx.db, s, scoringRefusal(s, ctx.clock.now()));
}

/** The expert declares no conflict of interest with the application; required before any score. */
export async function declareNoConflict(ctx: Ctx, assignmentId: string): Promise<ScorecardView> {
  await write(ctx, async (trx, audit) => {
    const s = await lockedSeat(trx, ctx, assignmentId);
    if (s.card?.noConflictDeclaredAt) return;
    const at = isoNow(ctx.clock);
    if (s.card) {
      await markNoConflict(trx, s.card.id, at);
    } else {
      await insertScorecard(trx, {
        id: newId(),
        assignmentId: s.seat.id,
        callId: s.seat.callId,
        applicationId: s.seat.applicationId,
        expertId: s.seat.expertId,
        state: 'draft',
        noConflictDeclaredAt: at,
        overallComment: null,
        weightedTotal: null,
        submittedAt: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    await audit({
      action: 'review.no_conflict_declared',
      entityType: 'review_assignment',
      entityId: s.seat.id,
      after: { applicationId: s.seat.applicationId, label: s.seat.label },
    });
  });
  return getScorecard(ctx, assignmentId);
}

/**
 * Saves the draft (PUT) or submits it (submit = true): the scores given replace the stored ones.
 * Submission needs every criterion with a comment, computes the weighted total and freezes the card.
 */
export async function saveScorecard(
  ctx: Ctx,
  assignmentId: string,
  input: ScorecardInput,
  submit: boolean,
): Promise<ScorecardView> {
  await write(ctx, async (trx, audit) => {
    const s = await lockedSeat(trx, ctx, assignmentId);
    if (!s.card?.noConflictDeclaredAt) throw new AppError(409, 'scoring.not_declared');
    refuseIfAny(scorecardProblems(s.criteria, input, submit));
    const at = isoNow(ctx.clock);
    const scores = Object.fromEntries(input.scores.map((x) => [x.criterion, x.score]));
    const total = submit ? weightedTotal(s.criteria, scores) : null;
    await saveScorecardRows(
      trx,
      s.card.id,
      input.scores.map((x) => ({ criterion: x.criterion, score: x.score, comment: x.comment.trim() })),
      {
        overallComment: input.overallComment || null,
        weightedTotal: total,
        state: submit ? 'submitted' : 'draft',
        submittedAt: submit ? at : null,
        updatedAt: at,
      },
    );
    if (submit)
      await audit({
        action: 'review.scorecard_submitted',
        entityType: 'review_scorecard',
        entityId: s.card.id,
        after: { applicationId: s.seat.applicationId, label: s.seat.label, weightedTotal: total, scores },
      });
  });
  return getScorecard(ctx, assignmentId);
}
