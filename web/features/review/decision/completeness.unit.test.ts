import { describe, expect, it } from 'vitest';
import type { PanelApplication } from '../../../api/review-scoring.js';
import { completenessOf } from './completeness.js';

const app = (id: string, seats: number, reviews: number) =>
  ({
    applicationId: id,
    titleZh: id,
    titleEn: null,
    seats,
    reviews: Array(reviews).fill({}),
  }) as PanelApplication;

describe('review completeness on the decision tab', () => {
  it('counts scorecards in over seats and lists the applications short of them, emptiest first', () => {
    const c = completenessOf([app('a', 3, 3), app('b', 3, 1), app('c', 2, 0), app('d', 0, 0)]);
    expect([c.submitted, c.expected]).toEqual([4, 8]);
    expect(c.unfinished.map((u) => [u.applicationId, u.submitted, u.expected])).toEqual([
      ['c', 0, 2],
      ['d', 0, 0],
      ['b', 1, 3],
    ]);
  });

  it('is complete when every seat has its card, counting a card whose seat has since gone', () => {
    const c = completenessOf([app('a', 2, 2), app('b', 1, 2)]);
    expect([c.submitted, c.expected, c.unfinished]).toEqual([4, 4, []]);
  });
});
