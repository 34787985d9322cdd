import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { publicSearch } from '../server/modules/results/results.catalog.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import { pct } from './lib/rush.js';
import { type Corpus, makeCorpus, makeQueries, sampleMismatch, scan } from './lib/search-corpus.js';
import { loadCatalog } from './lib/search-load.js';
import { statementLog } from './lib/statement-log.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** The catalog's size and the queries checked; the environment overrides them for a quick look. */
const RECORDS = Number(process.env.SEARCH_RECORDS ?? 1_000_000);
const QUERIES = Number(process.env.SEARCH_QUERIES ?? 1_000);
const PAGE = 20;
/** Where one query's time goes: each statement of publicSearch for 芯片 and "chip battery". */
async function statementProfile(file: string | undefined, url: string | null) {
  const { db, spent, close } = statementLog({ file, url });
  const lines: string[] = [];
  try {
    for (const q of ['芯片', 'chip battery']) {
      await publicSearch({ db }, { q, page: 1, pageSize: PAGE } as never);
      spent.length = 0;
      await publicSearch({ db }, { q, page: 1, pageSize: PAGE } as never);
      lines.push(
        `"${q}" statements: ${spent.map((s) => `${s.ms.toFixed(0)} ms ${s.sql.slice(0, 48)}…`).join(' | ')}`,
      );
    }
  } finally {
    await close();
  }
  return lines;
}

/**
 * SEARCH_DB=FILE (SQLite) or SEARCH_PG=URL (a PostgreSQL database you started): the loaded database is
 * kept there and a later run with the same SEARCH_RECORDS reuses it (migrated to the latest version
 * first) instead of loading 11.6 M index rows again.
 */
async function openSearchDatabase(kind: 'sqlite' | 'postgres') {
  const file = kind === 'sqlite' ? process.env.SEARCH_DB : undefined;
  const url = kind === 'postgres' ? process.env.SEARCH_PG : undefined;
  if (!file && !url) return { ...(await openBenchDatabase(kind)), reused: false };
  const database = createDatabase(file ? { kind: 'sqlite', file } : { kind: 'postgres', url: url!, max: 10 });
  await migrateToLatest(database.db as never);
  const { n } = await database.db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { database, pgUrl: url ?? null, reused: Number(n) > 0, close: () => database.close() };
}

/**
 * SEARCH_KEEP=FILE holds the database after the timings for EXPLAIN QUERY PLAN / EXPLAIN (ANALYZE,
 * BUFFERS): the bench writes its file or URL into FILE and waits until FILE is removed.
 */
async function keepWhile(kind: string, where: string | null | undefined, opts: BenchOptions) {
  const keep = process.env.SEARCH_KEEP;
  if (!keep) return;
  writeFileSync(keep, `${where ?? ''}\n`);
  opts.progress(`${kind}: database kept at ${where}; remove ${keep} to drop it`);
  while (existsSync(keep)) await new Promise((r) => setTimeout(r, 1000));
}

