import { describe, expect, it } from 'vitest';
import { type ExpertiseRating, rankingLoss } from './ranking-loss.js';

const r = (expert: string, item: string, expertise: number): ExpertiseRating => ({ expert, item, expertise });
const table = (scores: Record<string, number>) => (e: string, i: string) => scores[`${e}/${i}`]!;

describe('weighted Kendall-tau ranking loss', () => {
  const ratings = [r('A', 'x', 5), r('A', 'y', 3), r('A', 'z', 1), r('B', 'p', 4), r('B', 'q', 2)];

  it('is 0 for a perfect ranking and 1 for a fully reversed one', () => {
    const perfect = table({ 'A/x': 0.9, 'A/y': 0.5, 'A/z': 0.1, 'B/p': 0.7, 'B/q': 0.2 });
    const reversed = table({ 'A/x': 0.1, 'A/y': 0.5, 'A/z': 0.9, 'B/p': 0.2, 'B/q': 0.7 });
    expect(rankingLoss(ratings, perfect)).toEqual({ loss: 0, pairs: 4, totalGap: 10 });
    expect(rankingLoss(ratings, reversed).loss).toBe(1);
  });

  it('is exactly 0.5 for a constant predictor', () => {
    expect(rankingLoss(ratings, () => 0.42).loss).toBe(0.5);
  });

  it('matches a hand-computed mix of a reversed pair and a tie', () => {
    // A: (x,y) gap 2 reversed → 2; (x,z) gap 4 right; (y,z) gap 2 right. B: (p,q) gap 2 tied → 1.
    // Loss = (2 + 1) / (2 + 4 + 2 + 2) = 0.3.
    const s = table({ 'A/x': 0.2, 'A/y': 0.9, 'A/z': 0.1, 'B/p': 0.6, 'B/q': 0.6 });
    expect(rankingLoss(ratings, s)).toEqual({ loss: 0.3, pairs: 4, totalGap: 10 });
  });

  it('weights by the rating gap: reversing a 5-vs-1 pair costs more than a 5-vs-3 pair', () => {
    const two = [r('D', 'a', 5), r('D', 'b', 1), r('E', 'c', 5), r('E', 'd', 3)];
    const flipFar = table({ 'D/a': 0.1, 'D/b': 0.9, 'E/c': 0.9, 'E/d': 0.1 });
    const flipNear = table({ 'D/a': 0.9, 'D/b': 0.1, 'E/c': 0.1, 'E/d': 0.9 });
    expect(rankingLoss(two, flipFar).loss).toBe(4 / 6);
    expect(rankingLoss(two, flipNear).loss).toBe(2 / 6);
  });

  it('never compares items across experts and ignores equal ratings', () => {
    // B's items score above all of A's, which would be "wrong" only if pairs crossed experts.
    const s = table({ 'A/x': 0.3, 'A/y': 0.2, 'A/z': 0.1, 'B/p': 0.9, 'B/q': 0.8, 'C/u': 0, 'C/v': 1 });
    const withTies = [...ratings, r('C', 'u', 3), r('C', 'v', 3)];
    expect(rankingLoss(withTies, s)).toEqual({ loss: 0, pairs: 4, totalGap: 10 });
  });

  it('restricts to the pairs the filter keeps, and refuses an empty denominator', () => {
    const s = table({ 'A/x': 0.2, 'A/y': 0.9, 'A/z': 0.1, 'B/p': 0.6, 'B/q': 0.6 });
    expect(rankingLoss(ratings, s, (e) => e === 'A')).toEqual({ loss: 0.25, pairs: 3, totalGap: 8 });
    expect(() => rankingLoss([r('A', 'x', 3), r('A', 'y', 3)], s)).toThrow(RangeError);
  });
});
