import { CompiledQuery } from 'kysely';
import type { Database } from '../../server/db/database.js';
import type { Ctx } from '../../server/http/context.js';
import type { AnalyticsQuery } from '../../server/modules/analytics/analytics.schema.js';
import { analytics } from '../../server/modules/analytics/analytics.service.js';
import { statementLog } from './statement-log.js';

/** How many of a dashboard's statements the profile shows, slowest first. */
const SHOWN = 3;

/**
 * A dashboard's statements, each timed, on a second connection (bench/README.md's statement profiles):
 * the slowest with the plan the database gives it (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL),
 * as lines for the report. BENCH_ANALYTICS_PROFILE=1 turns it on.
 */
export async function profileDashboard(
  kind: 'sqlite' | 'postgres',
  database: Database,
  ctx: Ctx,
  label: string,
  q: AnalyticsQuery,
): Promise<string[]> {
  const logged = statementLog({ file: database.file, url: ctx.config.databaseUrl });
  try {
    await analytics({ ...ctx, db: logged.db }, q);
    const spent = [...logged.spent];
    const total = spent.reduce((a, s) => a + s.ms, 0);
    const lines = [`${kind} ${label}: ${spent.length} statements, ${total.toFixed(0)} ms in all`];
    for (const s of spent.sort((a, b) => b.ms - a.ms).slice(0, SHOWN)) {
      const explain = kind === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
      const plan = await logged.db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(explain + s.sql, [...s.parameters]),
      );
      const steps = plan.rows.map((r) => String(kind === 'sqlite' ? r.detail : r['QUERY PLAN']).trim());
      lines.push(`  ${s.ms.toFixed(0)} ms  ${s.sql.slice(0, 160)}`, ...steps.map((p) => `      ${p}`));
    }
    return lines;
  } finally {
    await logged.close();
  }
}
