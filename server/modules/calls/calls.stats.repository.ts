import { sql } from 'kysely';
import { bucketOf, type Scope } from '../ttreports/ttreports.period.js';

// Aggregates of calls for the analytics (docs/analytics.md), asked through calls.service.

/** Calls that opened in the period (drafts never opened), by report year: one grouped query. */
export async function callsOpenedByYear(s: Scope): Promise<Map<number, number>> {
  const { startDate, endDate, startMonth } = s.period;
  const { fieldIds } = s;
  let q = s.db.selectFrom('calls');
  // A field cut: calls that name the field or one of its sub-fields.
  if (fieldIds)
    q = q.where('calls.id', 'in', (eb) =>
      eb
        .selectFrom('call_fields')
        .select('call_fields.call_id')
        .where('call_fields.field_id', 'in', fieldIds),
    );
  const rows = await q
    .select([bucketOf('calls.opens_at', startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
    .where('calls.platform_id', '=', s.platformId)
    .where('calls.state', '!=', 'draft')
    .where('calls.opens_at', '>=', startDate)
    .where('calls.opens_at', '<=', `${endDate}T23:59:59.999Z`)
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
}
