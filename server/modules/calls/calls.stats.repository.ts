import { sql } from 'kysely';
import { bucketOf, type Scope } from '../ttreports/ttreports.period.js';

// Aggregates of calls for the analytics (docs/analytics.md), asked through calls.service.

/** Calls that opened in the period (drafts never opened), by report year: one grouped query. */
export async function callsOpenedByYear(s: Scope): Promise<Map<number, number>> {
  const { startDate, endDate, startMonth } = s.period;
  const rows = await s.db
    .selectFrom('calls')
    .select([bucketOf('calls.opens_at', startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
    .where('calls.platform_id', '=', s.platformId)
    .where('calls.state', '!=', 'draft')
    .where('calls.opens_at', '>=', startDate)
    .where('calls.opens_at', '<=', `${endDate}T23:59:59.999Z`)
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
}
