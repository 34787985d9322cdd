/**
 * Exact 0-1 selection for funding decisions (ADR 0012): maximise Σ score·x subject to integer linear rows
 * Σ a·x ≤ b, by depth-first branch-and-bound over the items by score per unit of money (include first),
 * bounded by the fractional knapsack of the budget row (its LP relaxation) over the free items that still
 * fit every capacity row. Money is integer minor units; every row's activity of a feasible selection
 * stays below 2^53, so the checks are exact.
 *
 * Ties: objectives within TIE_EPS are equal; among equal selections the one that includes the better-
 * ranked application where they first differ wins (the caller orders items by rank, then application
 * number). Branches are pruned only when strictly worse, so no tying selection is missed.
 */

/** A linear row Σ coef[i]·x[i] ≤ bound over the items; `name` says which constraint it is. */
export interface Row {
  name: string;
  coef: number[];
  bound: number;
}

export interface SelectionProblem {
  /** Scores in the caller's order (rank, then application number). */
  scores: number[];
  /** Requested amounts, minor units (the budget row's coefficients). */
  costs: number[];
  budget: number;
  /** Side constraints (field balance, SME share, forced items). */
  rows: Row[];
}

export interface Selection {
  chosen: boolean[];
  objective: number;
  nodes: number;
}

/** Objectives closer than this (relative) are a tie. */
export const TIE_EPS = 1e-9;
/** Guards the server against a pathological instance (no such instance is known at 300 items). */
export const NODE_LIMIT = 50_000_000;

export class NodeLimitError extends Error {}

const better = (a: number, b: number) => a > b + TIE_EPS * Math.max(1, Math.abs(b));

