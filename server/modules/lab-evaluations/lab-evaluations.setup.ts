import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { committeeMembersOf } from '../committee/committee.service.js';
import { serving, todayOf } from './lab-evaluations.access.js';
import { can } from './lab-evaluations.policy.js';
import { lockRound, type Round, updateRoundSetup } from './lab-evaluations.repository.js';
import type { EditRoundInput, RoundDetail } from './lab-evaluations.schema.js';
import {
  deleteScorecardsOfMember,
  scorecardsOfRounds,
  scoresOf,
} from './lab-evaluations.scorecards.repository.js';
import { getRound } from './lab-evaluations.service.js';

/**
 * Editing a round's set-up (issue 13): its criteria, its chair and which members take part may change
 * until scoring starts — the first score saved on any of its scorecards. After that the scores would be
 * against other criteria or lost with a member, so it is 409 `lab_evaluations.scoring_started`.
 */
async function editable(ctx: Ctx, trx: Ctx['db'], roundId: string): Promise<Round> {
  const round = await lockRound(trx, ctx.seam, roundId);
  if (!round) throw notFound('lab_evaluations.not_found');
  if (!can(ctx.actor, 'lab_evals.manage', { platformId: round.platformId, isCommitteeMember: false }))
    throw can(ctx.actor, 'lab_evals.read', { platformId: round.platformId, isCommitteeMember: false })
      ? forbidden()
      : notFound('lab_evaluations.not_found');
  if (round.state !== 'open') throw new AppError(409, 'lab_evaluations.round_adopted');
  const cards = await scorecardsOfRounds(trx, [round.id]);
  const scores = await scoresOf(
    trx,
    cards.map((c) => c.id),
  );
  if (cards.some((c) => c.state === 'submitted' || (scores.get(c.id)?.length ?? 0) > 0))
    throw new AppError(409, 'lab_evaluations.scoring_started');
  return round;
}

/** Changes the criteria and/or the chair of a round before scoring starts (its platform's admins). */
export async function editRound(ctx: Ctx, roundId: string, input: EditRoundInput): Promise<RoundDetail> {
  await write(ctx, async (trx, audit) => {
    const round = await editable(ctx, trx, roundId);
    const chairMemberId = input.chairMemberId ?? round.chairMemberId;
    if (
      !serving(await committeeMembersOf(trx, round.platformId), todayOf(ctx)).some(
        (m) => m.id === chairMemberId,
      )
    )
      throw invalidField('/chairMemberId', 'lab_evaluations.unknown_chair');
    const criteria = input.criteria ?? round.criteria;
    await updateRoundSetup(trx, round.id, { criteria, chairMemberId });
    await audit({
      action: 'lab_evaluations.round_edited',
      entityType: 'lab_eval_round',
      entityId: round.id,
      platformId: round.platformId,
      before: { criteria: round.criteria, chairMemberId: round.chairMemberId },
      after: { criteria, chairMemberId },
    });
  });
  return getRound(ctx, roundId);
}

/** Takes a member off a round before scoring starts (admins); not the chair (change the chair first). */
export async function removeMember(ctx: Ctx, roundId: string, memberId: string): Promise<RoundDetail> {
  await write(ctx, async (trx, audit) => {
    const round = await editable(ctx, trx, roundId);
    if (memberId === round.chairMemberId) throw new AppError(409, 'lab_evaluations.chair_not_removed');
    const removed = await deleteScorecardsOfMember(trx, round.id, memberId);
    if (removed === 0) throw notFound('lab_evaluations.scorecard_not_found');
    await audit({
      action: 'lab_evaluations.member_removed',
      entityType: 'lab_eval_round',
      entityId: round.id,
      platformId: round.platformId,
      before: { memberId, scorecards: removed },
    });
  });
  return getRound(ctx, roundId);
}
