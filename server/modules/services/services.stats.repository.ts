import { sql } from 'kysely';
import { bucketOf, type Scope } from '../ttreports/ttreports.period.js';

// Aggregates of service requests for the analytics (docs/analytics.md), asked through services.service.

/**
 * Requests received in the period by report year, and the distinct
 * enterprises whose requests were delivered in each year: two grouped queries.
 */
export async function serviceRequestCounts(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const end = `${endDate}T23:59:59.999Z`;
  const base = () => {
    let q = s.db.selectFrom('service_requests').where('service_requests.platform_id', '=', s.platformId);
    if (s.unitId) q = q.where('service_requests.unit_id', '=', s.unitId);
    return q;
  };
  const [received, served] = await Promise.all([
    base()
      .select([bucketOf('service_requests.created_at', startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
      .where('service_requests.created_at', '>=', startDate)
      .where('service_requests.created_at', '<=', end)
      .groupBy(sql`1`)
      .execute(),
    base()
      .select([
        bucketOf('service_requests.delivered_at', startMonth).as('b'),
        sql<number>`COUNT(DISTINCT ${sql.ref('service_requests.organisation_id')})`.as('n'),
      ])
      .where('service_requests.delivered_at', 'is not', null)
      .where('service_requests.delivered_at', '>=', startDate)
      .where('service_requests.delivered_at', '<=', end)
      .groupBy(sql`1`)
      .execute(),
  ]);
  const byYear = (rows: Array<{ b: unknown; n: unknown }>) =>
    new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
  return { receivedByYear: byYear(received), enterprisesByYear: byYear(served) };
}
