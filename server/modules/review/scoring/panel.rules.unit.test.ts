import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../../../common/calls.js';
import { dimensionScore, weightedTotal } from '../../../../common/review-scoring.js';
import { missedThresholds, parseThresholds } from '../../../../common/review-thresholds.js';
import { rankByScore } from './panel.compute.js';

describe('weighted total and sub-scores', () => {
  const percent = {
    items: [
      { key: 'technical_value' as const, weight: 30 },
      { key: 'implementation' as const, weight: 20 },
      { key: 'impact' as const, weight: 10 },
      { key: 'commercialisation' as const, weight: 25 },
      { key: 'economic_benefit' as const, weight: 15 },
    ],
  };
  const scores = {
    technical_value: 8,
    implementation: 6,
    impact: 7,
    commercialisation: 5,
    economic_benefit: 9,
  };

  it('stays on the scale whether weights add up to 1 or to 100', () => {
    expect(weightedTotal(DEFAULT_CRITERIA, scores)).toBe(7);
    expect(weightedTotal(percent, scores)).toBeCloseTo((8 * 30 + 6 * 20 + 7 * 10 + 5 * 25 + 9 * 15) / 100, 6);
  });

  it('is null until every criterion has a score', () => {
    expect(weightedTotal(DEFAULT_CRITERIA, { ...scores, impact: null })).toBeNull();
    expect(weightedTotal(DEFAULT_CRITERIA, {})).toBeNull();
  });

  it('weighs each dimension by its own criteria', () => {
    expect(dimensionScore(percent, 'academic', scores)).toBeCloseTo((8 * 30 + 6 * 20 + 7 * 10) / 60, 6);
    expect(dimensionScore(percent, 'economic', scores)).toBeCloseTo((5 * 25 + 9 * 15) / 40, 6);
  });
});

describe('thresholds', () => {
  const s = { total: 7, academic: 7.5, economic: 5, criteria: { impact: 6, commercialisation: null } };

  it('names every minimum missed; a missing score misses its minimum', () => {
    expect(missedThresholds({}, s)).toEqual([]);
    expect(missedThresholds({ total: 7, academic: 7.5 }, s)).toEqual([]);
    expect(
      missedThresholds({ total: 7.1, economic: 6, criteria: { impact: 6.5, commercialisation: 1 } }, s),
    ).toEqual(['total', 'economic', 'impact', 'commercialisation']);
    expect(missedThresholds({ total: 1 }, { ...s, total: null })).toEqual(['total']);
  });

  it('reads what is stored, and nothing from what it cannot read', () => {
    expect(parseThresholds('{"total":6}')).toEqual({ total: 6 });
    expect(parseThresholds('{}')).toEqual({});
    expect(parseThresholds('not json')).toEqual({});
    expect(parseThresholds('{"unknown":1}')).toEqual({});
  });
});

describe('ranking', () => {
  it('ranks best first, ties share a rank (1, 2, 2, 4), no score is unranked', () => {
    const ranked = rankByScore([
      { id: 'c', score: 6 },
      { id: 'n', score: null },
      { id: 'a', score: 9 },
      { id: 'b', score: 6 },
      { id: 'd', score: 5 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 2],
      ['d', 4],
      ['n', null],
    ]);
  });
});
