/**
 * The committee's periodic evaluation of a platform's units (DOMAIN.md §6; docs/lab-evaluation.md).
 * Shared by server and web; imports only common/.
 */
import { type CallCriteria, CRITERIA } from './calls.js';
import { dimensionScore, weightedTotal } from './review-scoring.js';

export const LAB_EVAL_ROUND_STATES = ['open', 'adopted'] as const;
export type LabEvalRoundState = (typeof LAB_EVAL_ROUND_STATES)[number];

/** Why a member does not rate a unit: they direct it, or they are on its staff. */
export const LAB_EVAL_CONFLICT_RULES = ['unit_director', 'unit_staff'] as const;
export type LabEvalConflictRule = (typeof LAB_EVAL_CONFLICT_RULES)[number];

/** Mean, population standard deviation, min and max of a list; nulls when empty. Rounded to 1e-6. */
export function stats(values: readonly number[]): {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
} {
  if (values.length === 0) return { mean: null, sd: null, min: null, max: null };
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean: r(mean), sd: r(Math.sqrt(variance)), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * A panel's aggregates over its submitted scorecards (pure; the committee's evaluation of units and the
 * expert panel of a project check both use it): per criterion the mean, the standard deviation, min and
 * max; the academic and economic sub-scores and the total as the weighted means of the criterion means
 * (as the panel does for applications); the standard deviation of the scorers' own totals as the
 * dispersion of the whole judgement.
 */
export function panelAggregate(
  criteria: Pick<CallCriteria, 'items'>,
  cards: readonly { total: number | null; scores: readonly { criterion: string; score: number }[] }[],
) {
  const per = CRITERIA.map((criterion) => {
    const values = cards.flatMap((c) =>
      c.scores.filter((s) => s.criterion === criterion).map((s) => s.score),
    );
    return { criterion, ...stats(values), n: values.length };
  });
  const means = Object.fromEntries(per.map((p) => [p.criterion, p.mean]));
  const totals = cards.map((c) => c.total).filter((t): t is number => t !== null);
  return {
    criteria: per,
    academic: dimensionScore(criteria, 'academic', means),
    economic: dimensionScore(criteria, 'economic', means),
    total: weightedTotal(criteria, means),
    totalSd: stats(totals).sd,
    scorecards: cards.length,
  };
}
