import { createHash } from 'node:crypto';
import { CRITERIA } from '../../common/calls.js';
import { canonicalJson } from '../../common/canonical-json.js';
import { weightedTotal } from '../../common/review-scoring.js';
import { write } from '../db/write.js';
import { type Ctx, isoNow } from '../http/context.js';
import { reportOf } from '../modules/lab-evaluations/lab-evaluations.adoption.js';
import { adoptRound, findRound } from '../modules/lab-evaluations/lab-evaluations.repository.js';
import { saveScorecardRows } from '../modules/lab-evaluations/lab-evaluations.scorecards.repository.js';
import { openRound } from '../modules/lab-evaluations/lab-evaluations.service.js';

/** The two periods NIST's committee evaluates in the demo (fiscal years; the IP demo covers 2010–2016). */
const DEMO_YEARS = [2015, 2016];

/**
 * NIST's seven units evaluated by its committee for two periods (issue 13). The rounds are opened
 * through the service (portfolios frozen, conflicts checked); the members hold no accounts in the demo,
 * so their illustrative scores and the chair's adoption are written here the way the service writes
 * them, audited. Idempotent: a period that has a round is left alone.
 */
export async function seedNistLabEvaluations(ctx: Ctx, platformId: string): Promise<void> {
  const members = await ctx.db
    .selectFrom('committee_members')
    .select('id')
    .where('platform_id', '=', platformId)
    .orderBy('term_start')
    .orderBy('id')
    .execute();
  if (members.length === 0) return;
  for (const [p, year] of DEMO_YEARS.entries()) {
    const taken = await ctx.db
      .selectFrom('lab_eval_rounds')
      .select('id')
      .where('platform_id', '=', platformId)
      .where('from_year', '=', year)
      .where('to_year', '=', year)
      .executeTakeFirst();
    if (taken) continue;
    const opened = await openRound(ctx, platformId, {
      fromYear: year,
      toYear: year,
      chairMemberId: members[0]!.id,
    });
    await write(ctx, async (trx, audit) => {
      const round = (await findRound(trx, opened.id))!;
      const cards = await trx
        .selectFrom('lab_eval_scorecards')
        .select(['id', 'unit_id', 'member_id'])
        .where('round_id', '=', round.id)
        .orderBy('id')
        .execute();
      const unitIndex = opened.units.map((u) => u.unit.id);
      const memberIndex = members.map((m) => m.id);
      const at = isoNow(ctx.clock);
      for (const c of cards) {
        const u = unitIndex.indexOf(c.unit_id);
        const m = memberIndex.indexOf(c.member_id);
        // Illustrative: each unit has its level, members differ a little, the second period is better.
        const scores = CRITERIA.map((criterion, k) => ({
          criterion,
          score: Math.min(10, 5 + ((u * 3 + m + k * 2) % 4) + p),
          comment: `示例评语 Illustrative comment (${criterion})`,
        }));
        const total = weightedTotal(
          round.criteria,
          Object.fromEntries(scores.map((s) => [s.criterion, s.score])),
        )!;
        await saveScorecardRows(trx, c.id, { scores, overallComment: null, at, submit: { total } });
      }
      const report = {
        ...(await reportOf(trx, round)),
        summaryZh: `FY${year} 评估委员会对七个单位的双重评估（示例数据）`,
        summaryEn: `FY${year} dual evaluation of the seven units by the committee (illustrative)`,
      };
      const json = canonicalJson(report);
      const sha256 = createHash('sha256').update(json).digest('hex');
      await adoptRound(trx, round.id, { adoptedBy: null, adoptedAt: at, report: json, sha256 });
      await audit({
        action: 'lab_evaluations.report_adopted',
        entityType: 'lab_eval_round',
        entityId: round.id,
        platformId,
        before: { state: 'open' },
        after: { state: 'adopted', reportSha256: sha256, seeded: true },
      });
    });
  }
}
