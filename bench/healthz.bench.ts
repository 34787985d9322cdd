import { buildApp } from '../server/app.js';
import { openBenchDatabase } from './lib/fixture.js';
import { compare, comparisonTable, fmtRatio } from './lib/load.js';
import { benchLogger, listenLocal, startBareJson } from './lib/servers.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const PATH = '/healthz';

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
      try {
        const comparison = await compare(
          [
            { label: 'app', url: `${appUrl}${PATH}` },
            { label: 'bare', url: `${bare.url}${PATH}` },
          ],
          opts,
        );
        const r = comparison.ratios.app!;
        return {
          setup: [
            `app: buildApp (NODE_ENV=production, SQLite in a temp DATA_DIR), GET ${PATH} → ${body}`,
            'bare: Fastify with no plugins, same path, same body, route logLevel warn as the app; both log at info to /dev/null',
            `load: autocannon c=${opts.connections} p=1 (own worker thread), ${opts.warmup} s warm-up + ` +
              `${opts.duration} s measured per run, ${opts.rounds} interleaved rounds, medians`,
          ],
          table: comparisonTable(comparison),
          summary: [`app/bare = ${fmtRatio(r.ratio)} (per round: ${r.perRound.map(fmtRatio).join(', ')})`],
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

export default healthz;
