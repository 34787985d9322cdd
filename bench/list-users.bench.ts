import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.js';
import { createToken } from '../server/modules/auth/tokens.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { createUser, setRoles, updateUser } from '../server/modules/users/users.service.js';
import { countRows, openBenchDatabase, seedUsers } from './lib/fixture.js';
import { compare, comparisonTable, fmtInt, fmtRatio } from './lib/load.js';
import { benchLogger, listenLocal, startBareJson } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const USERS = 3_000;
const PLATFORMS = 5;
const AUDITED_ROLE_CHANGES = 100;
const AUDITED_EDITS = 50;
const PAGE = 50;
const PATH = '/api/users';

/**
 * Issue #2 item 13: the authenticated list endpoint (token lookup, RBAC, COUNT + page query, role lookup,
 * zod response serialisation, helmet, request id) against bare Fastify serving the same bytes.
 */
const listUsers: Benchmark = {
  name: 'list-users',
  description: `GET ${PATH}?limit=${PAGE} (token and cookie, c=10 and 100, ${fmtInt(USERS)} users on SQLite) vs bare Fastify`,
  async run(opts): Promise<BenchReport> {
    const started = performance.now();
    const bench = await openBenchDatabase();
    try {
      opts.progress(`seeding ${fmtInt(USERS)} users on ${PLATFORMS} platforms`);
      const ctx = bench.ctx();
      const seeded = await seedUsers(ctx, { users: USERS, platforms: PLATFORMS });
      // The caller and some history go through the services, so the audit chain and token rows are real.
      const adminPassword = randomBytes(18).toString('base64url');
      const admin = await createUser(ctx, {
        username: 'bench-admin',
        displayName: 'Bench admin',
        password: adminPassword,
        isSystemAdmin: true,
        roles: [{ platformId: seeded.platformIds[0]!, role: 'platform_admin' }],
      });
      for (let i = 0; i < AUDITED_ROLE_CHANGES; i++) {
        const platformId = seeded.platformIds[i % PLATFORMS]!;
        await setRoles(ctx, seeded.userIds[i * 7]!, [{ platformId, role: i % 2 ? 'expert' : 'applicant' }]);
      }
      for (let i = 0; i < AUDITED_EDITS; i++) {
        await updateUser(ctx, seeded.userIds[i * 11 + 3]!, { email: `changed${i}@example.org` });
      }
      const adminActor = await loadActor(bench.database.db, admin.id, 'cli', ['read', 'write']);
      const { token } = await createToken(bench.ctx(adminActor!), { name: 'bench', scopes: ['read'] });
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
      const login = await fetch(`${appUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench-admin', password: adminPassword }),
      });
      if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const cookieHeaders = { cookie, accept: 'application/json' };
      const viaCookie = await fetch(`${appUrl}${PATH}${query}`, { headers: cookieHeaders });
      // Not byte-equal to the token's page: the sign-in itself changed the admin's row (last sign-in).
      const cookieBody = await viaCookie.text();
      const cookiePage = JSON.parse(cookieBody) as { items?: unknown[] };
      if (viaCookie.status !== 200 || cookiePage.items?.length !== PAGE)
        throw new Error(`the cookie caller got ${viaCookie.status}: ${cookieBody.slice(0, 300)}`);
      const bare = await startBareJson(PATH, page);
      try {
        const levels = [...new Set([opts.connections, 100])];
        const table: BenchReport['table'] = { header: [], rows: [], numeric: [] };
        const summary: string[] = [];
        const problems: string[] = [];
        for (const connections of levels) {
          // The uncached variants at the first level only, to keep the default run near 3 minutes.
          const withoutCache =
            connections === levels[0]
              ? [
                  { label: `token no-cache c=${connections}`, url: `${uncachedUrl}${PATH}${query}`, headers },
                  {
                    label: `cookie no-cache c=${connections}`,
                    url: `${uncachedUrl}${PATH}${query}`,
                    headers: cookieHeaders,
                  },
                ]
              : [];
          const comparison = await compare(
            [
              { label: `token c=${connections}`, url: `${appUrl}${PATH}${query}`, headers },
              { label: `cookie c=${connections}`, url: `${appUrl}${PATH}${query}`, headers: cookieHeaders },
              ...withoutCache,
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
              `no-cache: the same app with AUTH_CACHE_MS=0 on the same database; ` +
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
        await app.close();
      }
    } finally {
      await bench.close();
    }
  },
};

export default listUsers;
