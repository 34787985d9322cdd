/** One labelled judgement: how much expertise (e.g. 1–5) an expert declared for an item. */
export interface ExpertiseRating {
  expert: string;
  item: string;
  expertise: number;
}

/** The loss and how much evidence it rests on. */
export interface RankingLossResult {
  /** In [0, 1]: 0 = every rated pair ordered right, 0.5 = a constant predictor, 1 = all reversed. */
  loss: number;
  /** Pairs of items with different ratings by the same expert. */
  pairs: number;
  /** Sum of their rating gaps (the denominator). */
  totalGap: number;
}

/**
 * Weighted Kendall-tau ranking loss for reviewer matching (issue 5): per expert, over every pair of
 * items they rated with different expertise, add the rating gap when the predicted scores order the
 * pair the other way, half the gap when they tie; divide by the sum of the gaps over all experts.
 * `include` restricts the pairs (e.g. to cross-lingual ones). Ties are exact equality, so a constant
 * predictor scores exactly 0.5. Throws when no pair qualifies (the loss would be 0/0).
 */
export function rankingLoss(
  ratings: readonly ExpertiseRating[],
  score: (expert: string, item: string) => number,
  include: (expert: string, a: string, b: string) => boolean = () => true,
): RankingLossResult {
  const byExpert = new Map<string, ExpertiseRating[]>();
  for (const r of ratings) {
    const list = byExpert.get(r.expert) ?? [];
    list.push(r);
    byExpert.set(r.expert, list);
  }
  let wrong = 0;
  let totalGap = 0;
  let pairs = 0;
  for (const [expert, list] of byExpert) {
    const scores = list.map((r) => score(expert, r.item));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const gap = list[i]!.expertise - list[j]!.expertise;
        if (gap === 0 || !include(expert, list[i]!.item, list[j]!.item)) continue;
        // Orient the pair so that `hi` is the item the expert rated higher.
        const [hi, lo] = gap > 0 ? [scores[i]!, scores[j]!] : [scores[j]!, scores[i]!];
        const w = Math.abs(gap);
        pairs++;
        totalGap += w;
        if (hi < lo) wrong += w;
        else if (hi === lo) wrong += w / 2;
      }
    }
  }
  if (totalGap === 0) throw new RangeError('ranking loss: no pair of items with different ratings');
  return { loss: wrong / totalGap, pairs, totalGap };
}
