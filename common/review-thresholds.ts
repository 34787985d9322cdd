/**
 * The panel's thresholds of a call (call_review_settings.thresholds_json; docs/review-scoring.md):
 * minimums per criterion, for the weighted total and for the academic and economic sub-scores. Every
 * minimum is optional; '{}' means no threshold. Values must lie on the call's scale (checked by the
 * server against the call). Imports only zod and common/.
 */
import { z } from 'zod';
import { CRITERIA, type Criterion } from './calls.js';

const minimum = z.number().min(0).max(1000).nullable().optional();

export const reviewThresholds = z.strictObject({
  /** Minimum of the score used (consensus, else the calibrated mean of the weighted totals). */
  total: minimum,
  academic: minimum,
  economic: minimum,
  /** Minimum calibrated mean per criterion. */
  criteria: z
    .strictObject(Object.fromEntries(CRITERIA.map((c) => [c, minimum])) as Record<Criterion, typeof minimum>)
    .optional(),
});
export type ReviewThresholds = z.infer<typeof reviewThresholds>;

/** The stored thresholds, or none when the column holds something this version cannot read. */
export function parseThresholds(json: string | null | undefined): ReviewThresholds {
  if (!json) return {};
  try {
    const parsed = reviewThresholds.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export interface ThresholdInputs {
  total: number | null;
  academic: number | null;
  economic: number | null;
  criteria: Partial<Record<Criterion, number | null>>;
}

/** Which minimums an application misses (empty: it passes). A missing score misses its minimum. */
export function missedThresholds(t: ReviewThresholds, s: ThresholdInputs): string[] {
  const missed: string[] = [];
  const below = (min: number | null | undefined, v: number | null | undefined) =>
    min !== null && min !== undefined && (v === null || v === undefined || v < min - 1e-9);
  if (below(t.total, s.total)) missed.push('total');
  if (below(t.academic, s.academic)) missed.push('academic');
  if (below(t.economic, s.economic)) missed.push('economic');
  for (const c of CRITERIA) if (below(t.criteria?.[c], s.criteria[c])) missed.push(c);
  return missed;
}
