import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../server/app.js';
import { createToken } from '../server/modules/auth/tokens.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { createUser } from '../server/modules/users/users.service.js';
import { openBenchDatabase, seedUsers } from './lib/fixture.js';
import { compare, comparisonTable, fmtRatio } from './lib/load.js';
import { benchLogger, listenLocal, startBareJson } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

/**
 * Issue 16: the request path of this tree against an earlier tree of the same repository in ONE process
 * and one run, so the box's load (shared with other engineers' tests) falls on both alike. Both apps are
 * built on the same SQLite database; the earlier tree is imported from `BENCH_BEFORE_SRC`, a checkout of the
 * commit to compare (`git archive <commit> | tar -x -C <dir>` and a `node_modules` link; its schema must
 * be the same as this tree's). Targets: GET /healthz and GET /api/users?limit=50 with a read-scope token,
 * each against the other tree and against bare Fastify with the same body and logger.
 */
const beforeAfter: Benchmark = {
  name: 'before-after',
  description: 'healthz and list-users: this tree vs BENCH_BEFORE_SRC vs bare Fastify, one process, one run',
  async run(opts): Promise<BenchReport> {
    const src = process.env.BENCH_BEFORE_SRC ? path.resolve(process.env.BENCH_BEFORE_SRC) : '';
    const appModule = path.join(src, 'server/app.ts');
    if (!src || !existsSync(appModule)) {
      return {
        setup: [],
        table: { header: [], rows: [] },
        summary: [],
        problems: ['BENCH_BEFORE_SRC must name a checkout of the earlier commit (with node_modules)'],
      };
    }
    const before = (await import(pathToFileURL(appModule).href)) as { buildApp: typeof buildApp };
    const bench = await openBenchDatabase();
    try {
      const ctx = bench.ctx();
      const seeded = await seedUsers(ctx, { users: 3_000, platforms: 5 });
      const admin = await createUser(ctx, {
        username: 'bench-admin',
        displayName: 'Bench admin',
        password: 'violet-harbour-quartz-7391',
        isSystemAdmin: true,
        roles: [{ platformId: seeded.platformIds[0]!, role: 'platform_admin' }],
      });
      const actor = await loadActor(bench.database.db, admin.id, 'cli', ['read', 'write']);
      const { token } = await createToken(bench.ctx(actor!), { name: 'bench', scopes: ['read'] });
      const deps = { config: bench.config, database: bench.database, logger: benchLogger() };
      const afterApp = await buildApp(deps);
      const beforeApp = await before.buildApp(deps as never);
      const afterUrl = await listenLocal(afterApp);
      const beforeUrl = await listenLocal(beforeApp as never);
      const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
      const list = '/api/users?limit=50';
      const [listBody, beforeListBody] = await Promise.all(
        [afterUrl, beforeUrl].map(async (u) => (await fetch(`${u}${list}`, { headers })).text()),
      );
      if (listBody !== beforeListBody) throw new Error('the two trees answer the list differently');
      const bareHealth = await startBareJson('/healthz', { status: 'ok' }, { logLevel: 'warn' });
      const bareList = await startBareJson('/api/users', JSON.parse(listBody!));
      const table: BenchReport['table'] = { header: [], rows: [], numeric: [] };
      const summary: string[] = [];
      const problems: string[] = [];
      try {
        for (const [name, p, bareUrl, h] of [
          ['healthz', '/healthz', bareHealth.url, {}],
          ['list-users token', list, bareList.url, headers],
        ] as const) {
          const c = await compare(
            [
              { label: `${name} after`, url: `${afterUrl}${p}`, headers: h },
              { label: `${name} before`, url: `${beforeUrl}${p}`, headers: h },
              { label: `${name} bare`, url: `${bareUrl}${p}`, headers: h },
            ],
            opts,
          );
          const t = comparisonTable(c);
          table.header = t.header.map((x) => (x.startsWith('vs ') ? 'vs bare' : x));
          table.numeric = t.numeric;
          table.rows.push(...t.rows);
          const a = c.targets.find((x) => x.label.endsWith('after'))!.rounds;
          const b = c.targets.find((x) => x.label.endsWith('before'))!.rounds;
          const paired = a.map((r, i) => r.rps / b[i]!.rps);
          summary.push(
            `${name}: after/bare ${fmtRatio(c.ratios[`${name} after`]!.ratio)}, before/bare ` +
              `${fmtRatio(c.ratios[`${name} before`]!.ratio)}; after/before per round ${paired.map(fmtRatio).join(', ')}`,
          );
          problems.push(...c.problems);
        }
      } finally {
        await Promise.all([
          bareHealth.app.close(),
          bareList.app.close(),
          afterApp.close(),
          beforeApp.close(),
        ]);
      }
      return {
        setup: [
          `after: this tree; before: ${src}; one SQLite database, 3,001 users; NODE_ENV=production`,
          `load: autocannon c=${opts.connections}, ${opts.warmup} s warm-up + ${opts.duration} s, ${opts.rounds} interleaved rounds`,
        ],
        table,
        summary,
        problems,
      };
    } finally {
      await bench.close();
    }
  },
};

export default beforeAfter;
