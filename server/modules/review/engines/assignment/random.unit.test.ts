import { describe, expect, it } from 'vitest';
import { assign } from './assign.js';
import { type AssignmentInstance, EXPERT_CATEGORIES } from './instance.js';
import { Prng } from './prng.js';

// Uniformity of 随机抽取, tested against an exact reference: a brute force that enumerates every feasible
// assignment and computes, for every application order and every draw, the probability of each final
// assignment when each draw is uniform among the picks that can still be completed. The engine's
// frequencies over many seeds must fit those probabilities (chi-square at p = 0.001).

type Pair = `${string}|${string}`;

function feasibleAssignments(inst: AssignmentInstance): Set<Pair>[] {
  const banned = new Set(inst.conflicts?.map(([e, a]) => `${e}|${a}`));
  const cat = new Map(inst.experts.map((e) => [e.id, e.category]));
  const perApp = inst.applications.map((app) => {
    const cands = inst.affinity.filter(([e, a]) => a === app.id && !banned.has(`${e}|${a}`)).map(([e]) => e);
    return subsets(cands, app.k ?? inst.k).filter((set) =>
      EXPERT_CATEGORIES.every(
        (c) => set.filter((e) => cat.get(e) === c).length >= (inst.composition?.[c] ?? 0),
      ),
    );
  });
  const out: Set<Pair>[] = [];
  const walk = (i: number, chosen: Pair[]) => {
    if (i === perApp.length) {
      const load = (id: string) => chosen.filter((p) => p.startsWith(`${id}|`)).length;
      if (inst.experts.every((e) => load(e.id) >= e.minLoad && load(e.id) <= e.maxLoad))
        out.push(new Set(chosen));
      return;
    }
    for (const set of perApp[i]!)
      walk(i + 1, [...chosen, ...set.map((e) => `${e}|${inst.applications[i]!.id}` as Pair)]);
  };
  walk(0, []);
  return out;
}

function subsets<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

const keyOf = (pairs: Iterable<Pair>) => [...pairs].sort().join(' ');

