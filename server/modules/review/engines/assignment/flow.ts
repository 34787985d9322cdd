import { NodeHeap } from './heap.js';

/**
 * Min-cost flow with node supplies (b-values), solved exactly by successive shortest paths with node
 * potentials (primal–dual: Dijkstra on reduced costs, then blocking flows on zero-cost arcs). Costs must be integers
 * (stored in float64, exact below 2^53), so every comparison is exact and optimality is certified by
 * checking that no residual arc has a negative reduced cost.
 */
export class NetworkBuilder {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly costs: number[] = [];
  /** Supply (> 0) or demand (< 0) of each node; the sum must be 0. */
  readonly supply: Int32Array;

  constructor(readonly nodeCount: number) {
    this.supply = new Int32Array(nodeCount);
  }

  /** Adds an arc u→v and returns its id (an index for `Network.flowOn`). */
  addArc(u: number, v: number, cap: number, cost: number): number {
    if (!Number.isSafeInteger(cost)) throw new RangeError('arc costs must be safe integers');
    this.tails.push(u);
    this.heads.push(v);
    this.caps.push(cap);
    this.costs.push(cost);
    return this.tails.length - 1;
  }

  /** Freezes the arcs into a compressed adjacency (forward and residual arcs per node). */
  build(): Network {
    return new Network(this.nodeCount, this.tails, this.heads, this.caps, this.costs, this.supply);
  }
}

/** Outcome of `Network.solve`: `stuck` is an excess node from which no deficit node can be reached. */
export type SolveOutcome = { ok: true } | { ok: false; stuck: number };

/** A residual network in CSR form with the state of the successive-shortest-path solver. */
export class Network {
  readonly head: Int32Array;
  readonly to: Int32Array;
  readonly from: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  readonly rev: Int32Array;
  /** CSR position of each arc id's forward arc. */
  readonly arcAt: Int32Array;
  private readonly cap0: Int32Array;
  readonly b: Int32Array;
  readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly parentArc: Int32Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap: NodeHeap;
  private readonly level: Int32Array;
  private readonly nextArc: Int32Array;
  private round = 0;
  private started = false;
  /** Number of primal–dual phases (Dijkstra searches) so far, for the bench. */
  searches = 0;

