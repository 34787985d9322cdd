import { DEFAULT_CRITERIA } from '../../../common/calls.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { committeeMember, committeeMembersOf } from '../committee/committee.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { periodOf } from '../ttreports/ttreports.period.js';
import { platformUnits, unitRecord, unitStaffEntries } from '../units/units.service.js';
import {
  actorMemberships,
  conflictsOfMember,
  conflictsWithin,
  serving,
  todayOf,
} from './lab-evaluations.access.js';
import { can } from './lab-evaluations.policy.js';
import { unitPortfolio } from './lab-evaluations.portfolio.js';
import {
  findRound,
  insertConflict,
  insertRound,
  insertUnitPortfolio,
  lockRound,
  periodTaken,
  portfoliosOf,
  type Round,
  roundsOfPlatform,
} from './lab-evaluations.repository.js';
import type { OpenRoundInput, RoundDetail, RoundList } from './lab-evaluations.schema.js';
import { insertScorecard, insertScorecards, scorecardOf } from './lab-evaluations.scorecards.repository.js';
import { roundDetail, roundSummaries } from './lab-evaluations.views.js';

const conflict = (code: 'lab_evaluations.own_unit' | 'lab_evaluations.already_assigned', pointer: string) =>
  new AppError(409, code, { errors: [{ in: 'body', pointer, code, message: '' }] });

/** The round if the actor may read it (404 otherwise, so a round's existence is not told). */
export async function readable(ctx: Ctx, roundId: string): Promise<Round> {
  const round = await findRound(ctx.db, roundId);
  if (!round) throw notFound('lab_evaluations.not_found');
  const isCommitteeMember = (await actorMemberships(ctx.db, round.platformId, ctx.actor)).length > 0;
  if (!can(ctx.actor, 'lab_evals.read', { platformId: round.platformId, isCommitteeMember }))
    throw notFound('lab_evaluations.not_found');
  return round;
}

/**
 * Opens a platform's round for a period (its admins): the criteria of the dual evaluation, the chair,
 * each unit's portfolio for the period pulled from the owning modules and frozen, every serving member
 * assigned to every unit except where a conflict is found (recorded with its evidence).
 */
export async function openRound(ctx: Ctx, platformId: string, input: OpenRoundInput): Promise<RoundDetail> {
  const id = await write(
    ctx,
    async (trx, audit) => {
      const platform = await platformOrNotFound(trx, platformId);
      const memberships = await actorMemberships(trx, platformId, ctx.actor);
      if (!can(ctx.actor, 'lab_evals.manage', { platformId, isCommitteeMember: memberships.length > 0 }))
        throw forbidden();
      if (input.toYear < input.fromYear || input.toYear - input.fromYear >= 10)
        throw invalidField('/toYear', 'lab_evaluations.period_order');
      if (await periodTaken(trx, platformId, input.fromYear, input.toYear))
        throw new AppError(409, 'lab_evaluations.period_taken', {
          errors: [{ in: 'body', pointer: '/fromYear', code: 'lab_evaluations.period_taken', message: '' }],
        });
      const members = serving(await committeeMembersOf(trx, platformId), todayOf(ctx));
      if (!members.some((m) => m.id === input.chairMemberId))
        throw invalidField('/chairMemberId', 'lab_evaluations.unknown_chair');
      const units = await platformUnits(trx, platformId);
      if (units.length === 0) throw new AppError(409, 'lab_evaluations.no_units');
      const period = periodOf(input.fromYear, input.toYear, 'fiscal', platform.fiscalYearStartMonth);
      const now = isoNow(ctx.clock);
      const round = {
        id: newId(),
        platformId,
        fromYear: input.fromYear,
        toYear: input.toYear,
        startDate: period.startDate,
        endDate: period.endDate,
        criteria: input.criteria ?? DEFAULT_CRITERIA,
        chairMemberId: input.chairMemberId,
        state: 'open' as const,
        openedBy: ctx.actor?.userId || null,
        openedAt: now,
        adoptedBy: null,
        adoptedAt: null,
        reportSha256: null,
      };
      await insertRound(trx, round);
      let assigned = 0;
      let conflicts = 0;
      for (const unit of units) {
        await insertUnitPortfolio(
          trx,
          round.id,
          unit.id,
          await unitPortfolio(trx, platformId, unit.id, period),
        );
        const staff = await unitStaffEntries(trx, unit.id);
        const cards = [];
        for (const member of members) {
          const found = conflictsWithin(unit, staff, member);
          for (const f of found) {
            await insertConflict(trx, {
              id: newId(),
              roundId: round.id,
              unitId: unit.id,
              memberId: member.id,
              ...f,
              foundAt: now,
            });
            conflicts++;
          }
          if (found.length) continue;
          cards.push({
            id: newId(),
            roundId: round.id,
            unitId: unit.id,
            memberId: member.id,
            state: 'draft' as const,
            overallComment: null,
            total: null,
            submittedAt: null,
            updatedAt: now,
          });
        }
        await insertScorecards(trx, cards);
        assigned += cards.length;
      }
      await audit({
        action: 'lab_evaluations.round_opened',
        entityType: 'lab_eval_round',
        entityId: round.id,
        platformId,
        after: {
          fromYear: round.fromYear,
          toYear: round.toYear,
          criteria: round.criteria,
          chairMemberId: round.chairMemberId,
          units: units.length,
          scorecards: assigned,
          conflicts,
        },
      });
      return round.id;
    },
    { retryOnUniqueViolation: true },
  );
  return getRound(ctx, id);
}

