/**
 * The scorecard of the dual evaluation (DOMAIN.md §5; docs/review-scoring.md): the weighted total, the
 * shortest acceptable comment and the calibration flags. Shared by server and web; imports only common/.
 */
import { type CallCriteria, CRITERIA, CRITERION_DIMENSION, type Criterion } from './calls.js';

/** A comment shorter than this (after trimming) is not a justification. */
export const MIN_COMMENT_CHARS = 5;
export const MAX_COMMENT_CHARS = 4000;

/**
 * The weighted total on the call's scale: Σ weight × score / Σ weight (weights add up to 1 or to 100,
 * so the total stays on the scale). Null until every criterion has a score.
 */
export function weightedTotal(
  criteria: Pick<CallCriteria, 'items'>,
  scores: Partial<Record<Criterion, number | null | undefined>>,
): number | null {
  let sum = 0;
  let weights = 0;
  for (const item of criteria.items) {
    const s = scores[item.key];
    if (s === null || s === undefined || !Number.isFinite(s)) return null;
    sum += item.weight * s;
    weights += item.weight;
  }
  // Rounded to 1e-6 so that 0.2 × 6 × 5 is 6, not 6.000000000000001.
  return weights > 0 ? Math.round((sum / weights) * 1e6) / 1e6 : null;
}

/** The weighted mean of one dimension's criteria (academic or economic), null when one is missing. */
export function dimensionScore(
  criteria: Pick<CallCriteria, 'items'>,
  dimension: 'academic' | 'economic',
  scores: Partial<Record<Criterion, number | null | undefined>>,
): number | null {
  const items = criteria.items.filter((i) => CRITERION_DIMENSION[i.key] === dimension);
  return weightedTotal({ items }, scores);
}

export const DIMENSIONS = ['academic', 'economic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
  academic: 'Academic evaluation',
  economic: 'Economic evaluation',
};
export const criteriaOf = (dimension: Dimension): Criterion[] =>
  CRITERIA.filter((c) => CRITERION_DIMENSION[c] === dimension);

/** Why a review or a reviewer is flagged by the calibration (server/modules/review/scoring/calibration.ts). */
export const REVIEW_FLAGS = ['outlier', 'far_from_others'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];
export const REVIEW_FLAG_LABELS: Record<ReviewFlag, string> = {
  outlier: 'Outlying review',
  far_from_others: 'Far from the other reviews',
};
export const REVIEWER_FLAGS = ['severe', 'lenient'] as const;
export type ReviewerFlag = (typeof REVIEWER_FLAGS)[number];
export const REVIEWER_FLAG_LABELS: Record<ReviewerFlag, string> = {
  severe: 'Severe reviewer',
  lenient: 'Lenient reviewer',
};

export const SCORECARD_STATES = ['draft', 'submitted'] as const;
export type ScorecardState = (typeof SCORECARD_STATES)[number];
