import type {
  AssignmentInstance,
  ExpertCategory,
} from '../../server/modules/review/engines/assignment/instance.js';
import { Prng } from '../../server/modules/review/engines/assignment/prng.js';

/** Size and shape of the generated reviewer-assignment instance. */
export interface AssignmentBenchShape {
  seed: number;
  applications: number;
  experts: number;
  k: number;
  minLoad: number;
  maxLoad: number;
  /** Candidates kept per application (the best by affinity). */
  candidates: number;
  /** Of those, at least this many of each category with a composition minimum. */
  perRequiredCategory: number;
  composition: Partial<Record<ExpertCategory, number>>;
  /** Share of kept pairs that are also declared conflicts. */
  conflictRate: number;
}

const TOPICS = 80;

/**
 * A seeded instance with structured affinity: experts and applications mix a few of 80 topics, and the
 * score is their topic overlap plus noise, so good experts are scarce for popular topics (as in real
 * calls) and the loads bind. Each application keeps its top candidates, with a floor per required
 * category so composition is satisfiable; each expert also stays a candidate of its best
 * max(minLoad + 1, 3) applications so its min load is reachable; then some kept pairs are declared
 * conflicts.
 */
export function benchInstance(s: AssignmentBenchShape): AssignmentInstance {
  const prng = new Prng(s.seed);
  const unit = () => prng.nextU32() / 2 ** 32;
  // Topic popularity is skewed (a few hot topics), like the field mix of a real call.
  const topic = () => Math.floor(TOPICS * unit() ** 1.7);
  // Sparse profiles: a few topics with weights; the dense expert × topic matrix makes a score 2–3 mults.
  const profile = (n: number) => Array.from({ length: n }, () => [topic(), 0.5 + unit()] as const);
  const categoryOf = (): ExpertCategory => {
    const r = unit();
    return r < 0.45 ? 'academic' : r < 0.8 ? 'industry' : 'lab';
  };
  const experts = Array.from({ length: s.experts }, (_, i) => ({
    id: `r${i}`,
    category: categoryOf(),
    minLoad: s.minLoad,
    maxLoad: s.maxLoad,
  }));
  const weight = new Float64Array(s.experts * TOPICS);
  for (let e = 0; e < s.experts; e++) for (const [t, w] of profile(3)) weight[e * TOPICS + t]! += w;
  const applications = Array.from({ length: s.applications }, (_, a) => ({ id: `p${a}` }));
  const kept = applications.map(() => new Map<number, number>());
  // Each expert's best applications, so every expert can reach its min load (see the README).
  const reserve = Math.max(s.minLoad + 1, 3);
  const bestOf = Array.from({ length: s.experts }, () => [] as [number, number][]);
  const scores = new Float64Array(s.experts);
  const order = new Int32Array(s.experts);
  applications.forEach((_, a) => {
    const v = profile(2);
    for (let e = 0; e < s.experts; e++) {
      let dot = 0;
      for (const [t, w] of v) dot += w * weight[e * TOPICS + t]!;
      const score = Math.round((dot / 4 + 0.15 * unit()) * 1e6) / 1e6;
      scores[e] = score;
      order[e] = e;
      const best = bestOf[e]!;
      if (best.length < reserve || score > best[best.length - 1]![1]) {
        best.push([a, score]);
        best.sort((x, y) => y[1] - x[1]);
        if (best.length > reserve) best.pop();
      }
    }
    order.sort((x, y) => scores[y]! - scores[x]! || x - y);
    const mine = kept[a]!;
    for (const [cat, min] of Object.entries(s.composition)) {
      if (!min) continue;
      let n = 0;
      for (let i = 0; i < s.experts && n < s.perRequiredCategory; i++) {
        if (experts[order[i]!]!.category === cat) {
          mine.set(order[i]!, scores[order[i]!]!);
          n++;
        }
      }
    }
    for (let i = 0; i < s.experts && mine.size < s.candidates; i++) mine.set(order[i]!, scores[order[i]!]!);
  });
  bestOf.forEach((best, e) => {
    for (const [a, score] of best) kept[a]!.set(e, score);
  });
  const affinity: [string, string, number][] = [];
  const conflicts: [string, string][] = [];
  kept.forEach((mine, a) => {
    for (const [e, score] of [...mine].sort((x, y) => x[0] - y[0])) {
      affinity.push([experts[e]!.id, applications[a]!.id, score]);
      if (unit() < s.conflictRate) conflicts.push([experts[e]!.id, applications[a]!.id]);
    }
  });
  return {
    k: s.k,
    composition: s.composition,
    experts,
    applications,
    affinity,
    conflicts,
  };
}
