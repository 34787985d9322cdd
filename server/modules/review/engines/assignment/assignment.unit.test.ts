import { describe, expect, it } from 'vitest';
import { type AssignmentResult, assign } from './assign.js';
import { generateInstance, mixedInstance } from './assignment.fixtures.js';
import { violationsOf } from './assignment-check.fixtures.js';
import { AssignmentError, type AssignmentInstance, type AssignmentProblem } from './instance.js';

const expert = (id: string, category: 'academic' | 'industry' | 'lab', minLoad = 0, maxLoad = 5) => ({
  id,
  category,
  minLoad,
  maxLoad,
});

/** Two applications, four experts; the best pairs are known by hand. */
const small = (): AssignmentInstance => ({
  k: 2,
  composition: { academic: 1, industry: 1 },
  experts: [
    expert('x1', 'academic'),
    expert('x2', 'academic'),
    expert('y1', 'industry'),
    expert('y2', 'industry', 0, 1),
  ],
  applications: [{ id: 'a1' }, { id: 'a2' }],
  affinity: [
    ['x1', 'a1', 0.9],
    ['x2', 'a1', 0.8],
    ['y1', 'a1', 0.1],
    ['y2', 'a1', 0.7],
    ['x1', 'a2', 0.2],
    ['x2', 'a2', -0.5],
    ['y1', 'a2', 0.3],
    ['y2', 'a2', 0.6],
  ],
  conflicts: [],
});

function problemOf(fn: () => unknown): AssignmentProblem {
  try {
    fn();
  } catch (err) {
    if (err instanceof AssignmentError) return err.problem;
    throw err;
  }
  throw new Error('expected an AssignmentError');
}
const sansMillis = ({ millis: _, ...rest }: AssignmentResult) => rest;

describe('optimal mode', () => {
  it('finds the best assignment of a hand-checked instance, including the load cap of y2', () => {
    const r = assign(small());
    // y2 (max load 1) goes where it gains most over y1: a1 (0.7 − 0.1) rather than a2 (0.6 − 0.3).
    expect(r.assignments).toEqual([
      ['x1', 'a1'],
      ['y2', 'a1'],
      ['x1', 'a2'],
      ['y1', 'a2'],
    ]);
    expect(r.objective).toBeCloseTo(0.9 + 0.7 + 0.2 + 0.3, 12);
    expect(r).toMatchObject({ mode: 'optimal', seed: null, solver: 'commonlab-mcf-ssp@1.1.0' });
    expect(r.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours pins even against affinity, and never uses forbidden or conflicted pairs', () => {
    const inst = {
      ...small(),
      pins: [['x2', 'a2']] as [string, string][],
      forbid: [['x1', 'a1']] as [string, string][],
    };
    inst.conflicts = [['y2', 'a1']];
    const r = assign(inst);
    expect(violationsOf(inst, r)).toEqual([]);
    expect(r.assignments).toContainEqual(['x2', 'a2']);
    expect(r.assignments).not.toContainEqual(['x1', 'a1']);
    expect(r.assignments).not.toContainEqual(['y2', 'a1']);
    expect(r.assignments).toEqual([
      ['x2', 'a1'],
      ['y1', 'a1'],
      ['x2', 'a2'],
      ['y2', 'a2'],
    ]);
  });

  it('gives feasible results on every mixed instance it can solve', () => {
    let solved = 0;
    for (let i = 0; i < 40; i++) {
      const inst = mixedInstance(i);
      try {
        expect(violationsOf(inst, assign(inst)), `instance ${i}`).toEqual([]);
        solved++;
      } catch (err) {
        if (!(err instanceof AssignmentError)) throw err;
      }
    }
    expect(solved).toBeGreaterThanOrEqual(30);
  });
});

describe.each(['random', 'hybrid'] as const)('%s mode', (mode) => {
  const inst = generateInstance({
    seed: 9,
    experts: 40,
    applications: 30,
    k: 3,
    candidates: 14,
    minLoad: 1,
    maxLoad: 5,
    composition: { academic: 1, industry: 1 },
    negative: true,
    conflictRate: 0.1,
  });

  it('honours every constraint and replays identically from the same seed', () => {
    const a = assign(inst, { mode, seed: 42 });
    expect(violationsOf(inst, a)).toEqual([]);
    expect(sansMillis(assign(inst, { mode, seed: 42 }))).toEqual(sansMillis(a));
    expect(assign(inst, { mode, seed: 43 }).assignments).not.toEqual(a.assignments);
    expect(a).toMatchObject({ mode, seed: 42 });
  });

  it('reports a fresh seed when none is given, and that seed replays the draw', () => {
    const a = assign(inst, { mode });
    expect(a.seed).toEqual(expect.any(Number));
    expect(assign(inst, { mode, seed: a.seed! }).assignments).toEqual(a.assignments);
  });
});

describe('hybrid mode', () => {
  it('draws each application only from its top candidates (and each required category’s top)', () => {
    const inst = generateInstance({
      seed: 3,
      experts: 60,
      applications: 20,
      k: 2,
      candidates: 30,
      minLoad: 0,
      maxLoad: 6,
    });
    const r = assign(inst, { mode: 'hybrid', seed: 1, top: 4 });
    expect(r.top).toBe(4);
    expect(violationsOf(inst, r)).toEqual([]);
    for (const [e, a] of r.assignments) {
      const ranked = inst.affinity.filter((p) => p[1] === a).sort((x, y) => y[2] - x[2]);
      expect(
        ranked.findIndex((p) => p[0] === e),
        `${e}–${a}`,
      ).toBeLessThan(4);
    }
  });

  it('says when the top-T restriction itself makes the instance infeasible', () => {
    const p = problemOf(() => assign(small(), { mode: 'hybrid', seed: 1, top: 1 }));
    expect(p.code).toBe('assignment.infeasible');
    expect(p.detail).toContain("among each application's top 1 candidates");
  });
});

describe('replay and hashing', () => {
  it('hashes the canonical JSON: key order does not matter, content does', () => {
    const reverse = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = reverse({ ...small(), experts: small().experts.map(reverse) });
    const h = assign(small()).inputHash;
    expect(assign(reordered).inputHash).toBe(h);
    expect(assign({ ...small(), k: 1, composition: undefined }).inputHash).not.toBe(h);
    expect(sansMillis(assign(small()))).toEqual(sansMillis(assign(small())));
  });
});
