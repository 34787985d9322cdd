import { weightedTotal } from '../../../common/review-scoring.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { committeeMember } from '../committee/committee.service.js';
import { listPlatforms } from '../platforms/platforms.service.js';
import { scorecardProblems } from '../review/scoring/scorecards.service.js';
import { unitRecord } from '../units/units.service.js';
import { actorMemberships, conflictsOfMember } from './lab-evaluations.access.js';
import { findRound, lockRound, portfoliosOf } from './lab-evaluations.repository.js';
import type { ScorecardInput, ScorecardView } from './lab-evaluations.schema.js';
import {
  findScorecard,
  type Scorecard,
  saveScorecardRows,
  scorecardsOfMembers,
  scoresOf,
} from './lab-evaluations.scorecards.repository.js';
import { unitRefs } from './lab-evaluations.views.js';

// Part of the service: a committee member's own scorecards. Anyone else's, or one that does not exist,
// is 404 — a scorecard's existence says who rates which unit.

async function ownScorecard(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<Scorecard> {
  const card = await findScorecard(ctx.db, id);
  const member = card && (await committeeMember(ctx.db, card.memberId));
  if (!card || !member) throw notFound('lab_evaluations.scorecard_not_found');
  const mine = await actorMemberships(ctx.db, member.platformId, ctx.actor);
  if (!mine.some((m) => m.id === card.memberId)) throw notFound('lab_evaluations.scorecard_not_found');
  return card;
}

/** The signed-in member's scorecards on every platform, newest first. */
export async function myScorecards(ctx: Ctx) {
  const platforms = await listPlatforms(ctx);
  const memberIds: string[] = [];
  for (const p of platforms)
    for (const m of await actorMemberships(ctx.db, p.id, ctx.actor)) memberIds.push(m.id);
  const cards = await scorecardsOfMembers(ctx.db, memberIds);
  const units = await unitRefs(ctx.db, [...new Set(cards.map((c) => c.unitId))]);
  const items = [];
  for (const c of cards) {
    const round = (await findRound(ctx.db, c.roundId))!;
    items.push({
      id: c.id,
      roundId: round.id,
      platformId: round.platformId,
      fromYear: round.fromYear,
      toYear: round.toYear,
      roundState: round.state,
      unit: units.find((u) => u.id === c.unitId)!,
      state: c.state,
      total: c.total,
    });
  }
  items.sort((a, b) => b.toYear - a.toYear || (a.unit.code ?? '').localeCompare(b.unit.code ?? ''));
  return { items };
}

async function view(ctx: Pick<Ctx, 'db'>, card: Scorecard): Promise<ScorecardView> {
  const round = (await findRound(ctx.db, card.roundId))!;
  const portfolio = (await portfoliosOf(ctx.db, [round.id])).find((p) => p.unitId === card.unitId)!;
  const [unit] = await unitRefs(ctx.db, [card.unitId]);
  return {
    id: card.id,
    round: {
      id: round.id,
      fromYear: round.fromYear,
      toYear: round.toYear,
      state: round.state,
      criteria: round.criteria,
    },
    unit: unit!,
    portfolio: portfolio.portfolio,
    state: card.state,
    scores: (await scoresOf(ctx.db, [card.id])).get(card.id) ?? [],
    overallComment: card.overallComment,
    total: card.total,
    submittedAt: card.submittedAt,
  };
}

/** A member's own scorecard with the unit's frozen portfolio and the round's criteria. */
export async function getScorecard(ctx: Ctx, id: string): Promise<ScorecardView> {
  return view(ctx, await ownScorecard(ctx, id));
}

/**
 * Saves the draft, or submits (`submit`): every criterion once, on the round's scale, each with a
 * comment (the rules of application scorecards); the weighted total is computed and the card frozen.
 * A member found on the unit's staff since the round opened is refused (409 own_unit).
 */
export async function saveScorecard(
  ctx: Ctx,
  id: string,
  input: ScorecardInput,
  submit: boolean,
): Promise<ScorecardView> {
  const own = await ownScorecard(ctx, id);
  await write(ctx, async (trx, audit) => {
    const round = (await lockRound(trx, ctx.seam, own.roundId))!;
    if (round.state !== 'open') throw new AppError(409, 'lab_evaluations.round_adopted');
    const card = (await findScorecard(trx, id))!;
    if (card.state === 'submitted') throw new AppError(409, 'lab_evaluations.already_submitted');
    const errors = scorecardProblems(round.criteria, input, submit);
    if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
    const member = (await committeeMember(trx, card.memberId))!;
    const unit = (await unitRecord(trx, card.unitId))!;
    if ((await conflictsOfMember(trx, unit, member)).length)
      throw new AppError(409, 'lab_evaluations.own_unit');
    const scores = input.scores.map((s) => ({
      criterion: s.criterion,
      score: s.score,
      comment: s.comment.trim(),
    }));
    const total = submit
      ? weightedTotal(round.criteria, Object.fromEntries(scores.map((s) => [s.criterion, s.score])))
      : null;
    await saveScorecardRows(trx, id, {
      scores,
      overallComment: input.overallComment || null,
      at: isoNow(ctx.clock),
      submit: total === null ? null : { total },
    });
    if (submit)
      await audit({
        action: 'lab_evaluations.scorecard_submitted',
        entityType: 'lab_eval_scorecard',
        entityId: id,
        platformId: round.platformId,
        after: { roundId: round.id, unitId: card.unitId, memberId: card.memberId, total, scores },
      });
  });
  return view(ctx, (await findScorecard(ctx.db, id))!);
}
