import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import { pct, seed, verify } from './lib/rush.js';
import { benchLogger, listenLocal } from './lib/servers.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** Applicants per database; each submits one complete application, all at once. */
const APPLICANTS = 200;

interface Shot {
  status: number;
  ms: number;
  body: string;
}

/** Fires every request at once and times each; returns per-request figures and the wall time. */
async function burst(requests: Array<() => Promise<Response>>): Promise<{ shots: Shot[]; seconds: number }> {
  const t0 = performance.now();
  const shots = await Promise.all(
    requests.map(async (send) => {
      const s = performance.now();
      const res = await send();
      const body = await res.text();
      return { status: res.status, ms: performance.now() - s, body };
    }),
  );
  return { shots, seconds: (performance.now() - t0) / 1000 };
}

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  const opened = await openBenchDatabase(kind, { durable: false });
  const { config, database, ctx } = opened;
  try {
    opts.progress(`${kind}: seeding ${APPLICANTS} applicants with complete drafts`);
    const t0 = performance.now();
    const { callId, applicants } = await seed(ctx, APPLICANTS);
    const seedSeconds = (performance.now() - t0) / 1000;
    const app = await buildApp({ config, database, logger: benchLogger() });
    const url = await listenLocal(app);
    try {
      opts.progress(`${kind}: baseline — ${APPLICANTS} concurrent GET /healthz`);
      const base = await burst(applicants.map(() => () => fetch(`${url}/healthz`)));
      opts.progress(`${kind}: ${APPLICANTS} concurrent submissions`);
      const rush = await burst(
        applicants.map(
          (a) => () =>
            fetch(`${url}/api/applications/${a.appId}/submit`, {
              method: 'POST',
              headers: { authorization: `Bearer ${a.token}` },
            }),
        ),
      );
      const accepted = applicants.filter((_, i) => rush.shots[i]!.status === 200).map((a) => a.appId);
      const problems = await verify(database, callId, accepted);
      const failed = rush.shots.filter((s) => s.status !== 200);
      if (failed.length)
        problems.push(
          `${failed.length} submissions failed, e.g. ${failed[0]!.status} ${failed[0]!.body.slice(0, 200)}`,
        );
      if (base.shots.some((s) => s.status !== 200)) problems.push('a /healthz request failed');
      const row = (label: string, b: { shots: Shot[]; seconds: number }) => [
        `${kind} ${label}`,
        fmtInt(b.shots.length / b.seconds),
        pct(
          b.shots.map((s) => s.ms),
          50,
        ).toFixed(1),
        pct(
          b.shots.map((s) => s.ms),
          99,
        ).toFixed(1),
        `${b.seconds.toFixed(2)} s`,
      ];
      return {
        rows: [row('submit', rush), row('GET /healthz', base)],
        setup: `${kind}: seeded ${APPLICANTS} applicants in ${seedSeconds.toFixed(1)} s; ${accepted.length} accepted, database verified`,
        problems: problems.map((p) => `${kind}: ${p}`),
      };
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
  }
}

/**
 * Issue #4's deadline rush as load: N applicants submit complete applications (one consortium member,
 * budget lines, a PDF attachment) at the same instant over HTTP with their API tokens; then the
 * database must hold exactly the accepted submissions, frozen, checksummed and numbered without gaps.
 * The baseline is the same burst of GET /healthz on the same server.
 */
const submissions: Benchmark = {
  name: 'submissions',
  description: `${APPLICANTS} concurrent application submissions over HTTP, on SQLite and PostgreSQL, vs GET /healthz`,
  async run(opts): Promise<BenchReport> {
    const results = [await runOn('sqlite', opts)];
    if (findPostgresBin()) results.push(await runOn('postgres', opts));
    else
      results.push({
        rows: [],
        setup: 'postgres: not installed here (PG_BIN or initdb on PATH); skipped',
        problems: [],
      });
    return {
      setup: [
        ...results.map((r) => r.setup),
        'each submission: token auth, row locks on the application and the per-call receipt counter, strict checks, eligibility, canonical-JSON snapshot + sha256, audit entry, notification',
        'PostgreSQL: throwaway cluster with fsync off (as the tests); SQLite: WAL, synchronous=FULL',
      ],
      table: {
        header: ['target', 'req/s', 'p50 ms', 'p99 ms', 'burst wall time'],
        rows: results.flatMap((r) => r.rows),
        numeric: [1, 2, 3],
      },
      summary: ['req/s = requests in the burst / wall time of the burst; all requests sent at once'],
      problems: results.flatMap((r) => r.problems),
    };
  },
};

export default submissions;
