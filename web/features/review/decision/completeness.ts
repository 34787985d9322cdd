import type { PanelApplication } from '../../../api/review-scoring.js';

export interface Unfinished {
  applicationId: string;
  titleZh: string | null;
  titleEn: string | null;
  submitted: number;
  /** Accepted seats; 0 when no expert holds a seat on it at all. */
  expected: number;
}

export interface Completeness {
  /** Scorecards submitted over the call's panel. */
  submitted: number;
  /** Scorecards expected: one per accepted seat (or per submitted card where a seat has since gone). */
  expected: number;
  /** Applications still short of scorecards, the emptiest first. */
  unfinished: Unfinished[];
}

/**
 * How far the call's review has come, from the panel: a decision computed on 1 of 42 scorecards ranks
 * on one expert's view, so the decision tab shows this and names what is missing before 定稿.
 */
export function completenessOf(apps: readonly PanelApplication[]): Completeness {
  let submitted = 0;
  let expected = 0;
  const unfinished: Unfinished[] = [];
  for (const a of apps) {
    const n = a.reviews.length;
    const want = Math.max(a.seats, n);
    submitted += n;
    expected += want;
    if (n < want || want === 0)
      unfinished.push({
        applicationId: a.applicationId,
        titleZh: a.titleZh,
        titleEn: a.titleEn,
        submitted: n,
        expected: want,
      });
  }
  unfinished.sort((x, y) => x.submitted / (x.expected || 1) - y.submitted / (y.expected || 1));
  return { submitted, expected, unfinished };
}
