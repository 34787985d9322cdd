import type { AssignmentInstance } from './instance.js';
import { EXPERT_CATEGORIES } from './instance.js';
import { Prng } from './prng.js';

/** Shape of a generated instance. */
export interface GenerateOptions {
  seed: number;
  experts: number;
  applications: number;
  k: number;
  /** Candidates per application (distinct experts drawn at random). */
  candidates: number;
  minLoad: number;
  maxLoad: number;
  /** When given, each expert's maxLoad is drawn uniformly from [maxLoadFrom, maxLoad]. */
  maxLoadFrom?: number;
  composition?: AssignmentInstance['composition'];
  /** Scores in [-1, 1) instead of [0, 1). */
  negative?: boolean;
  /** Share of candidate pairs also listed as conflicts. */
  conflictRate?: number;
}

/** A seeded random instance (tests and bench): categories cycle academic/industry/lab, scores 6 decimals. */
export function generateInstance(o: GenerateOptions): AssignmentInstance {
  const prng = new Prng(o.seed);
  const unit = () => prng.nextU32() / 2 ** 32;
  const experts = Array.from({ length: o.experts }, (_, i) => ({
    id: `e${i}`,
    category: EXPERT_CATEGORIES[prng.below(3)]!,
    minLoad: o.minLoad,
    maxLoad:
      o.maxLoadFrom === undefined ? o.maxLoad : o.maxLoadFrom + prng.below(o.maxLoad - o.maxLoadFrom + 1),
  }));
  const applications = Array.from({ length: o.applications }, (_, a) => ({ id: `a${a}` }));
  const affinity: [string, string, number][] = [];
  const conflicts: [string, string][] = [];
  const ids = experts.map((e) => e.id);
  for (const app of applications) {
    const pool = ids.slice();
    for (let j = 0; j < Math.min(o.candidates, pool.length); j++) {
      const pick = j + prng.below(pool.length - j);
      [pool[j], pool[pick]] = [pool[pick]!, pool[j]!];
      const raw = o.negative ? unit() * 2 - 1 : unit();
      affinity.push([pool[j]!, app.id, Math.round(raw * 1e6) / 1e6]);
      if (o.conflictRate && unit() < o.conflictRate) conflicts.push([pool[j]!, app.id]);
    }
  }
  return {
    k: o.k,
    ...(o.composition ? { composition: o.composition } : {}),
    experts,
    applications,
    affinity,
    conflicts,
  };
}

/** Instance number i of a mixed family (sizes, k, composition, negative scores, pins, forbids, k overrides). */
export function mixedInstance(i: number): AssignmentInstance {
  const experts = [8, 20, 60, 150][i % 4]!;
  const applications = [6, 25, 80, 200][(i >> 2) % 4]!;
  const k = 1 + (i % 3);
  const candidates = Math.min(experts, k * 4 + 4 + (i % 5) * 3);
  const seats = applications * k;
  const inst = generateInstance({
    seed: 1000 + i,
    experts,
    applications,
    k,
    candidates,
    minLoad: i % 3 === 0 && seats >= 3 * experts ? 1 : 0,
    maxLoad: Math.ceil((2 * seats) / experts) + 1,
    maxLoadFrom: Math.ceil(seats / experts),
    composition: i % 2 === 0 ? { academic: 1, ...(k >= 2 ? { industry: 1 } : {}) } : undefined,
    negative: i % 3 === 1,
    conflictRate: 0.1,
  });
  const prng = new Prng(i);
  const banned = new Set(inst.conflicts!.map((c) => c.join()));
  const open = inst.affinity.filter(([e, a]) => !banned.has(`${e},${a}`));
  const somePairs = (n: number) =>
    Array.from({ length: n }, () => open[prng.below(open.length)]!).map(
      ([e, a]) => [e, a] as [string, string],
    );
  if (i % 4 === 3) inst.pins = [...new Map(somePairs(2).map((p) => [p.join(), p])).values()];
  // A single application (k may be overridden) and forbidden pairs on some instances.
  if (i % 5 === 2) inst.forbid = somePairs(3);
  if (i % 7 === 5) inst.applications[0]!.k = Math.max(1, k - 1);
  return inst;
}
