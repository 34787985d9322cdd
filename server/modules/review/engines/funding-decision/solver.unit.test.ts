import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';
import {
  byRank,
  type Candidate,
  type DecisionConstraints,
  DecisionInfeasible,
  decide,
  problemOf,
  sideRows,
} from './model.js';
import { sumChosen, TIE_EPS } from './solver.js';

/** Deterministic PRNG (mulberry32) so a failing instance can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['f1', 'f2', 'f3'];

function randomInstance(seed: number) {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 12);
  const big = r() < 0.3; // amounts near 10^11 (budgets up to 10^12)
  const unit = big ? 100_000_000_000 : 1000;
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => {
    const requestedMinor = Math.floor((0.1 + r() * 2) * unit) + (big ? Math.floor(r() * 1000) : 0);
    // Integer scores on purpose: ties are frequent and must be broken by rank.
    const score = r() < 0.5 ? Math.floor(r() * 10) + 1 : Math.round(r() * 10000) / 100;
    return {
      applicationId: `a${i}`,
      number: `N-${String(n - i).padStart(3, '0')}`,
      rank: 0,
      score,
      passesThresholds: r() < 0.85,
      failedThresholds: [],
      requestedMinor,
      fieldId: r() < 0.1 ? null : FIELDS[Math.floor(r() * FIELDS.length)]!,
      smeMinor: r() < 0.5 ? Math.floor(requestedMinor * r()) : 0,
    };
  });
  // Ranks by score, ties sharing a rank (then the application number decides).
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  for (const c of candidates) c.rank = 1 + sorted.findIndex((s) => s.score === c.score);
  const total = candidates.reduce((s, c) => s + c.requestedMinor, 0);
  const budget = Math.floor(total * (0.1 + r() * 0.8));
  const constraints: DecisionConstraints = { fields: [], waitlistSize: 2 };
  if (r() < 0.5)
    constraints.fields.push({
      fieldId: 'f1',
      ...(r() < 0.5 ? { maxCount: Math.floor(r() * 3) } : {}),
      ...(r() < 0.4 ? { minCount: Math.floor(r() * 2) } : {}),
      ...(r() < 0.3 ? { maxSharePct: 10 + Math.floor(r() * 60) } : {}),
      ...(r() < 0.3 ? { minSharePct: Math.floor(r() * 20) } : {}),
    });
  if (r() < 0.3) constraints.fields.push({ fieldId: 'f2', maxCount: 1 + Math.floor(r() * 3) });
  if (r() < 0.4) constraints.smeMinSharePct = Math.floor(r() * 60);
  return { candidates, budget, constraints };
}

/** Every subset of the passing applications; best objective, ties to the lexicographically first in rank order. */
function bruteForce(candidates: Candidate[], budget: number, c: DecisionConstraints) {
  const items = candidates.filter((x) => x.passesThresholds).sort(byRank);
  const p = problemOf(items, budget, sideRows(items, budget, c));
  const rows = [{ coef: p.costs, bound: budget }, ...p.rows];
  let best: { chosen: boolean[]; objective: number } | undefined;
  const n = items.length;
  // Enumerate in decreasing lexicographic order (item 0 is the most significant, included first).
  for (let mask = (1 << n) - 1; mask >= 0; mask--) {
    const chosen = items.map((_, i) => ((mask >> (n - 1 - i)) & 1) === 1);
    const ok = rows.every((r) => r.coef.reduce((s, a, i) => s + (chosen[i] ? a : 0), 0) <= r.bound);
    if (!ok) continue;
    const objective = sumChosen(p.scores, chosen);
    if (!best || objective > best.objective + TIE_EPS * Math.max(1, Math.abs(best.objective)))
      best = { chosen, objective };
  }
  return { items, best };
}

