import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_MODES, assign } from './assign.js';
import { mixedInstance } from './assignment.fixtures.js';
import { violationsOf } from './assignment-check.fixtures.js';
import { lpOptimum } from './assignment-lp.fixtures.js';
import { AssignmentError, type AssignmentInstance } from './instance.js';
import { Prng } from './prng.js';

/**
 * Refill through the engine (docs/review-assignment.md): the seats kept are pins (fixed pairs), the
 * declined ones forbidden, and the same mode fills only the open seats. Fixed pairs must come back
 * unchanged in every mode, and the optimal refill must still equal the HiGHS LP optimum to 1e-6.
 */
function refillOf(inst: AssignmentInstance, first: [string, string][], seed: number): AssignmentInstance {
  const prng = new Prng(seed);
  const declined: [string, string][] = [];
  const kept: [string, string][] = [];
  for (const p of first) (prng.below(5) === 0 ? declined : kept).push(p);
  return { ...inst, pins: kept, forbid: [...(inst.forbid ?? []), ...declined] };
}

describe('fixed pairs (refill)', () => {
  it('are kept in all three modes, declined pairs never return, and the optimum matches the LP', async () => {
    let checked = 0;
    for (let i = 0; i < 24; i++) {
      const base = { ...mixedInstance(i), pins: undefined };
      let first: ReturnType<typeof assign>;
      try {
        first = assign(base);
      } catch (err) {
        if (err instanceof AssignmentError) continue;
        throw err;
      }
      const refill = refillOf(base, first.assignments, i);
      const lp = await lpOptimum(refill);
      for (const mode of ASSIGNMENT_MODES) {
        let r: ReturnType<typeof assign>;
        try {
          r = assign(refill, { mode, seed: 1000 + i, top: 1000 });
        } catch (err) {
          // Too few candidates left once the declined pairs are gone: both solvers must agree.
          if (!(err instanceof AssignmentError)) throw err;
          expect(lp.objective, `instance ${i} ${mode}: HiGHS finds it feasible`).toBeNull();
          continue;
        }
        expect(violationsOf(refill, r), `instance ${i} ${mode}`).toEqual([]);
        const got = new Set(r.assignments.map(([e, a]) => `${e}|${a}`));
        for (const [e, a] of refill.pins!) expect(got.has(`${e}|${a}`), `${mode} keeps ${e}–${a}`).toBe(true);
        if (mode === 'optimal') {
          expect(lp.objective).not.toBeNull();
          const gap = Math.abs(r.objective - lp.objective!) / Math.max(1, Math.abs(lp.objective!));
          expect(gap, `instance ${i}`).toBeLessThanOrEqual(1e-6);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  }, 120_000);
});
