import { performance } from 'node:perf_hooks';
import type { AnalyticsQuery } from '../server/modules/analytics/analytics.schema.js';
import { analytics } from '../server/modules/analytics/analytics.service.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { profileDashboard } from './lib/analytics-profile.js';
import { createBenchPlatform, generateAnalyticsRows, rowMix } from './lib/analytics-rows.js';
import { withBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** Rows generated across the tables the dashboards read (issue 15: 10 million); the mix is rowMix's. */
const ROWS = Number(process.env.BENCH_ANALYTICS_ROWS ?? 10_000_000);
const MIX = rowMix(ROWS);
const REPEAT = Number(process.env.BENCH_ANALYTICS_REPEAT ?? 7);
/** BENCH_ANALYTICS_ON=sqlite|postgres runs one database only (a 10 M run of both takes long on a busy box). */
const ON = process.env.BENCH_ANALYTICS_ON;
/** BENCH_ANALYTICS_PROFILE=1 adds each dashboard's slowest statements with their plans (lib/analytics-profile.ts). */
const PROFILE = process.env.BENCH_ANALYTICS_PROFILE === '1';

/**
 * The dashboards' one question (GET /api/analytics: every indicator of every platform, year by year; the
 * dashboards differ only in which figures they show) asked as each dashboard asks it.
 */
const DASHBOARD_QUERIES: Record<string, (platformId: string, unitId: string) => AnalyticsQuery> = {
  'supervisor / platform, 5 calendar years': () => ({
    from: 2016,
    to: 2020,
    basis: 'calendar',
    currency: 'USD',
  }),
  'program + transfer, 5 fiscal years': () => ({ from: 2016, to: 2020, basis: 'fiscal', currency: 'USD' }),
  'unit (lab director), 5 years': (_, unitId) => ({
    from: 2016,
    to: 2020,
    basis: 'calendar',
    currency: 'USD',
    unitId,
  }),
  'supervisor, 21 years': () => ({ from: 2000, to: 2020, basis: 'calendar', currency: 'USD' }),
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  return withBenchDatabase(kind, async ({ database, ctx }) => {
    const t0 = performance.now();
    const { platformId, unitIds } = await createBenchPlatform(database.db);
    const written = await generateAnalyticsRows(database.db, kind, platformId, unitIds, MIX, (s) =>
      opts.progress(`${kind}: ${s} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
    );
    const seedSeconds = (performance.now() - t0) / 1000;
    const unitId = unitIds[0]!;
    const rows: string[][] = [];
    const count = async () =>
      database.db
        .selectFrom('results')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
    const counts: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const t = performance.now();
      await count();
      counts.push(performance.now() - t);
    }
    let published = 0;
    for (const [label, q] of Object.entries(DASHBOARD_QUERIES)) {
      opts.progress(`${kind}: ${label} ×${REPEAT}`);
      const ms: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const t = performance.now();
        const v = await analytics(ctx, q(platformId, unitId));
        ms.push(performance.now() - t);
        published = v.platforms[0]?.figures.results_published?.total ?? 0;
      }
      rows.push([`${kind} ${label}`, pct(ms, 50).toFixed(0), pct(ms, 95).toFixed(0)]);
    }
    rows.push([`${kind} baseline COUNT(*) results`, pct(counts, 50).toFixed(0), pct(counts, 95).toFixed(0)]);
    const profile: string[] = [];
    if (PROFILE)
      for (const [label, q] of Object.entries(DASHBOARD_QUERIES)) {
        opts.progress(`${kind}: profiling ${label}`);
        profile.push(...(await profileDashboard(kind, database, ctx, label, q(platformId, unitId))));
      }
    return {
      rows,
      profile,
      setup: `${kind}: ${fmtInt(written)} rows generated in ${seedSeconds.toFixed(0)} s, ${fmtInt(written / seedSeconds)} rows/s with the monthly totals (last answer: ${fmtInt(published)} published results in the period)`,
    };
  });
}

/**
 * Issue 15: the analytics dashboards over generated rows (10 million by default: IP events and results
 * on one platform, generated in SQL by lib/analytics-rows.ts), p50/p95 per dashboard query beside a COUNT(*) of the largest table in the same run,
 * on SQLite and (when installed) PostgreSQL.
 */
const analyticsBench: Benchmark = {
  name: 'analytics',
  description: `analytics dashboards over ${fmtInt(ROWS)} generated rows vs COUNT(*) of results`,
  async run(opts): Promise<BenchReport> {
    const results = [];
    if (ON !== 'postgres') results.push(await runOn('sqlite', opts));
    if (ON !== 'sqlite' && findPostgresBin()) results.push(await runOn('postgres', opts));
    return {
      setup: [
        ...results.map((r) => r.setup),
        ...results.flatMap((r) => r.profile),
        `rows: ${Object.entries(MIX)
          .map(([k, v]) => `${k} ${fmtInt(v)}`)
          .join(', ')}, one platform, dates 2000–2020`,
        `${REPEAT} runs each; p50/p95 in ms; the dashboards ask GET /api/analytics's service as a system admin`,
      ],
      table: { header: ['query', 'p50 ms', 'p95 ms'], rows: results.flatMap((r) => r.rows), numeric: [1, 2] },
      summary: [],
      problems: [],
    };
  },
};
export default analyticsBench;
