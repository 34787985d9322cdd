import { type CallCriteria, CRITERIA } from '../../../common/calls.js';
import { stats } from '../../../common/lab-evaluations.js';
import { dimensionScore, weightedTotal } from '../../../common/review-scoring.js';
import type { Score, Scorecard } from './lab-evaluations.repository.js';
import type { UnitResult } from './lab-evaluations.schema.js';

type UnitRef = UnitResult['unit'];

/**
 * The committee's aggregates per unit over the submitted scorecards (pure): per criterion the mean,
 * the standard deviation, min and max; the academic and economic sub-scores and the total as the
 * round's weighted means of the criterion means (as the panel does for applications); the standard
 * deviation of the members' own totals as the dispersion of the whole judgement.
 */
export function unitResults(
  criteria: CallCriteria,
  units: readonly UnitRef[],
  scorecards: readonly Scorecard[],
  scores: ReadonlyMap<string, Score[]>,
): UnitResult[] {
  return units.map((unit) => {
    const cards = scorecards.filter((s) => s.unitId === unit.id && s.state === 'submitted');
    const per = CRITERIA.map((criterion) => {
      const values = cards.flatMap((c) =>
        (scores.get(c.id) ?? []).filter((s) => s.criterion === criterion).map((s) => s.score),
      );
      return { criterion, ...stats(values), n: values.length };
    });
    const means = Object.fromEntries(per.map((p) => [p.criterion, p.mean]));
    const totals = cards.map((c) => c.total).filter((t): t is number => t !== null);
    return {
      unit,
      criteria: per,
      academic: dimensionScore(criteria, 'academic', means),
      economic: dimensionScore(criteria, 'economic', means),
      total: weightedTotal(criteria, means),
      totalSd: stats(totals).sd,
      scorecards: cards.length,
    };
  });
}
