/**
 * The committee's periodic evaluation of a platform's units (DOMAIN.md §6; docs/lab-evaluation.md).
 * Shared by server and web; imports only common/.
 */
export const LAB_EVAL_ROUND_STATES = ['open', 'adopted'] as const;
export type LabEvalRoundState = (typeof LAB_EVAL_ROUND_STATES)[number];

/** Why a member does not rate a unit: they direct it, or they are on its staff. */
export const LAB_EVAL_CONFLICT_RULES = ['unit_director', 'unit_staff'] as const;
export type LabEvalConflictRule = (typeof LAB_EVAL_CONFLICT_RULES)[number];

/** Mean, population standard deviation, min and max of a list; nulls when empty. Rounded to 1e-6. */
export function stats(values: readonly number[]): {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
} {
  if (values.length === 0) return { mean: null, sd: null, min: null, max: null };
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean: r(mean), sd: r(Math.sqrt(variance)), min: Math.min(...values), max: Math.max(...values) };
}
