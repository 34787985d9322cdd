import { describe, expect, it } from 'vitest';
import { distribute, splitByWeight } from './agreements.distribution.js';

const inventors = [
  { personId: null, name: 'A', weight: 5000 },
  { personId: null, name: 'B', weight: 3000 },
  { personId: null, name: 'C', weight: 2000 },
];
const base = {
  currency: 'CNY',
  yearToDateMinor: 0,
  inventors,
  unit: { name: '实验室' },
  platformName: '平台',
};

describe('income distribution', () => {
  it('splits by weight to the cent (largest remainder)', () => {
    expect(splitByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeight(0, [1, 2])).toEqual([0, 0]);
    expect(splitByWeight(7, [0, 0])).toEqual([0, 0]);
  });

  it('gives individuals at least half under a Chinese 50 % rule and the unit the rest', () => {
    const parts = distribute({
      ...base,
      amountMinor: 1_000_001,
      rule: { currency: 'CNY', inventorFirstMinor: 0, inventorShareBp: 5000 },
    });
    expect(parts.map((p) => p.amountMinor)).toEqual([250_000, 150_000, 100_000, 500_001]);
    expect(parts.at(-1)).toMatchObject({ recipientKind: 'unit', name: '实验室' });
    expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(1_000_001);
  });

  it('applies the first amount only in the rule currency, gives everything to the unit without inventors, and skips refunds', () => {
    const rule = { currency: 'USD', inventorFirstMinor: 200_000, inventorShareBp: 1500 };
    expect(distribute({ ...base, amountMinor: 100_000, rule }).map((p) => p.amountMinor)).toEqual([
      7_500, 4_500, 3_000, 85_000,
    ]);
    expect(distribute({ ...base, amountMinor: 100_000, rule, inventors: [], unit: null })).toEqual([
      { recipientKind: 'platform', personId: null, name: '平台', amountMinor: 100_000 },
    ]);
    expect(distribute({ ...base, amountMinor: -500, rule })).toEqual([]);
  });
});
