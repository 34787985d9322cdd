/**
 * Reviewer assignment at the scale of issue 5: 5,000 applications × 2,800 experts, k = 3, loads 2–9,
 * composition academic ≥ 1 and industry ≥ 1, top-50 candidates per application. Times the exact
 * optimal mode and the seeded random draw, and checks the optimum against HiGHS (an independent LP).
 */
import { type AssignmentResult, assign } from '../server/modules/review/engines/assignment/assign.js';
import { violationsOf } from '../server/modules/review/engines/assignment/assignment-check.fixtures.js';
import { lpOptimum } from '../server/modules/review/engines/assignment/assignment-lp.fixtures.js';
import type { AssignmentInstance } from '../server/modules/review/engines/assignment/instance.js';
import { type AssignmentBenchShape, benchInstance } from './lib/assignment-instance.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const FULL: AssignmentBenchShape = {
  seed: 2026,
  applications: 5000,
  experts: 2800,
  k: 3,
  minLoad: 2,
  maxLoad: 9,
  candidates: 50,
  perRequiredCategory: 5,
  composition: { academic: 1, industry: 1 },
  conflictRate: 0.02,
};
/** HiGHS also gets a 500 × 280 slice when the full LP fails (too slow or out of memory). */
const SLICE: AssignmentBenchShape = { ...FULL, applications: 500, experts: 280 };

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;
/** Peak resident set of this process so far (resourceUsage reports KiB). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const fmt = (x: number) => x.toFixed(6);

/** Wall and CPU seconds: on a shared box the CPU time is the steadier figure. */
function timed<T>(fn: () => T): { value: T; seconds: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

async function lpCheck(inst: AssignmentInstance, ours: number, label: string, problems: string[]) {
  const lp = await (async () => {
    const t0 = performance.now();
    try {
      const c0 = process.cpuUsage();
      const r = await lpOptimum(inst);
      const c = process.cpuUsage(c0);
      return { ...r, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
    } catch (err) {
      return {
        objective: null,
        status: `failed: ${(err as Error).message}`,
        fractional: 0,
        seconds: 0,
        cpu: 0,
      };
    }
  })();
  if (lp.objective !== null) {
    const gap = Math.abs(ours - lp.objective) / Math.max(1, Math.abs(lp.objective));
    if (gap > 1e-6) problems.push(`${label}: objective ${ours} differs from the LP optimum ${lp.objective}`);
  }
  return lp;
}

const benchmark: Benchmark = {
  name: 'assignment',
  description:
    'reviewer assignment: exact min-cost flow at 5,000 × 2,800 (k = 3, loads 2–9, composition), vs HiGHS',
  async run(opts): Promise<BenchReport> {
    const problems: string[] = [];
    opts.progress('generating the instance (seeded)');
    const gen = timed(() => benchInstance(FULL));
    const inst = gen.value;
    const rssBefore = process.memoryUsage().rss;
    opts.progress('optimal mode');
    const optimal = timed(() => assign(inst));
    const peakAfterOptimal = peakRss();
    opts.progress('random mode (seed 1)');
    const random = timed(() => assign(inst, { mode: 'random', seed: 1 }));
    for (const [label, r] of [
      ['optimal', optimal.value],
      ['random', random.value],
    ] as [string, AssignmentResult][]) {
      for (const v of violationsOf(inst, r).slice(0, 5)) problems.push(`${label}: ${v}`);
    }
    opts.progress('HiGHS on the full LP');
    const lp = await lpCheck(inst, optimal.value.objective, 'full size', problems);
    const rows = [
      [
        'optimal (ours)',
        '5,000 × 2,800',
        optimal.seconds.toFixed(1),
        optimal.cpu.toFixed(1),
        fmt(optimal.value.objective),
        mb(peakAfterOptimal),
      ],
      [
        'random seed 1 (ours)',
        '5,000 × 2,800',
        random.seconds.toFixed(1),
        random.cpu.toFixed(1),
        fmt(random.value.objective),
        mb(peakRss()),
      ],
      [
        'HiGHS LP',
        '5,000 × 2,800',
        lp.seconds.toFixed(1),
        lp.cpu.toFixed(1),
        lp.objective === null ? lp.status : fmt(lp.objective),
        mb(peakRss()),
      ],
    ];
    const summary = [
      `optimal: ${optimal.seconds.toFixed(1)} s wall (${optimal.cpu.toFixed(1)} s CPU), peak RSS ${mb(peakAfterOptimal)} MB (process, incl. the ${mb(rssBefore)} MB instance) — target ≤ 60 s, ≤ 2,048 MB`,
    ];
    if (lp.objective !== null) {
      summary.push(
        `objective ${fmt(optimal.value.objective)} vs LP ${fmt(lp.objective)}: gap ${(optimal.value.objective - lp.objective).toExponential(2)}, fractional LP variables ${lp.fractional}`,
      );
    } else {
      opts.progress('HiGHS failed on the full size; comparing on a 500 × 280 slice');
      const slice = benchInstance(SLICE);
      const ours = timed(() => assign(slice));
      const small = await lpCheck(slice, ours.value.objective, '500 × 280 slice', problems);
      rows.push([
        'optimal (ours)',
        '500 × 280',
        ours.seconds.toFixed(1),
        ours.cpu.toFixed(1),
        fmt(ours.value.objective),
        mb(peakRss()),
      ]);
      rows.push([
        'HiGHS LP',
        '500 × 280',
        small.seconds.toFixed(1),
        small.cpu.toFixed(1),
        String(small.objective ?? small.status),
        mb(peakRss()),
      ]);
      summary.push(`HiGHS could not solve the full LP (${lp.status}); the slice is compared instead`);
    }
    return {
      setup: [
        `instance: ${inst.applications.length} applications, ${inst.experts.length} experts, ${inst.affinity.length} candidate pairs, ${inst.conflicts?.length ?? 0} conflicts, seats ${FULL.applications * FULL.k}`,
        `generated in ${gen.seconds.toFixed(1)} s (topic-model affinity, seed ${FULL.seed}); inputHash ${optimal.value.inputHash.slice(0, 16)}…`,
      ],
      table: {
        header: ['run', 'size', 'wall s', 'CPU s', 'objective', 'peak RSS MB'],
        rows,
        numeric: [2, 3, 4, 5],
      },
      summary,
      problems,
      checked:
        'every result keeps k, loads, composition and conflicts, and the optimum equals the LP optimum to 1e-6',
    };
  },
};

export default benchmark;
