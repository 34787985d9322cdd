import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../server/app.js';
import { countRows, openBenchDatabase } from './lib/fixture.js';
import { compare, comparisonTable, fmtInt, fmtRatio } from './lib/load.js';
import { benchLogger, listenLocal, startBareJson } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';
import { LIST_PLATFORMS, LIST_USERS, seedListUsers, signInCookie } from './list-users-fixture.js';

const PAGE = 50;
const PATH = '/api/users';

/**
 * Issue #2 item 13: the authenticated list endpoint (token lookup, RBAC, COUNT + page query, role lookup,
 * zod response serialisation, helmet, request id) against bare Fastify serving the same bytes.
 */
const listUsers: Benchmark = {
  name: 'list-users',
  description: `GET ${PATH}?limit=${PAGE} (token and cookie, c=10 and 100, ${fmtInt(LIST_USERS)} users on SQLite) vs bare Fastify`,
  async run(opts): Promise<BenchReport> {
    const started = performance.now();
    const bench = await openBenchDatabase();
    try {
      opts.progress(`seeding ${fmtInt(LIST_USERS)} users on ${LIST_PLATFORMS} platforms`);
      const { adminPassword, token } = await seedListUsers(bench);
      const rows = await countRows(bench.database.db);
      const seedSeconds = (performance.now() - started) / 1000;

      // No second factor for the bench admin's session: the cookie variant measures a signed-in browser, and
      // enrolling TOTP here would only add a sign-in step (the gate's own lookup still runs per request).
      const config = { ...bench.config, mfaRequiredRoles: [] };
      const app = await buildApp({ config, database: bench.database, logger: benchLogger() });
      const appUrl = await listenLocal(app);
      // The same app with the sign-in lookup cache off (AUTH_CACHE_MS=0), on the same database, in the same
      // rounds: what the cache saves (docs/sign-in.md 'Lookup cache').
      const uncached = await buildApp({
        config: { ...config, authCacheMs: 0 },
        database: bench.database,
        logger: benchLogger(),
      });
      const uncachedUrl = await listenLocal(uncached);
      // With BENCH_BEFORE_SRC (a checkout of an earlier commit with a node_modules link), that tree's app on
      // the same database in the same rounds instead of the no-cache app: before and after paired per round.
      const src = process.env.BENCH_BEFORE_SRC;
      const beforeApp = src
        ? await (
            (await import(pathToFileURL(path.resolve(src, 'server/app.ts')).href)) as {
              buildApp: typeof buildApp;
            }
          ).buildApp({ config, database: bench.database, logger: benchLogger() })
        : null;
      const beforeUrl = beforeApp ? await listenLocal(beforeApp) : null;
      // And that tree with AUTH_CACHE_MS=0 too: paired with the no-cache app (which has neither the sign-in
      // cache nor the answer cache), the list's miss path after against before (bench/README.md round 17).
      const beforeUncached = src
        ? await (
            (await import(pathToFileURL(path.resolve(src, 'server/app.ts')).href)) as {
              buildApp: typeof buildApp;
            }
          ).buildApp({
            config: { ...config, authCacheMs: 0 },
            database: bench.database,
            logger: benchLogger(),
          })
        : null;
      const beforeUncachedUrl = beforeUncached ? await listenLocal(beforeUncached) : null;
      const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
      const query = `?limit=${PAGE}`;
      const check = await fetch(`${appUrl}${PATH}${query}`, { headers });
      const body = await check.text();
      if (check.status !== 200)
        throw new Error(`app answered ${check.status} before the load: ${body.slice(0, 300)}`);
      const page = JSON.parse(body) as { items: unknown[]; total: number };
      if (page.items.length !== PAGE || page.total !== rows.users) {
        throw new Error(`expected ${PAGE} of ${rows.users} users, got ${page.items.length} of ${page.total}`);
      }
      // The browser path: sign in over HTTP as the admin and send the signed session cookie.
      const cookie = await signInCookie(appUrl, adminPassword);
      const cookieHeaders = { cookie, accept: 'application/json' };
      const viaCookie = await fetch(`${appUrl}${PATH}${query}`, { headers: cookieHeaders });
      // Not byte-equal to the token's page: the sign-in itself changed the admin's row (last sign-in).
      const cookieBody = await viaCookie.text();
      const cookiePage = JSON.parse(cookieBody) as { items?: unknown[] };
      if (viaCookie.status !== 200 || cookiePage.items?.length !== PAGE)
        throw new Error(`the cookie caller got ${viaCookie.status}: ${cookieBody.slice(0, 300)}`);
      const beforeCookie = beforeUrl
        ? { cookie: await signInCookie(beforeUrl, adminPassword), accept: 'application/json' }
        : null;
      const bare = await startBareJson(PATH, page);
      try {
        const levels = [...new Set([opts.connections, 100])];
        const table: BenchReport['table'] = { header: [], rows: [], numeric: [] };
        const summary: string[] = [];
        const problems: string[] = [];
        for (const connections of levels) {
          // The uncached variants at the first level only, to keep the default run near 3 minutes; the
          // earlier tree's at every level when BENCH_BEFORE_SRC names one.
          const before =
            beforeUrl && beforeCookie
              ? [
                  { label: `token before c=${connections}`, url: `${beforeUrl}${PATH}${query}`, headers },
                  {
                    label: `cookie before c=${connections}`,
                    url: `${beforeUrl}${PATH}${query}`,
                    headers: beforeCookie,
                  },
                ]
              : [];
          // With an earlier tree: the token's no-cache pair (after and before) at the first level instead.
          const withoutCache =
            connections !== levels[0]
              ? []
              : beforeUncachedUrl
                ? [
                    {
                      label: `token no-cache c=${connections}`,
                      url: `${uncachedUrl}${PATH}${query}`,
                      headers,
                    },
                    {
                      label: `token before no-cache c=${connections}`,
                      url: `${beforeUncachedUrl}${PATH}${query}`,
                      headers,
                    },
                  ]
                : [
                    {
                      label: `token no-cache c=${connections}`,
                      url: `${uncachedUrl}${PATH}${query}`,
                      headers,
                    },
                    {
                      label: `cookie no-cache c=${connections}`,
                      url: `${uncachedUrl}${PATH}${query}`,
                      headers: cookieHeaders,
                    },
                  ];
          const comparison = await compare(
            [
              { label: `token c=${connections}`, url: `${appUrl}${PATH}${query}`, headers },
              { label: `cookie c=${connections}`, url: `${appUrl}${PATH}${query}`, headers: cookieHeaders },
              ...withoutCache,
              ...before,
              { label: `bare c=${connections}`, url: `${bare.url}${PATH}${query}`, headers },
            ],
            { ...opts, connections },
          );
          const t = comparisonTable(comparison);
          table.header = t.header.map((h) => (h.startsWith('vs ') ? 'vs bare' : h));
          table.numeric = t.numeric;
          table.rows.push(...t.rows);
          for (const [label, r] of Object.entries(comparison.ratios))
            summary.push(
              `${label}: app/bare = ${fmtRatio(r.ratio)} (per round: ${r.perRound.map(fmtRatio).join(', ')})`,
            );
          const pairs = before.length ? ['token', 'cookie'] : [];
          if (withoutCache.some((x) => x.label.includes('before'))) pairs.push('token no-cache');
          for (const kind of pairs) {
            const rounds = (label: string) => comparison.targets.find((x) => x.label === label)!.rounds;
            const a = rounds(`${kind} c=${connections}`);
            const b = rounds(`${kind.replace(/^(token|cookie)/, '$1 before')} c=${connections}`);
            summary.push(
              `${kind} c=${connections}: after/before per round ${a.map((r, i) => fmtRatio(r.rps / b[i]!.rps)).join(', ')}`,
            );
          }
          problems.push(...comparison.problems);
        }
        return {
          setup: [
            `SQLite (WAL, synchronous=FULL) in a temp DATA_DIR; seeded in ${seedSeconds.toFixed(1)} s: ` +
              Object.entries(rows)
                .map(([t, n]) => `${t} ${fmtInt(n)}`)
                .join(', '),
            `app: GET ${PATH}${query} as a system admin, with a read-scope personal API token (token) or a ` +
              `signed session cookie from POST /api/auth/login (cookie; MFA_REQUIRED_ROLES empty for this app); ` +
              `no-cache: the same app with AUTH_CACHE_MS=0 on the same database (no sign-in cache, no answer ` +
              `cache: every request reads its credential and the list); ` +
              `${page.items.length} of ${fmtInt(page.total)} users, ${fmtInt(Buffer.byteLength(body))} B body`,
            'bare: Fastify with no plugins returning the same JSON; all log at info to /dev/null',
            `load: autocannon c=${levels.join(' and c=')} p=1 (own worker thread), ${opts.warmup} s warm-up + ` +
              `${opts.duration} s measured per run, ${opts.rounds} interleaved rounds, medians`,
          ],
          table,
          summary,
          problems,
        };
      } finally {
        await bare.app.close();
        await uncached.close();
        await beforeApp?.close();
        await beforeUncached?.close();
        await app.close();
      }
    } finally {
      await bench.close();
    }
  },
};

export default listUsers;
