import { type Network, NetworkBuilder, type SolveOutcome } from './flow.js';
import { EXPERT_CATEGORIES, type Violation } from './instance.js';
import type { Prepared } from './model.js';

/**
 * The layered network of issue 5 with lower bounds turned into node supplies:
 *   S → expert e        capacity maxLoad−minLoad (the minLoad is a supply of e itself)
 *   e → (a, category)    capacity 1, cost = the pair's cost (pinned pairs have no arc: they are supplies)
 *   (a, c) → a           capacity k−minimum[c] (the minimum is a demand of (a, c))
 *   a                    demand k − Σ minimums; S supplies the seats not covered by min loads.
 * An infeasible min load surfaces as a stuck expert node, unfillable seats as a stuck S.
 * Nodes are numbered S, experts, (a, c), applications: a topological order, so initial potentials
 * take one Bellman–Ford pass.
 */
export interface AssignmentNetwork {
  net: Network;
  /** Arc id per candidate pair, -1 for pinned pairs. */
  arcOf: Int32Array;
  p: Prepared;
  /** The supply of S, added after the min loads are routed (see solveNetwork). */
  seatsBeyondMinLoads: number;
}

const C = EXPERT_CATEGORIES.length;

/** Builds the network for integer pair costs (one per candidate pair). */
export function buildNetwork(p: Prepared, cost: ArrayLike<number>): AssignmentNetwork {
  const nE = p.expertIds.length;
  const nA = p.appIds.length;
  const catNode = (a: number, c: number) => 1 + nE + a * C + c;
  const appNode = (a: number) => 1 + nE + nA * C + a;
  const g = new NetworkBuilder(1 + nE + nA * C + nA);
  const need = p.minimum.reduce((s, x) => s + x, 0);
  let seats = 0;
  let minSum = 0;
  for (let e = 0; e < nE; e++) {
    g.addArc(0, 1 + e, p.maxLoad[e]! - p.minLoad[e]!, 0);
    g.supply[1 + e] = p.minLoad[e]!;
    minSum += p.minLoad[e]!;
  }
  const arcOf = new Int32Array(p.pairApp.length).fill(-1);
  for (let i = 0; i < p.pairApp.length; i++) {
    const e = p.pairExpert[i]!;
    const node = catNode(p.pairApp[i]!, p.category[e]!);
    if (p.pinned[i]) {
      g.supply[1 + e]!--;
      g.supply[node]!++;
    } else arcOf[i] = g.addArc(1 + e, node, 1, cost[i]!);
  }
  for (let a = 0; a < nA; a++) {
    const k = p.k[a]!;
    seats += k;
    for (let c = 0; c < C; c++) {
      g.addArc(catNode(a, c), appNode(a), k - p.minimum[c]!, 0);
      g.supply[catNode(a, c)]! -= p.minimum[c]!;
    }
    g.supply[appNode(a)] = need - k;
  }
  return { net: g.build(), arcOf, p, seatsBeyondMinLoads: seats - minSum };
}

/**
 * Solves in two stages: first the min loads (each expert's own supply), then the remaining seats from S.
 * With every source active at once, all paths that displace an expert meet at S, and a primal–dual
 * phase can only use the single source nearest to S: a long tail of phases moving one unit each.
 */
export function solveNetwork(an: AssignmentNetwork): SolveOutcome {
  const first = an.net.solve();
  if (!first.ok) return first;
  an.net.addSupply(0, an.seatsBeyondMinLoads);
  return an.net.solve();
}

/** The chosen pairs (pinned or carrying flow), as a 0/1 mask over candidate pairs. */
export function chosenPairs(an: AssignmentNetwork): Uint8Array {
  return Uint8Array.from(an.arcOf, (arc, i) => (an.p.pinned[i] || an.net.flowOn(arc) > 0 ? 1 : 0));
}

const list = (ids: string[]) =>
  ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');

/**
 * Explains a failed solve: the stuck excess node cannot reach any node still short of flow, so the
 * applications short of experts (or the expert short of load) are blocked by full capacities.
 */
export function diagnose(an: AssignmentNetwork, stuck: number): Violation[] {
  const { net, p } = an;
  const nE = p.expertIds.length;
  const nA = p.appIds.length;
  const appOf = (v: number) => (v > nE ? Math.floor((v - 1 - nE) / C) % nA : -1);
  const firstApp = 1 + nE + nA * C;
  const short = new Set<number>();
  for (let v = 1 + nE; v < net.n; v++) {
    if (net.b[v]! < 0) short.add(v >= firstApp ? v - firstApp : appOf(v));
  }
  const shortIds = [...short].sort((x, y) => x - y).map((a) => p.appIds[a]!);
  if (stuck >= 1 && stuck <= nE) {
    const e = stuck - 1;
    const full: string[] = [];
    for (let a = 0; a < nA; a++) if (net.reached(firstApp + a)) full.push(p.appIds[a]!);
    return [
      {
        constraint: 'minLoad',
        applications: full,
        experts: [p.expertIds[e]!],
        message: `expert ${p.expertIds[e]} cannot reach minLoad ${p.minLoad[e]}: every application it could take (${list(full) || 'none'}) is full`,
      },
    ];
  }
  if (stuck === 0) {
    return [
      {
        constraint: 'maxLoad',
        applications: shortIds,
        experts: [],
        message: `${shortIds.length === 1 ? 'application' : 'applications'} ${list(shortIds)} cannot get k experts with the required composition: their candidates reach maxLoad`,
      },
    ];
  }
  return [
    {
      constraint: 'pins',
      applications: [p.appIds[appOf(stuck)]!],
      experts: [],
      message: `the pins of ${p.appIds[appOf(stuck)]} cannot be honoured together with k and composition`,
    },
  ];
}
