import { SPENDING_CATEGORIES, type SpendingCategory } from '../../../../common/projects.js';

/** Tenths of a line's plan spent from which the page warns that the line is nearly used up (90 %). */
export const NEAR_LIMIT_TENTHS = 9;

export type BudgetAlert = 'over' | 'near' | null;

export interface CategoryBurn {
  category: SpendingCategory;
  plannedMinor: number;
  spentMinor: number;
  alert: BudgetAlert;
}

/** Plan against actual per category over all members, with the alert each line raises. */
export function burnByCategory(
  cells: ReadonlyArray<{ category: SpendingCategory; plannedMinor: number; spentMinor: number }>,
): CategoryBurn[] {
  return SPENDING_CATEGORIES.map((category) => {
    const mine = cells.filter((c) => c.category === category);
    const plannedMinor = mine.reduce((s, c) => s + c.plannedMinor, 0);
    const spentMinor = mine.reduce((s, c) => s + c.spentMinor, 0);
    return { category, plannedMinor, spentMinor, alert: alertOf(plannedMinor, spentMinor) };
  }).filter((b) => b.plannedMinor > 0 || b.spentMinor > 0);
}

export function alertOf(plannedMinor: number, spentMinor: number): BudgetAlert {
  if (spentMinor > plannedMinor) return 'over';
  // Integer arithmetic (10 × spent ≥ 9 × plan), so no float decides the edge.
  if (plannedMinor > 0 && spentMinor * 10 >= plannedMinor * NEAR_LIMIT_TENTHS) return 'near';
  return null;
}
