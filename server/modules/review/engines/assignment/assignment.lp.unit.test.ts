import { describe, expect, it } from 'vitest';
import { assign } from './assign.js';
import { mixedInstance } from './assignment.fixtures.js';
import { violationsOf } from './assignment-check.fixtures.js';
import { lpOptimum } from './assignment-lp.fixtures.js';
import { AssignmentError } from './instance.js';

// The optimal mode against an independent solver: the same instance written as an LP (x ∈ [0, 1]) and
// solved by HiGHS. The network LP is totally unimodular, so the LP optimum is the integer optimum and
// must equal ours to 1e-6 (relative); infeasible instances must be infeasible for both.
describe('optimal assignment equals the HiGHS LP optimum', () => {
  it('on 40 random instances with composition, negative scores, conflicts, pins and forbidden pairs', async () => {
    let feasible = 0;
    for (let i = 0; i < 40; i++) {
      const inst = mixedInstance(i);
      const lp = await lpOptimum(inst);
      let ours: ReturnType<typeof assign> | AssignmentError;
      try {
        ours = assign(inst);
      } catch (err) {
        if (!(err instanceof AssignmentError)) throw err;
        ours = err;
      }
      if (lp.objective === null) {
        expect(lp.status, `instance ${i}`).toBe('Infeasible');
        expect(ours, `instance ${i}: HiGHS says infeasible`).toBeInstanceOf(AssignmentError);
        continue;
      }
      if (ours instanceof AssignmentError) throw new Error(`instance ${i}: ${ours.message}`);
      feasible++;
      expect(violationsOf(inst, ours), `instance ${i}`).toEqual([]);
      const gap = Math.abs(ours.objective - lp.objective) / Math.max(1, Math.abs(lp.objective));
      expect(gap, `instance ${i}: ours ${ours.objective}, LP ${lp.objective}`).toBeLessThanOrEqual(1e-6);
      expect(lp.fractional, `instance ${i}: LP vertex is integral`).toBe(0);
    }
    expect(feasible).toBeGreaterThanOrEqual(30);
  }, 120_000);
});
