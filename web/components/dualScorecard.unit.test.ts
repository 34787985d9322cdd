import { describe, expect, it } from 'vitest';
import { bands, byDimension } from './dualScorecard.rubric.js';

describe('the dual scorecard rubric', () => {
  it('cuts a scale in three bands that cover every score once', () => {
    expect(bands({ min: 1, max: 10 })).toEqual([
      { band: 'high', from: 8, to: 10 },
      { band: 'middle', from: 4, to: 7 },
      { band: 'low', from: 1, to: 3 },
    ]);
    for (const scale of [
      { min: 0, max: 100 },
      { min: 1, max: 5 },
      { min: 0, max: 3 },
    ]) {
      const covered = bands(scale).flatMap((b) =>
        Array.from({ length: b.to - b.from + 1 }, (_, i) => b.from + i),
      );
      expect(covered.sort((a, b) => a - b)).toEqual(
        Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i),
      );
    }
  });

  it('groups the criteria academic first, each in its fixed order', () => {
    const groups = byDimension([
      { key: 'economic_benefit' as const },
      { key: 'impact' as const },
      { key: 'technical_value' as const },
      { key: 'commercialisation' as const },
      { key: 'implementation' as const },
    ]);
    expect(groups.map((g) => [g.dimension, g.items.map((i) => i.key)])).toEqual([
      ['academic', ['technical_value', 'implementation', 'impact']],
      ['economic', ['commercialisation', 'economic_benefit']],
    ]);
  });
});
