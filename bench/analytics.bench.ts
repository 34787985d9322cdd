import { performance } from 'node:perf_hooks';
import { RESULT_TYPES } from '../common/results.js';
import { type Ctx, newId } from '../server/http/context.js';
import type { AnalyticsQuery } from '../server/modules/analytics/analytics.schema.js';
import { analytics } from '../server/modules/analytics/analytics.service.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { withBenchDatabase } from './lib/bench-database.js';
import { seededRandom } from './lib/fixture.js';
import { fmtInt } from './lib/load.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';
import { generate as generateIp, insertAll } from './tech-transfer-report.bench.js';

/** Published and draft results on the IP platform, years 2000–2020 (the largest table of the run). */
const RESULTS = Number(process.env.BENCH_ANALYTICS_RESULTS ?? 1_000_000);
const IP_EVENTS = 1_000_000; // disclosures, filings, agreements, receipts (tech-transfer-report.bench)
const REPEAT = Number(process.env.BENCH_ANALYTICS_REPEAT ?? 7);

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

async function generateResults(ctx: Ctx, platformId: string, progress: (s: string) => void) {
  const rnd = seededRandom(15);
  const units = await ctx.db
    .selectFrom('org_units')
    .select('id')
    .where('platform_id', '=', platformId)
    .execute();
  const now = new Date().toISOString();
  progress(`generating ${fmtInt(RESULTS)} results`);
  await insertAll(ctx.db, 'results', RESULTS, (i) => ({
    id: newId(),
    platform_id: platformId,
    unit_id: units[i % units.length]!.id,
    type: RESULT_TYPES[i % RESULT_TYPES.length],
    title_zh: `成果${i}`,
    title_en: `Result ${i}`,
    summary_zh: '摘要',
    summary_en: 'Summary',
    visibility: 'public',
    state: rnd() < 0.8 ? 'published' : 'draft',
    year: 2000 + Math.floor(rnd() * 21),
    created_at: now,
    updated_at: now,
  }));
  return units[0]!.id;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  return withBenchDatabase(kind, async ({ database, ctx }) => {
    const t0 = performance.now();
    const platformId = await generateIp(database.db, (s) => opts.progress(`${kind}: ${s}`));
    const unitId = await generateResults(ctx, platformId, (s) => opts.progress(`${kind}: ${s}`));
    const seedSeconds = (performance.now() - t0) / 1000;
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
    return {
      rows,
      setup: `${kind}: ${fmtInt(IP_EVENTS + RESULTS)} rows generated in ${seedSeconds.toFixed(0)} s (last answer: ${fmtInt(published)} published results in the period)`,
    };
  });
}

/**
 * Issue 15: the analytics dashboards over generated rows (one million IP events and one million results
 * on one platform), p50/p95 per dashboard query beside a COUNT(*) of the largest table in the same run,
 * on SQLite and (when installed) PostgreSQL.
 */
const analyticsBench: Benchmark = {
  name: 'analytics',
  description: `analytics dashboards over ${fmtInt(IP_EVENTS + RESULTS)} generated rows vs COUNT(*) of results`,
  async run(opts): Promise<BenchReport> {
    const results = [await runOn('sqlite', opts)];
    if (findPostgresBin()) results.push(await runOn('postgres', opts));
    return {
      setup: [
        ...results.map((r) => r.setup),
        `${REPEAT} runs each; p50/p95 in ms; the dashboards ask GET /api/analytics's service as a system admin`,
      ],
      table: { header: ['query', 'p50 ms', 'p95 ms'], rows: results.flatMap((r) => r.rows), numeric: [1, 2] },
      summary: [],
      problems: [],
    };
  },
};
export default analyticsBench;
