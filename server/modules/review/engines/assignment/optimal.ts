import { infeasible } from './instance.js';
import { type Prepared, precheck } from './model.js';
import { buildNetwork, chosenPairs, diagnose, solveNetwork } from './network.js';

/** Largest |cost| after scaling: keeps every potential and path sum (≤ nodes · 2^31) exact in float64. */
const COST_BITS = 31;

/**
 * Integer costs from float scores: score · 2^s rounded, with 2^s the largest power of two that keeps
 * |cost| ≤ 2^31. A power of two scales exactly, so only the rounding (≤ 2^-31 · max|score| per pair) is
 * lost: the returned assignment is optimal for the original scores within 2 · seats · 2^-31 · max|score|.
 */
export function integerCosts(score: Float64Array): { cost: Float64Array; scale: number } {
  let maxAbs = 0;
  for (const s of score) maxAbs = Math.max(maxAbs, Math.abs(s));
  const scale = maxAbs > 0 ? 2 ** (COST_BITS - Math.ceil(Math.log2(maxAbs))) : 1;
  // Maximising affinity = minimising its negation.
  return { cost: score.map((s) => -Math.round(s * scale)), scale };
}

/** Exact maximum-affinity assignment (a 0/1 mask over candidate pairs); throws when infeasible. */
export function solveOptimal(p: Prepared): { chosen: Uint8Array; searches: number } {
  const violations = precheck(p);
  if (violations.length) throw infeasible(violations);
  const an = buildNetwork(p, integerCosts(p.score).cost);
  const out = solveNetwork(an);
  if (!out.ok) throw infeasible(diagnose(an, out.stuck));
  // The dual certificate: no residual arc with negative reduced cost means no improving cycle exists.
  if (!an.net.certify()) throw new Error('assignment: optimality certificate failed');
  return { chosen: chosenPairs(an), searches: an.net.searches };
}
