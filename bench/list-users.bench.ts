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
  description: `GET ${PATH}?limit=${PAGE} (Bearer token, ${fmtInt(USERS)} users on SQLite) vs bare Fastify`,
  async run(opts): Promise<BenchReport> {
    const started = performance.now();
    const bench = await openBenchDatabase();
    try {
      opts.progress(`seeding ${fmtInt(USERS)} users on ${PLATFORMS} platforms`);
      const ctx = bench.ctx();
      const seeded = await seedUsers(ctx, { users: USERS, platforms: PLATFORMS });
      // The caller and some history go through the services, so the audit chain and token rows are real.
      const admin = await createUser(ctx, {
        username: 'bench-admin',
        displayName: 'Bench admin',
        password: randomBytes(18).toString('base64url'),
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

      const app = await buildApp({ config: bench.config, database: bench.database, logger: benchLogger() });
      const appUrl = await listenLocal(app);
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
      const bare = await startBareJson(PATH, page);
      try {
        const comparison = await compare(
          [
            { label: 'app', url: `${appUrl}${PATH}${query}`, headers },
            { label: 'bare', url: `${bare.url}${PATH}${query}`, headers },
          ],
          opts,
        );
        const r = comparison.ratios.app!;
        const perRound = r.perRound.map(fmtRatio);
        return {
          setup: [
            `SQLite (WAL, synchronous=FULL) in a temp DATA_DIR; seeded in ${seedSeconds.toFixed(1)} s: ` +
              Object.entries(rows)
                .map(([t, n]) => `${t} ${fmtInt(n)}`)
                .join(', '),
            `app: GET ${PATH}${query} as a system admin with a read-scope personal API token; ` +
              `${page.items.length} of ${fmtInt(page.total)} users, ${fmtInt(Buffer.byteLength(body))} B body`,
            'bare: Fastify with no plugins returning the same JSON; both log at info to /dev/null',
            `load: autocannon c=${opts.connections} p=1 (own worker thread), ${opts.warmup} s warm-up + ` +
              `${opts.duration} s measured per run, ${opts.rounds} interleaved rounds, medians`,
          ],
          table: comparisonTable(comparison),
          summary: [`app/bare = ${fmtRatio(r.ratio)} (per round: ${perRound.join(', ')})`],
          problems: comparison.problems,
        };
      } finally {
        await bare.app.close();
        await app.close();
      }
    } finally {
      await bench.close();
    }
  },
};

export default listUsers;