/** A platform's rounds, newest period first, with their progress. */
export async function listRounds(ctx: Ctx, platformId: string): Promise<RoundList> {
  await platformOrNotFound(ctx.db, platformId);
  const isCommitteeMember = (await actorMemberships(ctx.db, platformId, ctx.actor)).length > 0;
  if (!can(ctx.actor, 'lab_evals.read', { platformId, isCommitteeMember })) throw forbidden();
  return {
    items: await roundSummaries(ctx.db, await roundsOfPlatform(ctx.db, platformId)),
    access: { open: can(ctx.actor, 'lab_evals.manage', { platformId, isCommitteeMember }) },
  };
}

/** One round: units and portfolios; completeness and conflicts for the admins (and the chair's view of progress). */
export async function getRound(ctx: Ctx, roundId: string): Promise<RoundDetail> {
  const round = await readable(ctx, roundId);
  const manage = can(ctx.actor, 'lab_evals.manage', {
    platformId: round.platformId,
    isCommitteeMember: false,
  });
  const mine = await actorMemberships(ctx.db, round.platformId, ctx.actor);
  const chair = mine.some((m) => m.id === round.chairMemberId);
  return roundDetail(ctx.db, round, { manage, chair });
}

/** Assigns a serving member to a unit of an open round (admins); a member never rates their own unit (409). */
export async function assignMember(
  ctx: Ctx,
  roundId: string,
  input: { unitId: string; memberId: string },
): Promise<RoundDetail> {
  await write(
    ctx,
    async (trx, audit) => {
      const round = await lockRound(trx, ctx.seam, roundId);
      if (!round) throw notFound('lab_evaluations.not_found');
      if (!can(ctx.actor, 'lab_evals.manage', { platformId: round.platformId, isCommitteeMember: false })) {
        const member = (await actorMemberships(trx, round.platformId, ctx.actor)).length > 0;
        if (!can(ctx.actor, 'lab_evals.read', { platformId: round.platformId, isCommitteeMember: member }))
          throw notFound('lab_evaluations.not_found');
        throw forbidden();
      }
      if (round.state !== 'open') throw new AppError(409, 'lab_evaluations.round_adopted');
      const inRound = (await portfoliosOf(trx, [round.id])).some((p) => p.unitId === input.unitId);
      const unit = inRound ? await unitRecord(trx, input.unitId) : undefined;
      if (!unit) throw invalidField('/unitId', 'lab_evaluations.unknown_unit');
      const member = await committeeMember(trx, input.memberId);
      if (!member || member.platformId !== round.platformId || serving([member], todayOf(ctx)).length === 0)
        throw invalidField('/memberId', 'lab_evaluations.unknown_member');
      if ((await conflictsOfMember(trx, unit, member)).length)
        throw conflict('lab_evaluations.own_unit', '/memberId');
      if (await scorecardOf(trx, round.id, unit.id, member.id))
        throw conflict('lab_evaluations.already_assigned', '/memberId');
      const id = newId();
      await insertScorecard(trx, {
        id,
        roundId: round.id,
        unitId: unit.id,
        memberId: member.id,
        state: 'draft',
        overallComment: null,
        total: null,
        submittedAt: null,
        updatedAt: isoNow(ctx.clock),
      });
      await audit({
        action: 'lab_evaluations.member_assigned',
        entityType: 'lab_eval_scorecard',
        entityId: id,
        platformId: round.platformId,
        after: { roundId: round.id, unitId: unit.id, memberId: member.id },
      });
    },
    { retryOnUniqueViolation: true },
  );
  return getRound(ctx, roundId);
}
