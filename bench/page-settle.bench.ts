import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { buildApp } from '../server/app.js';
import { createUser } from '../server/modules/users/users.service.js';
import { openBenchDatabase, seedUsers } from './lib/fixture.js';
import { listenLocal } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

/** Five pages: two anonymous, three signed in (the workbench, a list, the ECharts dashboard). */
const PAGES = [
  { url: '/sign-in', signedIn: false },
  { url: '/public', signedIn: false },
  { url: '/', signedIn: true },
  { url: '/admin/users', signedIn: true },
  { url: '/analytics', signedIn: true },
] as const;

/** An office link: 20 Mbit/s down, 5 up, 40 ms round trip (Chrome DevTools throttling, on encoded bytes). */
const NETWORK = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 };

interface Visit {
  settleMs: number;
  kb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Issue 12 (page speed): the time a page takes to settle in Chromium on a cold cache, for the web build of
 * this tree (`dist/web`, `npm run build` first) against an earlier build (`BENCH_WEB_BEFORE=<dir>`), both
 * served by this tree's server in the same run, in alternating order per round. "Settled" is the end of the
 * last response once the network has been idle for 500 ms (Playwright's `networkidle`), read from the
 * page's own Resource Timing; kB is the bytes transferred (compressed when the server sent a compressed copy).
 */
const pageSettle: Benchmark = {
  name: 'page-settle',
  description: 'Cold load of 5 pages in Chromium (20 Mbit/s, 40 ms): this build vs BENCH_WEB_BEFORE',
  async run(opts): Promise<BenchReport> {
    const after = path.resolve('dist/web');
    const before = process.env.BENCH_WEB_BEFORE ? path.resolve(process.env.BENCH_WEB_BEFORE) : '';
    const problems: string[] = [];
    if (!existsSync(path.join(after, 'index.html')))
      problems.push('no dist/web/index.html: run npm run build');
    if (!before || !existsSync(path.join(before, 'index.html')))
      problems.push('BENCH_WEB_BEFORE must name an earlier web build (npx vite build --outDir <dir> there)');
    if (problems.length) return { setup: [], table: { header: [], rows: [] }, summary: [], problems };

    const bench = await openBenchDatabase();
    let browser: Browser | undefined;
    try {
      const ctx = bench.ctx();
      const seeded = await seedUsers(ctx, { users: 200, platforms: 3 });
      const password = randomBytes(18).toString('base64url');
      await createUser(ctx, {
        username: 'bench-admin',
        displayName: 'Bench admin',
        password,
        isSystemAdmin: true,
        roles: [{ platformId: seeded.platformIds[0]!, role: 'platform_admin' }],
      });
      const config = { ...bench.config, mfaRequiredRoles: [] };
      const targets: Array<{ label: string; url: string }> = [];
      const apps = [];
      for (const [label, webRoot] of [
        ['before', before],
        ['after', after],
      ] as const) {
        const app = await buildApp({ config, database: bench.database, webRoot, logger: false });
        apps.push(app);
        targets.push({ label, url: await listenLocal(app) });
      }
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
      const visits = new Map<string, Visit[]>();
      const visit = async (base: string, page: (typeof PAGES)[number]): Promise<Visit> => {
        const context = await browser!.newContext({ locale: 'zh-CN' });
        try {
          if (page.signedIn) {
            const res = await context.request.post(`${base}/api/auth/login`, {
              data: { username: 'bench-admin', password },
            });
            if (!res.ok()) throw new Error(`sign-in answered ${res.status()}`);
          }
          const tab = await context.newPage();
          const cdp = await context.newCDPSession(tab);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', NETWORK);
          const res = await tab.goto(`${base}${page.url}`, { waitUntil: 'networkidle', timeout: 60_000 });
          if (!res?.ok()) throw new Error(`${page.url} answered ${res?.status()}`);
          return await tab.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            const end = Math.max(nav.loadEventEnd, ...resources.map((r) => r.responseEnd));
            const bytes = nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0);
            return { settleMs: end, kb: bytes / 1024 };
          });
        } finally {
          await context.close();
        }
      };
      for (let round = 0; round < opts.rounds; round++) {
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const page of PAGES) {
          for (const t of order) {
            const v = await visit(t.url, page);
            const key = `${t.label} ${page.url}`;
            visits.set(key, [...(visits.get(key) ?? []), v]);
          }
        }
        opts.progress(`round ${round + 1}/${opts.rounds} done`);
      }
      const rows: string[][] = [];
      const ratios: number[] = [];
      for (const page of PAGES) {
        const b = visits.get(`before ${page.url}`)!;
        const a = visits.get(`after ${page.url}`)!;
        const perRound = a.map((v, i) => v.settleMs / b[i]!.settleMs);
        const ratio = median(perRound);
        ratios.push(ratio);
        rows.push([
          page.url,
          median(b.map((v) => v.settleMs)).toFixed(0),
          median(a.map((v) => v.settleMs)).toFixed(0),
          median(b.map((v) => v.kb)).toFixed(0),
          median(a.map((v) => v.kb)).toFixed(0),
          `${ratio.toFixed(2)}×`,
          perRound.map((r) => `${r.toFixed(2)}×`).join(', '),
        ]);
      }
      await Promise.all(apps.map((a) => a.close()));
      return {
        setup: [
          `before: ${before}; after: ${after}; both served by this tree's buildApp on one SQLite database`,
          `Chromium ${browser.version()}, new context per visit (cold cache), throttled to 20 Mbit/s down, 40 ms`,
          `${opts.rounds} rounds, order alternating per round; figures are medians over rounds`,
        ],
        table: {
          header: ['page', 'before ms', 'after ms', 'before kB', 'after kB', 'after/before', 'per round'],
          rows,
          numeric: [1, 2, 3, 4, 5],
        },
        summary: [`settle time after/before, median over pages: ${median(ratios).toFixed(2)}×`],
        problems: [],
      };
    } finally {
      await browser?.close();
      await bench.close();
    }
  },
};

export default pageSettle;
