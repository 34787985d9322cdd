import { CRITERIA, CRITERION_DIMENSION, type Criterion } from '../../common/calls.js';
import { tk } from '../i18n/index.js';

/**
 * What a score means on each criterion of the dual evaluation (学术评估 + 经济评估), in three bands of the
 * scale: people scoring on their own read the same anchors, which is what makes their scores comparable.
 */
export type Band = 'high' | 'middle' | 'low';

export const RUBRIC: Record<Criterion, Record<Band, string>> = {
  technical_value: {
    high: tk('rubric.technical_value.high'),
    middle: tk('rubric.technical_value.middle'),
    low: tk('rubric.technical_value.low'),
  },
  implementation: {
    high: tk('rubric.implementation.high'),
    middle: tk('rubric.implementation.middle'),
    low: tk('rubric.implementation.low'),
  },
  impact: {
    high: tk('rubric.impact.high'),
    middle: tk('rubric.impact.middle'),
    low: tk('rubric.impact.low'),
  },
  commercialisation: {
    high: tk('rubric.commercialisation.high'),
    middle: tk('rubric.commercialisation.middle'),
    low: tk('rubric.commercialisation.low'),
  },
  economic_benefit: {
    high: tk('rubric.economic_benefit.high'),
    middle: tk('rubric.economic_benefit.middle'),
    low: tk('rubric.economic_benefit.low'),
  },
};

/**
 * The scale cut in three bands, highest first, each with its first and last score: 1–10 gives 8–10,
 * 4–7, 1–3 (the middle band takes the remainder, so no score falls between bands).
 */
export function bands(scale: { min: number; max: number }): Array<{ band: Band; from: number; to: number }> {
  const third = Math.floor((scale.max - scale.min + 1) / 3);
  return [
    { band: 'high', from: scale.max - third + 1, to: scale.max },
    { band: 'middle', from: scale.min + third, to: scale.max - third },
    { band: 'low', from: scale.min, to: scale.min + third - 1 },
  ];
}

/** The criteria of a scorecard grouped by dimension, academic first, in the order of CRITERIA. */
export function byDimension<T extends { key: Criterion }>(items: readonly T[]) {
  const ordered = [...items].sort((a, b) => CRITERIA.indexOf(a.key) - CRITERIA.indexOf(b.key));
  return (['academic', 'economic'] as const).map((dimension) => ({
    dimension,
    items: ordered.filter((i) => CRITERION_DIMENSION[i.key] === dimension),
  }));
}
