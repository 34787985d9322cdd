import type { Scope } from '../ttreports/ttreports.period.js';

// Aggregates of results for the analytics (docs/analytics.md), asked through results.service.

/**
 * Published results by type and by their year (a result carries a calendar year, not a date, so the
 * fiscal basis does not apply to it), read from the yearly counts kept by the writes (result_years,
 * ADR 0043): a few rows per year of the period, however many results there are.
 */
export async function publishedResultCounts(
  s: Scope,
): Promise<Array<{ type: string; year: number; n: number }>> {
  let q = s.db
    .selectFrom('result_years')
    .select(['type', 'year', 'fields', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('platform_id', '=', s.platformId)
    .where('state', '=', 'published')
    .where('year', '>=', s.period.from)
    .where('year', '<=', s.period.to);
  if (s.unitId) q = q.where('unit_id', '=', s.unitId);
  const rows = await q.groupBy(['type', 'year', 'fields']).execute();
  // A field cut: results that name the field or one of its sub-fields (each result counts once, in the
  // row of its whole set of fields).
  const wanted = s.fieldIds ? new Set(s.fieldIds) : null;
  const counts = new Map<string, { type: string; year: number; n: number }>();
  for (const r of rows) {
    if (wanted && !r.fields.split(',').some((f) => wanted.has(f))) continue;
    const year = Number(r.year);
    const k = `${r.type}:${year}`;
    const c = counts.get(k) ?? { type: r.type, year, n: 0 };
    c.n += Number(r.n);
    counts.set(k, c);
  }
  return [...counts.values()].filter((c) => c.n !== 0);
}
