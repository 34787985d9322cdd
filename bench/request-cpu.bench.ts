import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { buildApp } from '../server/app.js';
import { createToken } from '../server/modules/auth/tokens.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { createUser } from '../server/modules/users/users.service.js';
import { openBenchDatabase, seedUsers } from './lib/fixture.js';
import { fmtInt, fmtRatio } from './lib/load.js';
import { benchLogger } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const USERS = 3_000;
const PLATFORMS = 5;
const LIST = '/api/users?limit=50';

interface Target {
  label: string;
  app: FastifyInstance;
  request: InjectOptions;
  /** The label whose CPU time this one is divided by in each round. */
  against: string;
}

/**
 * Issue 16 on a shared box: the CPU time each request costs the server process, measured with
 * `process.cpuUsage()` around sequential `inject` calls (no socket, so autocannon and the kernel's network
 * stack are out of it, and other processes on the box lengthen the wall time but hardly the CPU time).
 * Targets run in rounds whose order alternates; each ratio is taken within a round, then the median.
 * It answers what the HTTP benches cannot resolve under load: what our hooks, the sign-in lookups and the
 * lookup cache cost per request against bare Fastify serving the same body with the same logger.
 */
const requestCpu: Benchmark = {
  name: 'request-cpu',
  description:
    'CPU µs per request (inject, no socket): healthz and list-users (token/cookie, cache on/off) vs bare Fastify',
  async run(opts): Promise<BenchReport> {
    const bench = await openBenchDatabase();
    const closers: Array<() => Promise<unknown>> = [];
    try {
      opts.progress(`seeding ${fmtInt(USERS)} users`);
      const ctx = bench.ctx();
      const seeded = await seedUsers(ctx, { users: USERS, platforms: PLATFORMS });
      const password = randomBytes(18).toString('base64url');
      const admin = await createUser(ctx, {
        username: 'bench-admin',
        displayName: 'Bench admin',
        password,
        isSystemAdmin: true,
        roles: [{ platformId: seeded.platformIds[0]!, role: 'platform_admin' }],
      });
      const adminActor = await loadActor(bench.database.db, admin.id, 'cli', ['read', 'write']);
      const { token } = await createToken(bench.ctx(adminActor!), { name: 'bench', scopes: ['read'] });
      const config = { ...bench.config, mfaRequiredRoles: [] };
      const make = async (authCacheMs: number) => {
        const app = await buildApp({
          config: { ...config, authCacheMs },
          database: bench.database,
          logger: benchLogger(),
        });
        closers.push(() => app.close());
        await app.ready();
        return app;
      };
      const app = await make(1000);
      const uncached = await make(0);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'bench-admin', password },
      });
      if (login.statusCode !== 200) throw new Error(`sign-in answered ${login.statusCode}`);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const list = await app.inject({ url: LIST, headers: { authorization: `Bearer ${token}` } });
      const page = list.json() as { items: unknown[] };
      if (list.statusCode !== 200 || page.items.length !== 50)
        throw new Error(`list answered ${list.statusCode}`);
      const health = (await app.inject({ url: '/healthz' })).json();

      const bare = Fastify({ logger: benchLogger() });
      bare.get('/healthz', { logLevel: 'warn' }, async () => health);
      bare.get('/api/users', async () => page);
      await bare.ready();
      closers.push(() => bare.close());

      const targets: Target[] = [
        { label: 'healthz bare', app: bare, request: { url: '/healthz' }, against: 'healthz bare' },
        { label: 'healthz app', app, request: { url: '/healthz' }, against: 'healthz bare' },
      ];
      const src = process.env.BENCH_BEFORE_SRC;
      if (src) {
        const before = (await import(pathToFileURL(path.resolve(src, 'server/app.ts')).href)) as {
          buildApp: typeof buildApp;
        };
        const old = await before.buildApp({ config, database: bench.database, logger: benchLogger() });
        closers.push(() => old.close());
        await old.ready();
        targets.push({
          label: 'healthz before',
          app: old,
          request: { url: '/healthz' },
          against: 'healthz bare',
        });
      }
      const bearer = { authorization: `Bearer ${token}` };
      targets.push(
        { label: 'list bare', app: bare, request: { url: LIST }, against: 'list bare' },
        { label: 'list token', app, request: { url: LIST, headers: bearer }, against: 'list bare' },
        {
          label: 'list token no-cache',
          app: uncached,
          request: { url: LIST, headers: bearer },
          against: 'list bare',
        },
        { label: 'list cookie', app, request: { url: LIST, headers: { cookie } }, against: 'list bare' },
        {
          label: 'list cookie no-cache',
          app: uncached,
          request: { url: LIST, headers: { cookie } },
          against: 'list bare',
        },
      );

      // Requests per target per round: a second or so of work each on an idle box.
      const perRound = Math.max(200, Math.round(opts.duration * 400));
      const cpu: Record<string, number[]> = {};
      const wall: Record<string, number[]> = {};
      for (const t of targets) for (let i = 0; i < 200; i++) await t.app.inject(t.request); // warm-up
      for (let round = 0; round < opts.rounds; round++) {
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const t of order) {
          opts.progress(`round ${round + 1}/${opts.rounds} · ${t.label}`);
          const w0 = performance.now();
          const c0 = process.cpuUsage();
          for (let i = 0; i < perRound; i++) {
            const res = await t.app.inject(t.request);
            if (res.statusCode !== 200) throw new Error(`${t.label} answered ${res.statusCode}`);
          }
          const c = process.cpuUsage(c0);
          const cpuOf = cpu[t.label] ?? [];
          cpuOf.push((c.user + c.system) / perRound);
          cpu[t.label] = cpuOf;
          const wallOf = wall[t.label] ?? [];
          wallOf.push(((performance.now() - w0) * 1000) / perRound);
          wall[t.label] = wallOf;
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const ratio = (a: string, b: string) => cpu[a]!.map((x, i) => cpu[b]![i]! / x); // throughput ratio: base CPU ÷ this CPU
      const rows = targets.map((t) => {
        const r = ratio(t.label, t.against);
        return [
          t.label,
          median(cpu[t.label]!).toFixed(0),
          median(wall[t.label]!).toFixed(0),
          fmtRatio(median(r)),
          cpu[t.label]!.map((x) => x.toFixed(0)).join(' · '),
        ];
      });
      const pairs: Array<[string, string]> = [
        ['list token', 'list token no-cache'],
        ['list cookie', 'list cookie no-cache'],
      ];
      if (src) pairs.unshift(['healthz app', 'healthz before']);
      const summary = targets
        .filter((t) => t.label !== t.against)
        .map((t) => {
          const r = ratio(t.label, t.against);
          return `${t.label} ÷ ${t.against} = ${fmtRatio(median(r))} (per round: ${r.map(fmtRatio).join(', ')})`;
        });
      for (const [a, b] of pairs) {
        const r = ratio(a, b);
        summary.push(`${a} ÷ ${b} = ${fmtRatio(median(r))} (per round: ${r.map(fmtRatio).join(', ')})`);
      }
      return {
        setup: [
          `SQLite (WAL, synchronous=FULL), ${fmtInt(USERS)} users; NODE_ENV=production; pino at info to /dev/null`,
          `${perRound} sequential inject() calls per target per round after 200 warm-up calls, ${opts.rounds} rounds, order alternating`,
          "ratio = the baseline's CPU µs ÷ the target's (a throughput ratio, like the HTTP benches' req/s ÷ req/s)",
          src
            ? `healthz before: buildApp of ${src}`
            : "set BENCH_BEFORE_SRC to add an earlier tree's healthz",
        ],
        table: {
          header: ['target', 'CPU µs/req', 'wall µs/req', 'vs base', 'CPU µs per round'],
          rows,
          numeric: [1, 2, 3],
        },
        summary,
        problems: [],
        checked: 'every response was 200; the list pages hold 50 users',
      };
    } finally {
      for (const close of closers.reverse()) await close();
      await bench.close();
    }
  },
};

export default requestCpu;