  constructor(
    readonly n: number,
    tails: number[],
    heads: number[],
    caps: number[],
    costs: number[],
    supply: Int32Array,
  ) {
    const m = tails.length;
    this.head = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      this.head[tails[i]! + 1]!++;
      this.head[heads[i]! + 1]!++;
    }
    for (let v = 0; v < n; v++) this.head[v + 1]! += this.head[v]!;
    const fill = this.head.slice(0, n);
    this.to = new Int32Array(2 * m);
    this.from = new Int32Array(2 * m);
    this.cap = new Int32Array(2 * m);
    this.cost = new Float64Array(2 * m);
    this.rev = new Int32Array(2 * m);
    this.arcAt = new Int32Array(m);
    this.cap0 = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const u = tails[i]!;
      const v = heads[i]!;
      const f = fill[u]!++;
      const r = fill[v]!++;
      this.to[f] = v;
      this.from[f] = u;
      this.cap[f] = caps[i]!;
      this.cost[f] = costs[i]!;
      this.to[r] = u;
      this.from[r] = v;
      this.cost[r] = -costs[i]!;
      this.rev[f] = r;
      this.rev[r] = f;
      this.arcAt[i] = f;
      this.cap0[i] = caps[i]!;
    }
    this.b = supply.slice();
    this.potential = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.parentArc = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.done = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.heap = new NodeHeap(n, this.dist);
    this.level = new Int32Array(n);
    this.nextArc = new Int32Array(n);
  }

  /**
   * Adds supply to a node between two `solve` calls. Residual reduced costs do not depend on supplies,
   * so the next solve continues from the current optimal pseudo-flow and potentials.
   */
  addSupply(v: number, amount: number): void {
    this.b[v]! += amount;
  }

  /** Units of flow on arc `id`. */
  flowOn(id: number): number {
    return this.cap0[id]! - this.cap[this.arcAt[id]!]!;
  }

  /** Whether node v was reached by the last search (after a failed solve: the stuck node's side of the cut). */
  reached(v: number): boolean {
    return this.done[v] === this.round;
  }

  /**
   * Routes every supply to a demand at minimum total cost, or reports an excess that cannot be routed.
   * Primal–dual: one multi-source Dijkstra per phase makes every shortest path zero-reduced-cost, then a
   * blocking flow (Dinic) sends as much as possible along zero-reduced-cost arcs to any deficit. Pushing
   * along such arcs keeps every residual reduced cost ≥ 0, so optimality holds throughout, and one
   * phase routes many units instead of one.
   */
  solve(): SolveOutcome {
    if (!this.started) this.initPotentials();
    this.started = true;
    for (;;) {
      let excess = -1;
      for (let v = 0; v < this.n && excess < 0; v++) if (this.b[v]! > 0) excess = v;
      if (excess < 0) return { ok: true };
      if (!this.dijkstra()) return { ok: false, stuck: excess };
      while (this.levelGraph()) this.blockingFlow();
    }
  }

  /** True when every supply is routed and no residual arc has a negative reduced cost (optimality). */
  certify(): boolean {
    for (let v = 0; v < this.n; v++) if (this.b[v] !== 0) return false;
    const p = this.potential;
    for (let a = 0; a < this.to.length; a++) {
      if (this.cap[a]! > 0 && this.cost[a]! + p[this.from[a]!]! - p[this.to[a]!]! < 0) return false;
    }
    return true;
  }

  /** Shortest distances from a virtual root (Bellman–Ford passes; one or two on a DAG numbered in order). */
  private initPotentials(): void {
    const p = this.potential;
    p.fill(0);
    for (let pass = 0; pass <= this.n; pass++) {
      let changed = false;
      for (let u = 0; u < this.n; u++) {
        for (let a = this.head[u]!; a < this.head[u + 1]!; a++) {
          if (this.cap[a]! > 0 && p[u]! + this.cost[a]! < p[this.to[a]!]!) {
            p[this.to[a]!] = p[u]! + this.cost[a]!;
            changed = true;
          }
        }
      }
      if (!changed) return;
    }
    throw new Error('negative cycle in the initial network');
  }

  /** Multi-source Dijkstra from every excess node on reduced costs; p += d. False if no deficit is reachable. */
  private dijkstra(): boolean {
    const round = ++this.round;
    this.searches++;
    const { dist, seen, done, heap, head, to, cap, cost, b } = this;
    const p = this.potential;
    heap.clear();
    for (let v = 0; v < this.n; v++) {
      if (b[v]! > 0) {
        dist[v] = 0;
        seen[v] = round;
        heap.pushOrDecrease(v);
      }
    }
    let count = 0;
    let reachesDeficit = false;
    while (heap.size > 0) {
      const u = heap.pop();
      done[u] = round;
      this.settled[count++] = u;
      if (b[u]! < 0) reachesDeficit = true;
      const base = dist[u]! + p[u]!;
      for (let a = head[u]!; a < head[u + 1]!; a++) {
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        if (done[v] === round) continue;
        const nd = base + cost[a]! - p[v]!;
        if (seen[v] !== round || nd < dist[v]!) {
          seen[v] = round;
          dist[v] = nd;
          heap.pushOrDecrease(v);
        }
      }
    }
    if (!reachesDeficit) return false;
    // Reached nodes move by d − max d, the others by 0: the same reduced costs as +d / +max d, and no
    // residual arc leads from a reached node to an unreached one.
    const dmax = dist[this.settled[count - 1]!]!;
    for (let i = 0; i < count; i++) {
      const v = this.settled[i]!;
      p[v]! += dist[v]! - dmax;
    }
    return true;
  }

  private admissible(a: number): boolean {
    return (
      this.cap[a]! > 0 && this.cost[a]! + this.potential[this.from[a]!]! === this.potential[this.to[a]!]!
    );
  }

  /** BFS levels over admissible arcs from every excess node; true if a deficit node is reached. */
  private levelGraph(): boolean {
    const { level, head, to, b } = this;
    level.fill(-1);
    const queue = this.settled;
    let qh = 0;
    let qt = 0;
    for (let v = 0; v < this.n; v++) {
      if (b[v]! > 0) {
        level[v] = 0;
        queue[qt++] = v;
      }
    }
    let found = false;
    while (qh < qt) {
      const u = queue[qh++]!;
      if (b[u]! < 0) {
        found = true;
        continue; // flow stops at a deficit, so nothing beyond it is needed
      }
      for (let a = head[u]!; a < head[u + 1]!; a++) {
        const v = to[a]!;
        if (level[v] === -1 && this.admissible(a)) {
          level[v] = level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return found;
  }

  /** Dinic blocking flow on the level graph (iterative DFS with current-arc pointers). */
  private blockingFlow(): void {
    const { level, head, to, cap, rev, b, from } = this;
    const next = this.nextArc;
    next.set(head.subarray(0, this.n));
    const path = this.parentArc;
    for (let s = 0; s < this.n; s++) {
      if (level[s] !== 0) continue;
      let depth = 0;
      let u = s;
      while (b[s]! > 0) {
        if (u !== s && b[u]! < 0) {
          let amount = Math.min(b[s]!, -b[u]!);
          for (let i = 0; i < depth; i++) amount = Math.min(amount, cap[path[i]!]!);
          for (let i = 0; i < depth; i++) {
            cap[path[i]!]! -= amount;
            cap[rev[path[i]!]!]! += amount;
          }
          b[s]! -= amount;
          b[u]! += amount;
          depth = 0;
          u = s;
          continue;
        }
        let a = next[u]!;
        const end = head[u + 1]!;
        while (a < end && !(cap[a]! > 0 && level[to[a]!] === level[u]! + 1 && this.admissible(a))) a++;
        next[u] = a;
        if (a < end) {
          path[depth++] = a;
          u = to[a]!;
        } else {
          level[u] = -2; // dead end for this level graph
          if (u === s) break;
          u = from[path[--depth]!]!;
          next[u]!++;
        }
      }
    }
  }
}