describe('funding decision solver', () => {
  it('equals brute-force enumeration on 600 random small instances (objective, selection, constraints)', () => {
    let infeasible = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const { candidates, budget, constraints } = randomInstance(seed);
      const brute = bruteForce(candidates, budget, constraints);
      if (!brute.best) {
        expect(() => decide(candidates, budget, constraints), `seed ${seed}`).toThrow(DecisionInfeasible);
        infeasible++;
        continue;
      }
      const solved = decide(candidates, budget, constraints);
      expect(Math.abs(solved.objective - brute.best.objective), `seed ${seed}`).toBeLessThanOrEqual(1e-9);
      expect(solved.chosen, `seed ${seed} (tie-break)`).toEqual(brute.best.chosen);
      const rows = [
        { coef: brute.items.map((i) => i.requestedMinor), bound: budget },
        ...sideRows(brute.items, budget, constraints),
      ];
      for (const r of rows)
        expect(r.coef.reduce((s, a, i) => s + (solved.chosen[i] ? a : 0), 0)).toBeLessThanOrEqual(r.bound);
    }
    expect(infeasible).toBeGreaterThan(0);
    expect(infeasible).toBeLessThan(300);
  });

  const cand = (
    id: string,
    rank: number,
    score: number,
    requestedMinor: number,
    extra: Partial<Candidate> = {},
  ) =>
    ({
      applicationId: id,
      number: `N-${id}`,
      rank,
      score,
      passesThresholds: true,
      failedThresholds: [],
      requestedMinor,
      fieldId: 'f1',
      smeMinor: 0,
      ...extra,
    }) satisfies Candidate;
  const none: DecisionConstraints = { fields: [], waitlistSize: 1 };

  it('funds nothing when nothing fits and everything when everything fits', () => {
    const cs = [cand('a', 1, 90, 500), cand('b', 2, 80, 600)];
    expect(decide(cs, 100, none).chosen).toEqual([false, false]);
    expect(decide(cs, 1100, none).chosen).toEqual([true, true]);
    expect(decide(cs, 10 ** 12, none).objective).toBe(170);
  });

  it('breaks ties by rank, then application number', () => {
    const cs = [cand('b', 1, 50, 100), cand('a', 1, 50, 100), cand('c', 2, 50, 100)];
    const s = decide(cs, 100, none);
    expect(s.eligible.map((e) => e.applicationId)).toEqual(['a', 'b', 'c']);
    expect(s.chosen).toEqual([true, false, false]);
    const { outcomes, explanation } = explain(cs, 100, none, s);
    expect(outcomes.get('b')).toBe('waitlisted');
    expect(outcomes.get('c')).toBe('declined');
    expect(explanation.cutoff?.applicationId).toBe('b');
    expect(explanation.cutoff?.forced).toMatchObject({ feasible: true, tie: true });
  });

  it('names the side constraint that cannot be met', () => {
    const cs = [cand('a', 1, 90, 500), cand('b', 2, 80, 600, { fieldId: 'f2' })];
    const err = (() => {
      try {
        decide(cs, 2000, { fields: [{ fieldId: 'f2', minCount: 2 }], waitlistSize: 0 });
      } catch (e) {
        return e as DecisionInfeasible;
      }
    })();
    expect(err).toBeInstanceOf(DecisionInfeasible);
    expect(err?.constraints).toEqual(['fields/0/minCount']);
    expect(() => decide(cs, 2000, { fields: [], smeMinSharePct: 10, waitlistSize: 0 })).not.toThrow();
    const sme = decide(cs, 2000, { fields: [], smeMinSharePct: 10, waitlistSize: 0 });
    expect(sme.chosen).toEqual([false, false]);
  });

  it('explains the cut-off: dropping higher-scoring applications, a threshold, a field cap', () => {
    // a+b fit (score 150); c alone would need dropping a and b.
    const cs = [
      cand('x', 1, 95, 100, { passesThresholds: false, failedThresholds: ['total'] }),
      cand('c', 2, 85, 1000),
      cand('a', 3, 80, 500),
      cand('b', 4, 70, 500),
    ];
    const s = decide(cs, 1000, none);
    const { explanation } = explain(cs, 1000, none, s);
    expect(explanation.cutoff?.applicationId).toBe('x');
    expect(explanation.items.x).toEqual({ code: 'below_threshold', thresholds: ['total'] });
    expect(explanation.items.c).toEqual({ code: 'would_exceed', constraint: 'budget' });
    const withoutX = cs.slice(1);
    const cut = explain(withoutX, 1000, none, decide(withoutX, 1000, none)).explanation.cutoff;
    expect(cut).toMatchObject({
      applicationId: 'c',
      remainingMinor: 0,
      forced: { feasible: true, droppedScore: 150, addedScore: 85, tie: false },
    });
    const capped: DecisionConstraints = { fields: [{ fieldId: 'f1', maxCount: 1 }], waitlistSize: 3 };
    const small = [cand('p', 1, 90, 10), cand('q', 2, 80, 10)];
    const e = explain(small, 1000, capped, decide(small, 1000, capped)).explanation;
    expect(e.items.q).toEqual({ code: 'would_exceed', constraint: 'fields/0/maxCount' });
    expect(e.cutoff?.forced).toMatchObject({ feasible: true, dropped: [{ applicationId: 'p' }] });
  });
});