/** The optimum, or undefined when no selection satisfies all rows. With `firstFeasible` it stops early. */
export function solveSelection(
  p: SelectionProblem,
  opts: { firstFeasible?: boolean } = {},
): Selection | undefined {
  const n = p.scores.length;
  const all: Row[] = [{ name: 'budget', coef: p.costs, bound: p.budget }, ...p.rows];
  // Lagrangian multipliers of the side rows: the bound is then a fractional knapsack on reduced scores.
  const lambda = multipliers(p);
  const reduced = p.scores.map((s, j) => s - p.rows.reduce((t, r, ri) => t + lambda[ri]! * r.coef[j]!, 0));
  const red = (i: number) => {
    const c = p.costs[i]!;
    return c <= 0 ? (reduced[i]! > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : reduced[i]! / c;
  };
  // Branch in order of reduced score per unit of money (Horowitz–Sahni): the bound is then a scan.
  const order = [...Array(n).keys()].sort((a, b) => red(b) - red(a) || a - b);
  const rows = all.map((r) => ({ bound: r.bound, coef: order.map((i) => r.coef[i]!) }));
  const lam = [0, ...lambda];
  const scores = order.map((i) => p.scores[i]!);
  const reducedScores = order.map((i) => reduced[i]!);
  const costs = order.map((i) => p.costs[i]!);
  const m = rows.length;
  // suffixNeg[r][k] = Σ_{j ≥ k} min(0, a_rj): the lowest activity the items from k on can still add.
  const suffixNeg = rows.map((r) => {
    const s = new Array<number>(n + 1).fill(0);
    for (let k = n - 1; k >= 0; k--) s[k] = s[k + 1]! + Math.min(0, r.coef[k]!);
    return s;
  });
  const capped = rows.map((_, ri) => ri).filter((ri) => rows[ri]!.coef.every((c) => c >= 0));

  const activity = new Array<number>(m).fill(0);
  const x = new Array<boolean>(n).fill(false);
  let best: boolean[] | undefined;
  let bestObjective = Number.NEGATIVE_INFINITY;
  let nodes = 0;
  let done = false;

  const feasibleFrom = (k: number) => {
    for (let r = 0; r < m; r++) if (activity[r]! + suffixNeg[r]![k]! > rows[r]!.bound) return false;
    return true;
  };
  const fits = (j: number) => {
    for (const r of capped) if (activity[r]! + rows[r]!.coef[j]! > rows[r]!.bound) return false;
    return true;
  };
  /** max of the Lagrangian over the free items (x in [0, 1], budget row kept): an upper bound. */
  const bound = (k: number, current: number) => {
    let room = p.budget - activity[0]!;
    let total = current;
    for (let r = 1; r < m; r++) total += lam[r]! * (rows[r]!.bound - activity[r]!);
    for (let j = k; j < n; j++) {
      if (reducedScores[j]! <= 0) break;
      if (!fits(j)) continue;
      const c = costs[j]!;
      if (c <= room) {
        room -= c;
        total += reducedScores[j]!;
      } else {
        total += (reducedScores[j]! * room) / c;
        break;
      }
    }
    return total;
  };
  /** In the caller's (rank) order. */
  const unpermute = (y: boolean[]) => {
    const out = new Array<boolean>(n).fill(false);
    for (let j = 0; j < n; j++) out[order[j]!] = y[j]!;
    return out;
  };
  const leaf = () => {
    const chosen = unpermute(x);
    const objective = sumChosen(p.scores, chosen);
    if (best === undefined || better(objective, bestObjective)) {
      best = chosen;
      bestObjective = objective;
    } else if (!better(bestObjective, objective) && lexGreater(chosen, best)) {
      best = chosen;
      bestObjective = objective;
    } else return;
    if (opts.firstFeasible) done = true;
  };
  const visit = (k: number, current: number) => {
    if (done) return;
    if (++nodes > NODE_LIMIT) throw new NodeLimitError('node limit');
    if (!feasibleFrom(k)) return;
    if (k === n) return leaf();
    // Prune only what is strictly worse: a tie may still win on rank.
    if (best !== undefined && better(bestObjective, bound(k, current))) return;
    if (fits(k)) {
      for (let r = 0; r < m; r++) activity[r]! += rows[r]!.coef[k]!;
      x[k] = true;
      visit(k + 1, current + scores[k]!);
      x[k] = false;
      for (let r = 0; r < m; r++) activity[r]! -= rows[r]!.coef[k]!;
    }
    visit(k + 1, current);
  };
  visit(0, 0);
  if (!best) return undefined;
  return { chosen: best, objective: bestObjective, nodes };
}

/** True when `a` includes an earlier (better-ranked) item where the two first differ. */
function lexGreater(a: boolean[], b: boolean[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return !!a[i];
  return false;
}

/**
 * Multipliers λ ≥ 0 of the side rows by projected subgradient on the Lagrangian dual (rows scaled to unit
 * coefficients, step halving when the bound stalls). Any λ ≥ 0 gives a valid bound; good ones prune more.
 */
function multipliers(p: SelectionProblem): number[] {
  const R = p.rows.length;
  if (R === 0) return [];
  const n = p.scores.length;
  const scale = p.rows.map((r) => Math.max(1, ...r.coef.map(Math.abs)));
  const maxScore = Math.max(1, ...p.scores.map(Math.abs));
  let lambda = new Array<number>(R).fill(0);
  let best = { value: Number.POSITIVE_INFINITY, lambda };
  let step = maxScore;
  let stall = 0;
  for (let it = 0; it < 300 && step > 1e-6 * maxScore; it++) {
    // x maximising Σ (s − λ·a) x over the budget row, fractional (greedy by ratio).
    const red = p.scores.map(
      (s, j) => s - p.rows.reduce((t, r, ri) => t + (lambda[ri]! * r.coef[j]!) / scale[ri]!, 0),
    );
    const idx = [...Array(n).keys()]
      .filter((j) => red[j]! > 0)
      .sort((a, b) => red[b]! / Math.max(p.costs[b]!, 1e-300) - red[a]! / Math.max(p.costs[a]!, 1e-300));
    const x = new Array<number>(n).fill(0);
    let room = p.budget;
    let value = p.rows.reduce((t, r, ri) => t + (lambda[ri]! * r.bound) / scale[ri]!, 0);
    for (const j of idx) {
      const c = p.costs[j]!;
      const take = c <= room ? 1 : room / c;
      x[j] = take;
      room -= take * c;
      value += take * red[j]!;
      if (take < 1) break;
    }
    if (value < best.value - 1e-12 * Math.abs(value)) {
      best = { value, lambda };
      stall = 0;
    } else if (++stall >= 5) {
      step /= 2;
      stall = 0;
    }
    const g = p.rows.map((r, ri) => (r.coef.reduce((t, a, j) => t + a * x[j]!, 0) - r.bound) / scale[ri]!);
    const norm = Math.sqrt(g.reduce((t, v) => t + v * v, 0));
    if (norm === 0) break;
    lambda = lambda.map((l, ri) => Math.max(0, l + (step * g[ri]!) / norm));
  }
  return best.lambda.map((l, ri) => l / scale[ri]!);
}

/** Σ scores of the chosen items in item order (one summation order, so equal sets give equal sums). */
export function sumChosen(scores: number[], chosen: boolean[]): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) if (chosen[i]) s += scores[i]!;
  return s;
}
