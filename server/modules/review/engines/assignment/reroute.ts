import type { Network } from './flow.js';

/**
 * Fixes arcs one at a time in a feasible flow (the random draws). Putting a unit on arc u→v keeps the
 * flow feasible iff the residual network (without that arc) has a path v→u: the changed flow is then a
 * cycle. Breadth-first, so a pick that merely swaps an expert between two applications costs little.
 */
export class Rerouter {
  private readonly mark: Int32Array;
  private readonly parentArc: Int32Array;
  private readonly queue: Int32Array;
  private round = 0;

  constructor(private readonly net: Network) {
    this.mark = new Int32Array(net.n);
    this.parentArc = new Int32Array(net.n);
    this.queue = new Int32Array(net.n);
  }

  /** Puts one unit on arc `id` for good (no residual capacity either way); false, unchanged, if infeasible. */
  force(id: number): boolean {
    const { cap, rev, to, from } = this.net;
    const f = this.net.arcAt[id]!;
    if (cap[f] === 0) {
      cap[rev[f]!] = 0;
      return true;
    }
    cap[f]!--;
    if (this.pushAlongPath(to[f]!, from[f]!)) return true;
    cap[f]!++;
    return false;
  }

  private pushAlongPath(s: number, t: number): boolean {
    const { head, to, cap, rev, from } = this.net;
    // Exact shortcut: no residual arc enters t (an expert at max load whose assignments are all fixed),
    // so no path can end there; the full search would explore everything it reaches to learn the same.
    let enterable = false;
    for (let a = head[t]!; a < head[t + 1]! && !enterable; a++) enterable = cap[rev[a]!]! > 0;
    if (!enterable) return false;
    const round = ++this.round;
    let qh = 0;
    let qt = 0;
    this.queue[qt++] = s;
    this.mark[s] = round;
    while (qh < qt) {
      const u = this.queue[qh++]!;
      for (let a = head[u]!; a < head[u + 1]!; a++) {
        const v = to[a]!;
        if (cap[a]! <= 0 || this.mark[v] === round) continue;
        this.mark[v] = round;
        this.parentArc[v] = a;
        if (v === t) {
          for (let w = t; w !== s; w = from[this.parentArc[w]!]!) {
            cap[this.parentArc[w]!]!--;
            cap[rev[this.parentArc[w]!]!]!++;
          }
          return true;
        }
        this.queue[qt++] = v;
      }
    }
    return false;
  }
}
