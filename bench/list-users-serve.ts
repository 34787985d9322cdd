/**
 * The `list-users` app alone, for a profiler (issue 16, bench/README.md round 13):
 *
 *   LIST_USERS_PROFILE=/tmp/cookie.cpuprofile npx tsx bench/list-users-serve.ts /tmp/target.json
 *   npx autocannon -c 100 -d 15 -H "cookie: …" URL      # from another process; then SIGINT (or SIGTERM)
 *   npx tsx bench/lib/profile-summary.ts /tmp/cookie.cpuprofile
 *
 * Seeds the bench data, starts the app on a loopback port and writes { url, token, cookie } to the file
 * named. With LIST_USERS_PROFILE the CPU profile covers the serving only (from the file's writing to the
 * signal), not the seeding or the module loading. With LIST_USERS_TRACE=1 it also counts the SQL statements the server runs (by their first words)
 * and the event loop's longest stall, and prints them at the end: which statements a request costs, and
 * whether a write blocks the loop.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { buildApp } from '../server/app.js';
import { openBenchDatabase } from './lib/fixture.js';
import { benchLogger, listenLocal } from './lib/servers.js';
import { seedListUsers, signInCookie } from './list-users-fixture.js';

const out = process.argv[2] ?? '/tmp/list-users-target.json';
const trace = process.env.LIST_USERS_TRACE === '1';
const statements = new Map<string, { n: number; ms: number; maxMs: number }>();
let tracing = false;
if (trace) {
  const prepare = SQLite.prototype.prepare;
  SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
    const stmt = prepare.call(this, source) as SQLite.Statement;
    const key = source.replace(/\s+/g, ' ').slice(0, 90);
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = stmt[m].bind(stmt) as (...a: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return f(...a);
        } finally {
          if (tracing) {
            const ms = performance.now() - t0;
            const s = statements.get(key) ?? { n: 0, ms: 0, maxMs: 0 };
            s.n++;
            s.ms += ms;
            s.maxMs = Math.max(s.maxMs, ms);
            statements.set(key, s);
          }
        }
      };
    }
    return stmt;
  } as typeof SQLite.prototype.prepare;
}

const bench = await openBenchDatabase();
const { adminPassword, token } = await seedListUsers(bench);
const config = { ...bench.config, mfaRequiredRoles: [] };
const app = await buildApp({ config, database: bench.database, logger: benchLogger() });
const url = await listenLocal(app);
const cookie = await signInCookie(url, adminPassword);
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const profileFile = process.env.LIST_USERS_PROFILE;
const inspector = profileFile ? new Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
tracing = true;
writeFileSync(out, JSON.stringify({ url: `${url}/api/users?limit=50`, token, cookie }));
process.stderr.write(`serving ${url} (target in ${out})\n`);

const stop = async () => {
  loop.disable();
  if (inspector && profileFile) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
  }
  if (trace) {
    process.stderr.write(
      `event loop: max stall ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms\n`,
    );
    for (const [sql, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms))
      process.stderr.write(
        `${String(s.n).padStart(8)} ${s.ms.toFixed(0).padStart(7)} ms  max ${s.maxMs.toFixed(1).padStart(6)} ms  ${sql}\n`,
      );
  }
  await app.close();
  await bench.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
