import type { Scope } from '../ttreports/ttreports.period.js';

// Aggregates of results for the analytics (docs/analytics.md), asked through results.service.

/**
 * Published results by type and by their year (a result carries a calendar year, not a date, so the
 * fiscal basis does not apply to it): one grouped query.
 */
export async function publishedResultCounts(
  s: Scope,
): Promise<Array<{ type: string; year: number; n: number }>> {
  let q = s.db
    .selectFrom('results')
    .select(['results.type', 'results.year', (eb) => eb.fn.countAll().as('n')])
    .where('results.platform_id', '=', s.platformId)
    .where('results.state', '=', 'published')
    .where('results.year', '>=', s.period.from)
    .where('results.year', '<=', s.period.to);
  if (s.unitId) q = q.where('results.unit_id', '=', s.unitId);
  const { fieldIds } = s;
  // A field cut: results that name the field or one of its sub-fields.
  if (fieldIds)
    q = q.where('results.id', 'in', (eb) =>
      eb
        .selectFrom('result_fields')
        .select('result_fields.result_id')
        .where('result_fields.field_id', 'in', fieldIds),
    );
  const rows = await q.groupBy(['results.type', 'results.year']).execute();
  return rows.map((r) => ({ type: r.type, year: Number(r.year), n: Number(r.n) }));
}
