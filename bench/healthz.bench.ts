import { buildApp } from '../server/app.js';
import { openBenchDatabase } from './lib/fixture.js';
import { compare, comparisonTable, fmtRatio, median } from './lib/load.js';
import { benchLogger, listenLocal, startBareJson } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const PATH = '/healthz';
/** Headers each server writes for its own connection and body; the rest are the app's answer. */
const TRANSPORT_HEADERS = new Set(['content-length', 'content-type', 'date', 'connection', 'keep-alive']);

/**
 * Issue #16: the cheapest route of the app (no database, no sign-in) against bare Fastify answering the
 * same path with the same body and the same logger: what every request pays for our plugins and hooks.
 */
const healthz: Benchmark = {
  name: 'healthz',
  description: `GET ${PATH} (anonymous, no database work) vs bare Fastify with the same logger`,
  async run(opts): Promise<BenchReport> {
    const bench = await openBenchDatabase();
    try {
      const app = await buildApp({ config: bench.config, database: bench.database, logger: benchLogger() });
      const appUrl = await listenLocal(app);
      const check = await fetch(`${appUrl}${PATH}`);
      const body = await check.text();
      if (check.status !== 200) throw new Error(`app answered ${check.status}: ${body.slice(0, 300)}`);
      // The route logs at warn (no request lines); the baseline's route does the same.
      const bare = await startBareJson(PATH, JSON.parse(body), { logLevel: 'warn' });
      // A second baseline sends the app's own answer headers (security headers, request id, cache rules) as
      // fixed strings: what is left between it and the app is per-request work, not the answer's size.
      const headers = Object.fromEntries([...check.headers].filter(([name]) => !TRANSPORT_HEADERS.has(name)));
      const bareHeaders = await startBareJson(PATH, JSON.parse(body), { logLevel: 'warn', headers });
      try {
        const comparison = await compare(
          [
            { label: 'app', url: `${appUrl}${PATH}` },
            { label: 'bare+headers', url: `${bareHeaders.url}${PATH}` },
            { label: 'bare', url: `${bare.url}${PATH}` },
          ],
          opts,
        );
        const r = comparison.ratios.app!;
        const h = comparison.ratios['bare+headers']!;
        const appToHeaders = r.perRound.map((x, i) => x / h.perRound[i]!);
        const bytes = [...check.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
        return {
          setup: [
            `app: buildApp (NODE_ENV=production, SQLite in a temp DATA_DIR), GET ${PATH} → ${body}`,
            'bare: Fastify with no plugins, same path, same body, route logLevel warn as the app; both log at info to /dev/null',
            `bare+headers: bare plus the app's own ${Object.keys(headers).length} answer headers as fixed strings (the app's answer headers: ${bytes} bytes)`,
            `load: autocannon c=${opts.connections} p=1 (own worker thread), ${opts.warmup} s warm-up + ` +
              `${opts.duration} s measured per run, ${opts.rounds} interleaved rounds, medians`,
          ],
          table: comparisonTable(comparison),
          summary: [
            `app/bare = ${fmtRatio(r.ratio)} (per round: ${r.perRound.map(fmtRatio).join(', ')})`,
            `bare+headers/bare = ${fmtRatio(h.ratio)} (per round: ${h.perRound.map(fmtRatio).join(', ')})`,
            `app/(bare+headers) = ${fmtRatio(median(appToHeaders))} (per round: ${appToHeaders.map(fmtRatio).join(', ')})`,
          ],
          problems: comparison.problems,
        };
      } finally {
        await bareHeaders.app.close();
        await bare.app.close();
        await app.close();
      }
    } finally {
      await bench.close();
    }
  },
};

export default healthz;