async function runOn(kind: 'sqlite' | 'postgres', corpus: Corpus, opts: BenchOptions) {
  const opened = await openSearchDatabase(kind);
  try {
    const { database } = opened;
    const t0 = performance.now();
    if (opened.reused) opts.progress(`${kind}: reusing ${database.file ?? opened.pgUrl}`);
    else {
      opts.progress(`${kind}: loading ${fmtInt(corpus.n)} results and their index terms`);
      await loadCatalog(database, opened.pgUrl, corpus);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    opts.progress(`${kind}: ${opened.reused ? 'reused' : 'loaded'} in ${loadSeconds.toFixed(0)} s`);
    const terms = await database.db
      .selectFrom('result_terms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const queries = makeQueries(QUERIES);
    opts.progress(`${kind}: ${fmtInt(queries.length)} queries, each checked against a scan`);
    const ms = new Map<string, number[]>();
    const wrong: string[] = [];
    let hits = 0;
    // Warm the caches and the JIT on a few queries first; they are measured again below.
    for (const { q } of queries.slice(0, 5))
      await publicSearch({ db: database.db }, { q, page: 1, pageSize: PAGE } as never);
    for (const [k, { q, kind: qk }] of queries.entries()) {
      const s = performance.now();
      const found = await publicSearch({ db: database.db }, { q, page: 1, pageSize: PAGE } as never);
      const took = performance.now() - s;
      ms.set(qk, [...(ms.get(qk) ?? []), took]);
      ms.set('all', [...(ms.get('all') ?? []), took]);
      const expected = scan(corpus, q, PAGE);
      const got = found.items.map((it: { id: string }) => it.id);
      hits += expected.total;
      if (found.total !== expected.total || got.join() !== expected.page.join())
        wrong.push(`"${q}": ${found.total} found, scan ${expected.total}`);
      if (k % 100 === 99) opts.progress(`${kind}: ${k + 1} queries`);
    }
    const profile = (await statementProfile(database.file, opened.pgUrl)).map((l) => `${kind}: ${l}`);
    await keepWhile(kind, database.file ?? opened.pgUrl, opts);
    // Each database's figures as soon as they exist (the report comes after both, which can take an hour).
    for (const [qk, xs] of ms)
      opts.progress(
        `${kind} ${qk}: n ${xs.length}, p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms`,
      );
    opts.progress(`${kind}: ${wrong.length} of ${queries.length} answers differ from the scan`);
    for (const line of profile) opts.progress(line);
    return {
      rows: ['zh 1', 'zh 2', 'en 1', 'en 2', 'all']
        .map((qk) => [qk, ms.get(qk) ?? [0]] as const)
        .map(([qk, xs]) => [
          kind,
          qk,
          fmtInt(xs.length),
          pct(xs, 50).toFixed(1),
          pct(xs, 95).toFixed(1),
          pct(xs, 99).toFixed(1),
        ]),
      setup: [
        ...profile,
        `${kind}: ${fmtInt(corpus.n)} results (${fmtInt(Math.round(corpus.n * 0.9))} public) and ${fmtInt(Number(terms.n))} index rows ${opened.reused ? 'reused' : `loaded in ${loadSeconds.toFixed(0)} s`}; ${fmtInt(queries.length)} queries, ${fmtInt(hits / queries.length)} matches on average (by the scan)`,
      ],
      problems: wrong
        .slice(0, 5)
        .map((w) => `${kind}: ${w}${wrong.length > 5 ? ` (and ${wrong.length - 5} more)` : ''}`),
    };
  } finally {
    await opened.close();
  }
}

/**
 * Issue 16's public search at scale: 1,000,000 bilingual results (one in ten internal), the portal's
 * search (`publicSearch`: the public, published set, first page of 20 by score) for 1,000 one- and
 * two-word queries in Chinese and English including 芯片 and 电池, timed one at a time; every answer's
 * total and page must equal an exhaustive scan of the records in memory, or the run is invalid.
 */
const bench: Benchmark = {
  name: 'public-search-1m',
  description: `public results search over ${fmtInt(RECORDS)} bilingual records, ${fmtInt(QUERIES)} queries checked against a scan, SQLite and PostgreSQL`,
  async run(opts): Promise<BenchReport> {
    const corpus = makeCorpus(RECORDS);
    const bad = sampleMismatch(corpus, 1_000);
    const on = process.env.SEARCH_ON ?? 'sqlite,postgres';
    const results = on.includes('sqlite') ? [await runOn('sqlite', corpus, opts)] : [];
    if (on.includes('postgres') && findPostgresBin()) results.push(await runOn('postgres', corpus, opts));
    return {
      setup: [
        ...results.flatMap((r) => r.setup),
        'query: publicSearch (kept counts and containers, the first page of 20 by score with the exact total, the page read; ADR 0038) — no HTTP',
      ],
      table: {
        header: ['database', 'queries', 'n', 'p50 ms', 'p95 ms', 'p99 ms'],
        rows: results.flatMap((r) => r.rows),
        numeric: [2, 3, 4, 5],
      },
      summary: [
        'zh 1 / zh 2 = one- and two-word Chinese queries (ICU splits 芯片 into 芯|片; the index holds the pair 芯片 as one term, ADR 0040)',
      ],
      problems: [
        ...(bad.length
          ? [`generator: ${bad.length} of 1,000 sampled records index differently from weightedTerms`]
          : []),
        ...results.flatMap((r) => r.problems),
      ],
      checked:
        'every query’s first page and total equal an exhaustive scan; the generator’s terms equal weightedTerms on 1,000 records',
    };
  },
};

export default bench;
