import { infeasible } from './instance.js';
import { type Prepared, precheck } from './model.js';
import { buildNetwork, diagnose, solveNetwork } from './network.js';
import type { Prng } from './prng.js';
import { Rerouter } from './reroute.js';

/**
 * 随机抽取: applications in a seeded random order; for each, first the composition seats (category by
 * category), then the free seats. Every draw is uniform among the application's candidates that keep
 * the whole instance satisfiable (conflicts, composition, loads, pins), so an expert is never drawn
 * into a dead end: the draw picks uniformly, and a pick that would leave no feasible completion is
 * removed and the draw repeated (rejection keeps uniformity over the feasible picks). Feasibility of a
 * pick is a residual cycle through its arc in a feasible flow kept alongside.
 */
export function drawRandom(p: Prepared, prng: Prng): Uint8Array {
  const violations = precheck(p);
  if (violations.length) throw infeasible(violations);
  const an = buildNetwork(p, new Float64Array(p.score.length));
  const out = solveNetwork(an);
  if (!out.ok) throw infeasible(diagnose(an, out.stuck));
  const reroute = new Rerouter(an.net);

  const nA = p.appIds.length;
  const chosen = p.pinned.slice();
  // Pairs are sorted by application, so each application's candidates are one contiguous range.
  const start = new Int32Array(nA + 1);
  for (let i = 0; i < p.pairApp.length; i++) start[p.pairApp[i]! + 1]!++;
  for (let a = 0; a < nA; a++) start[a + 1]! += start[a]!;

  // Pins only ever shrink the feasible set, so a pick found infeasible stays infeasible: skipping it
  // later is the same as rejecting it again, and saves the search.
  const dead = new Uint8Array(p.pairApp.length);
  const order = prng.shuffle(Array.from({ length: nA }, (_, a) => a));
  for (const a of order) {
    const pool = (cat: number) => {
      const ids: number[] = [];
      for (let i = start[a]!; i < start[a + 1]!; i++) {
        if (!chosen[i] && !dead[i] && (cat < 0 || p.category[p.pairExpert[i]!] === cat)) ids.push(i);
      }
      return ids;
    };
    const seated = (cat: number) => {
      let n = 0;
      for (let i = start[a]!; i < start[a + 1]!; i++) {
        if (chosen[i] && (cat < 0 || p.category[p.pairExpert[i]!] === cat)) n++;
      }
      return n;
    };
    const draw = (cat: number) => {
      const candidates = pool(cat);
      while (candidates.length > 0) {
        const j = prng.below(candidates.length);
        const pair = candidates[j]!;
        if (reroute.force(an.arcOf[pair]!)) {
          chosen[pair] = 1;
          return;
        }
        dead[pair] = 1;
        candidates[j] = candidates[candidates.length - 1]!;
        candidates.pop();
      }
      // The flow was feasible before this draw, so some pick must keep it feasible.
      throw new Error(`assignment: no feasible draw for ${p.appIds[a]}`);
    };
    for (let c = 0; c < p.minimum.length; c++) {
      for (let n = seated(c); n < p.minimum[c]!; n++) draw(c);
    }
    for (let n = seated(-1); n < p.k[a]!; n++) draw(-1);
  }
  return chosen;
}

/**
 * Hybrid restriction: keeps, per application, its `top` best candidates by affinity, plus the `top`
 * best of each category with a composition minimum (so category seats have the same depth of choice),
 * plus pins. Ties rank by instance order of the experts.
 */
export function restrictToTop(p: Prepared, top: (app: number) => number): Prepared {
  const keep: number[] = [];
  let i = 0;
  while (i < p.pairApp.length) {
    const a = p.pairApp[i]!;
    let end = i;
    while (end < p.pairApp.length && p.pairApp[end] === a) end++;
    const ranked = Array.from({ length: end - i }, (_, j) => i + j).sort(
      (x, y) => p.score[y]! - p.score[x]! || x - y,
    );
    const t = top(a);
    const inCategory = new Int32Array(p.minimum.length);
    const kept = new Set<number>();
    ranked.forEach((pair, rank) => {
      const c = p.category[p.pairExpert[pair]!]!;
      const categoryRank = inCategory[c]!++;
      if (rank < t || (p.minimum[c]! > 0 && categoryRank < t) || p.pinned[pair]) kept.add(pair);
    });
    for (let j = i; j < end; j++) if (kept.has(j)) keep.push(j);
    i = end;
  }
  const keepSet = new Uint8Array(p.pairApp.length);
  for (const j of keep) keepSet[j] = 1;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(arr: T) =>
    arr.filter((_, j) => keepSet[j] === 1) as T;
  return {
    ...p,
    pairExpert: pick(p.pairExpert),
    pairApp: pick(p.pairApp),
    score: pick(p.score),
    pinned: pick(p.pinned),
  };
}
