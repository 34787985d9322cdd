import type { Kysely } from 'kysely';
import { type CallCriteria, CRITERIA, type Criterion } from '../../../../common/calls.js';
import type { DB } from '../../../db/schema.js';
import { calibrateCards } from '../../review/scoring/calibration.cards.js';
import { CALIBRATION_METHOD } from '../../review/scoring/panel.compute.js';
import type { Check } from './checks.repository.js';
import { type CheckScorecard, scorecardsOf, scoresOf } from './checks.scoring.repository.js';

// Part of the check service: reviewer calibration of the panel's submitted scorecards on the current
// version, by the function application review uses (review/scoring/calibration.cards.ts, ADR 0011), shown
// to the officers and the chair beside the raw aggregates.

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

export async function checkCalibration(
  db: Kysely<DB>,
  check: Pick<Check, 'id' | 'version' | 'criteria'>,
  names: Map<string, { nameZh: string }>,
  cards?: CheckScorecard[],
) {
  const submitted = (cards ?? (await scorecardsOf(db, check.id, check.version))).filter(
    (c) => c.state === 'submitted' && c.total !== null,
  );
  const scores = await scoresOf(
    db,
    submitted.map((c) => c.id),
  );
  const input = submitted.map((c) => ({
    itemId: check.id,
    reviewerId: c.expertId,
    total: c.total!,
    scores: Object.fromEntries((scores.get(c.id) ?? []).map((s) => [s.criterion, s.score])) as Partial<
      Record<Criterion, number>
    >,
  }));
  const fit = calibrateCards(input, (check.criteria as CallCriteria).scale);
  const reviews = input.map((c) => ({
    expertId: c.reviewerId,
    name: names.get(c.reviewerId)?.nameZh ?? c.reviewerId,
    rawTotal: c.total,
    calibratedTotal: fit.total(check.id, c.reviewerId)?.calibrated ?? null,
  }));
  const used = CRITERIA.filter((k) => input.some((c) => c.scores[k] !== undefined));
  return {
    method: CALIBRATION_METHOD,
    lambda: fit.totalFit.lambda,
    rawMean: mean(reviews.map((r) => r.rawTotal)),
    calibratedMean: mean(reviews.flatMap((r) => (r.calibratedTotal === null ? [] : [r.calibratedTotal]))),
    reviews,
    criteria: used.map((k) => ({
      criterion: k,
      raw: mean(input.flatMap((c) => (c.scores[k] === undefined ? [] : [c.scores[k]!]))),
      calibrated: mean(
        input.flatMap((c) => {
          const v = fit.criterion(k, check.id, c.reviewerId)?.calibrated;
          return v === undefined ? [] : [v];
        }),
      ),
    })),
  };
}
