import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonical-json.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { unitRecord } from '../units/units.service.js';
import { actorMemberships } from './lab-evaluations.access.js';
import { can } from './lab-evaluations.policy.js';
import { unitResults } from './lab-evaluations.report.js';
import {
  adoptedRoundsOfUnit,
  adoptRound,
  lockRound,
  portfoliosOf,
  type Round,
} from './lab-evaluations.repository.js';
import type { AdoptInput, ReportView, RoundDetail, UnitHistory } from './lab-evaluations.schema.js';
import { scorecardsOfRounds, scoresOf } from './lab-evaluations.scorecards.repository.js';
import { getRound, readable } from './lab-evaluations.service.js';
import { unitRefs } from './lab-evaluations.views.js';

/**
 * The end of a round: its report (running, then adopted by the chair and frozen) and a unit's adopted
 * results over the periods.
 */

/** The running or adopted aggregates of a round's units. */
export async function reportOf(db: Ctx['db'], round: Round): Promise<ReportView> {
  if (round.report) return round.report as ReportView;
  const units = await unitRefs(
    db,
    (await portfoliosOf(db, [round.id])).map((p) => p.unitId),
  );
  const cards = await scorecardsOfRounds(db, [round.id]);
  const scores = await scoresOf(
    db,
    cards.filter((c) => c.state === 'submitted').map((c) => c.id),
  );
  return { units: unitResults(round.criteria, units, cards, scores), summaryZh: null, summaryEn: null };
}

/**
 * The chair adopts the committee's report: every scorecard submitted, the aggregates computed and
 * frozen with the summary (canonical JSON + sha256); the round can no longer change. Audited.
 */
export async function adoptReport(ctx: Ctx, roundId: string, input: AdoptInput): Promise<RoundDetail> {
  const round = await readable(ctx, roundId);
  await write(ctx, async (trx, audit) => {
    const locked = (await lockRound(trx, ctx.seam, round.id))!;
    const mine = await actorMemberships(trx, locked.platformId, ctx.actor);
    if (!mine.some((m) => m.id === locked.chairMemberId))
      throw new AppError(403, 'lab_evaluations.not_chair');
    if (locked.state !== 'open') throw new AppError(409, 'lab_evaluations.round_adopted');
    const cards = await scorecardsOfRounds(trx, [locked.id]);
    if (cards.length === 0 || cards.some((c) => c.state !== 'submitted'))
      throw new AppError(409, 'lab_evaluations.incomplete');
    const report: ReportView = {
      ...(await reportOf(trx, locked)),
      summaryZh: input.summaryZh || null,
      summaryEn: input.summaryEn || null,
    };
    const json = canonicalJson(report);
    const sha256 = createHash('sha256').update(json).digest('hex');
    if (
      !(await adoptRound(trx, locked.id, {
        adoptedBy: ctx.actor?.userId || null,
        adoptedAt: isoNow(ctx.clock),
        report: json,
        sha256,
      }))
    )
      throw new AppError(409, 'lab_evaluations.round_adopted');
    await audit({
      action: 'lab_evaluations.report_adopted',
      entityType: 'lab_eval_round',
      entityId: locked.id,
      platformId: locked.platformId,
      before: { state: 'open' },
      after: { state: 'adopted', reportSha256: sha256 },
    });
  });
  return getRound(ctx, roundId);
}

/** A unit's adopted results over the periods, oldest first, with the portfolio behind each. */
export async function unitHistory(ctx: Ctx, unitId: string): Promise<UnitHistory> {
  const unit = await unitRecord(ctx.db, unitId);
  if (!unit) throw notFound('units.not_found');
  const isCommitteeMember = (await actorMemberships(ctx.db, unit.platformId, ctx.actor)).length > 0;
  if (!can(ctx.actor, 'lab_evals.read', { platformId: unit.platformId, isCommitteeMember }))
    throw forbidden();
  const rounds = await adoptedRoundsOfUnit(ctx.db, unitId);
  const portfolios = await portfoliosOf(
    ctx.db,
    rounds.map((r) => r.id),
  );
  const [ref] = await unitRefs(ctx.db, [unitId]);
  return {
    unit: ref!,
    periods: rounds.flatMap((r) => {
      const result = (r.report as ReportView).units.find((u) => u.unit.id === unitId);
      const portfolio = portfolios.find((p) => p.roundId === r.id && p.unitId === unitId)?.portfolio;
      if (!result || !portfolio) return [];
      return [
        {
          roundId: r.id,
          fromYear: r.fromYear,
          toYear: r.toYear,
          adoptedAt: r.adoptedAt!,
          scale: r.criteria.scale,
          result,
          portfolio,
        },
      ];
    }),
  };
}
