import autocannon from 'autocannon';
import type { BenchOptions, Table } from './types.js';

/** One HTTP endpoint to load; every target in a comparison gets the same connections and duration. */
export interface Target {
  label: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Responses outside 2xx, socket errors and timeouts, by kind (e.g. "401", "errors"). */
  bad: Record<string, number>;
}

export interface TargetFigures {
  label: string;
  rounds: RunFigures[];
  rps: number;
  p50: number;
  p99: number;
}

export interface Comparison {
  targets: TargetFigures[];
  /** Per non-baseline target: the median over rounds of (target req/s ÷ baseline req/s in that round). */
  ratios: Record<string, { ratio: number; perRound: number[] }>;
  baseline: string;
  problems: string[];
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * One autocannon run. The load generator runs in a worker thread (`workers: 1`) so it does not share
 * the event loop with the servers under test, which live in this process.
 */
export async function loadOnce(target: Target, connections: number, duration: number): Promise<RunFigures> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    connections,
    duration,
    pipelining: 1,
    workers: 1,
  });
  const bad: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2') && stat.count) bad[code] = stat.count;
  }
  // statusCodeStats can be missing in worker mode; fall back to the class counters.
  if (result.non2xx > 0 && Object.keys(bad).length === 0) bad.non2xx = result.non2xx;
  const sockets = result.errors - result.timeouts;
  if (sockets > 0) bad.errors = sockets;
  if (result.timeouts > 0) bad.timeouts = result.timeouts;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    bad,
  };
}

/**
 * Loads every target `rounds` times, interleaved (A B, then B A, …) so drift in the machine (thermal,
 * page cache, other tenants) hits all targets alike; each measured run follows its own warm-up.
 * The last target is the baseline the ratios are taken against.
 */
export async function compare(targets: Target[], opts: BenchOptions): Promise<Comparison> {
  if (targets.length < 2) throw new Error('compare needs a subject and a baseline');
  const baseline = targets.at(-1)!;
  const runs = new Map<string, RunFigures[]>(targets.map((t) => [t.label, []]));
  const problems: string[] = [];
  for (let round = 1; round <= opts.rounds; round++) {
    const order = round % 2 ? targets : [...targets].reverse();
    for (const target of order) {
      opts.progress(
        `round ${round}/${opts.rounds} · ${target.label}: warm-up ${opts.warmup}s, measure ${opts.duration}s`,
      );
      if (opts.warmup > 0) {
        const warm = await loadOnce(target, opts.connections, opts.warmup);
        noteBad(problems, `${target.label} warm-up round ${round}`, warm.bad);
      }
      const figures = await loadOnce(target, opts.connections, opts.duration);
      noteBad(problems, `${target.label} round ${round}`, figures.bad);
      runs.get(target.label)!.push(figures);
    }
  }
  const summary = targets.map((t): TargetFigures => {
    const rounds = runs.get(t.label)!;
    return {
      label: t.label,
      rounds,
      rps: median(rounds.map((r) => r.rps)),
      p50: median(rounds.map((r) => r.p50)),
      p99: median(rounds.map((r) => r.p99)),
    };
  });
  const base = summary.at(-1)!;
  const ratios: Comparison['ratios'] = {};
  for (const t of summary.slice(0, -1)) {
    // Paired per round (the two runs sat next to each other in time), then the median: steadier than
    // dividing the two medians when the load on the machine drifts.
    const perRound = t.rounds.map((r, i) => r.rps / (base.rounds[i]?.rps ?? Number.NaN));
    ratios[t.label] = { ratio: median(perRound), perRound };
  }
  return { targets: summary, ratios, baseline: baseline.label, problems };
}

function noteBad(problems: string[], where: string, bad: Record<string, number>) {
  const parts = Object.entries(bad).map(([kind, n]) => `${n} × ${kind}`);
  if (parts.length) problems.push(`${where}: ${parts.join(', ')}`);
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
export const fmtInt = (v: number) => int.format(v);
export const fmtRatio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

/** The comparison as a table: medians first, then the per-round req/s so the spread is visible. */
export function comparisonTable(c: Comparison): Table {
  return {
    header: ['target', 'req/s', 'p50 ms', 'p99 ms', `vs ${c.baseline}`, 'req/s per round'],
    numeric: [1, 2, 3, 4],
    rows: c.targets.map((t) => [
      t.label,
      fmtInt(t.rps),
      ms(t.p50),
      ms(t.p99),
      t.label === c.baseline ? '1.00×' : fmtRatio(c.ratios[t.label]?.ratio ?? Number.NaN),
      t.rounds.map((r) => fmtInt(r.rps)).join(' · '),
    ]),
  };
}