/** Exact distribution of final assignments under the documented draw process. */
function exactDistribution(inst: AssignmentInstance): Map<string, number> {
  const complete = feasibleAssignments(inst);
  const cat = new Map(inst.experts.map((e) => [e.id, e.category]));
  const dist = new Map<string, number>();
  const orders = permutations(inst.applications.map((a) => a.id));
  const draw = (order: string[], chosen: Pair[], prob: number) => {
    const a = order[0];
    if (a === undefined) {
      dist.set(keyOf(chosen), (dist.get(keyOf(chosen)) ?? 0) + prob);
      return;
    }
    const mine = chosen.filter((p) => p.endsWith(`|${a}`)).map((p) => p.split('|')[0]!);
    const k = inst.applications.find((x) => x.id === a)!.k ?? inst.k;
    if (mine.length === k) return draw(order.slice(1), chosen, prob);
    const need = EXPERT_CATEGORIES.find(
      (c) => mine.filter((e) => cat.get(e) === c).length < (inst.composition?.[c] ?? 0),
    );
    const options = inst.experts
      .map((e) => e.id)
      .filter((e) => !mine.includes(e) && (need === undefined || cat.get(e) === need))
      .map((e) => `${e}|${a}` as Pair)
      .filter((p) => complete.some((f) => f.has(p) && chosen.every((q) => f.has(q))));
    for (const p of options) draw(order, [...chosen, p], prob / options.length);
  };
  for (const order of orders) draw(order, [], 1 / orders.length);
  return dist;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

/** Chi-square statistic and the p = 0.001 critical value (Wilson–Hilferty). */
function chiSquare(observed: Map<string, number>, expected: Map<string, number>, n: number) {
  for (const key of observed.keys()) expect(expected.has(key), `impossible outcome ${key}`).toBe(true);
  let stat = 0;
  for (const [key, p] of expected) stat += ((observed.get(key) ?? 0) - n * p) ** 2 / (n * p);
  const dof = expected.size - 1;
  const critical = dof * (1 - 2 / (9 * dof) + 3.0902 * Math.sqrt(2 / (9 * dof))) ** 3;
  return { stat, critical, dof };
}

function frequencies(inst: AssignmentInstance, n: number) {
  const seen = new Map<string, number>();
  // Seeds spread over the 32-bit range, themselves drawn from a fixed generator.
  const seeds = new Prng(2026);
  for (let i = 0; i < n; i++) {
    const r = assign(inst, { mode: 'random', seed: seeds.nextU32() });
    const key = keyOf(r.assignments.map(([e, a]) => `${e}|${a}` as Pair));
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

const all = (experts: AssignmentInstance['experts'], apps: string[]) =>
  apps.flatMap((a) => experts.map((e) => [e.id, a, 0] as [string, string, number]));

describe('random mode is uniform per draw among the picks that keep the instance feasible', () => {
  it('one application, six academics, k = 1: each expert equally often', () => {
    const experts = Array.from({ length: 6 }, (_, i) => ({
      id: `x${i}`,
      category: 'academic' as const,
      minLoad: 0,
      maxLoad: 1,
    }));
    const inst: AssignmentInstance = {
      k: 1,
      experts,
      applications: [{ id: 'a' }],
      affinity: all(experts, ['a']),
    };
    const expected = exactDistribution(inst);
    expect([...expected.values()]).toEqual(Array(6).fill(1 / 6));
    const { stat, critical } = chiSquare(frequencies(inst, 1800), expected, 1800);
    expect(stat).toBeLessThan(critical);
  });

  it('composition seats first: 3 academics, 2 industry, 1 lab, k = 3, academic ≥ 1, industry ≥ 1', () => {
    const cats = ['academic', 'academic', 'academic', 'industry', 'industry', 'lab'] as const;
    const experts = cats.map((category, i) => ({ id: `e${i}`, category, minLoad: 0, maxLoad: 1 }));
    const inst: AssignmentInstance = {
      k: 3,
      composition: { academic: 1, industry: 1 },
      experts,
      applications: [{ id: 'a' }],
      affinity: all(experts, ['a']),
    };
    const expected = exactDistribution(inst);
    // 15 valid sets: two academics + one industry 1/12 each, one academic + both industry 1/12, with lab 1/24.
    expect(expected.size).toBe(15);
    expect(expected.get('e0|a e1|a e3|a')).toBeCloseTo(1 / 12, 12);
    expect(expected.get('e0|a e3|a e5|a')).toBeCloseTo(1 / 24, 12);
    const { stat, critical } = chiSquare(frequencies(inst, 2400), expected, 2400);
    expect(stat).toBeLessThan(critical);
  });

  it('binding loads, a min load and a conflict: draws never dead-end and follow the exact law', () => {
    const experts = [
      { id: 'x1', category: 'academic' as const, minLoad: 0, maxLoad: 1 },
      { id: 'x2', category: 'academic' as const, minLoad: 0, maxLoad: 2 },
      { id: 'y1', category: 'industry' as const, minLoad: 0, maxLoad: 2 },
      { id: 'z1', category: 'lab' as const, minLoad: 1, maxLoad: 2 },
    ];
    const inst: AssignmentInstance = {
      k: 2,
      composition: { academic: 1 },
      experts,
      applications: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3', k: 1 }],
      affinity: all(experts, ['a1', 'a2', 'a3']),
      conflicts: [['y1', 'a2']],
    };
    const expected = exactDistribution(inst);
    expect(expected.size).toBeGreaterThanOrEqual(6);
    expect(new Set(expected.values()).size, 'outcomes are not all equally likely').toBeGreaterThan(1);
    const { stat, critical } = chiSquare(frequencies(inst, 2400), expected, 2400);
    expect(stat).toBeLessThan(critical);
  });
});
