import { sql } from 'kysely';
import { bucketOf, type Scope } from '../ttreports/ttreports.period.js';

// Aggregates of applications for the analytics (docs/analytics.md), asked through applications.lookup.

/**
 * Applications submitted in the period by report year of submission, with how many of them were
 * approved (funded): one grouped query. A unit has no applications of its own, so a unit cut is the
 * caller's to refuse; a field cut filters on the application's field.
 */
export async function applicationCountsByYear(
  s: Scope,
): Promise<Map<number, { submitted: number; approved: number }>> {
  const { startDate, endDate, startMonth } = s.period;
  let q = s.db
    .selectFrom('applications')
    .select([
      bucketOf('applications.submitted_at', startMonth).as('b'),
      (eb) => eb.fn.countAll().as('n'),
      sql<number>`SUM(CASE WHEN ${sql.ref('applications.state')} = 'approved' THEN 1 ELSE 0 END)`.as('ok'),
    ])
    .where('applications.platform_id', '=', s.platformId)
    .where('applications.submitted_at', 'is not', null)
    .where('applications.submitted_at', '>=', startDate)
    .where('applications.submitted_at', '<=', `${endDate}T23:59:59.999Z`);
  if (s.fieldId) q = q.where('applications.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('applications.field_id', 'in', s.fieldIds);
  const rows = await q.groupBy(sql`1`).execute();
  return new Map(rows.map((r) => [Number(r.b), { submitted: Number(r.n), approved: Number(r.ok) }]));
}
