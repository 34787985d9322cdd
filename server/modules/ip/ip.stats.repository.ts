import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bucketOf, type Scope } from '../ttreports/ttreports.period.js';

// The technology-transfer report's counts of disclosures and filings (ttreports asks through ip.service).

const num = (v: unknown) => Number(v ?? 0);

/** Unit and field filters on a table that carries unit_id and field_id. */
function scoped(s: Scope) {
  return (eb: ExpressionBuilder<DB, 'ip_disclosures'>) => {
    const conds = [eb(sql.ref(`ip_disclosures.platform_id`), '=', s.platformId)];
    if (s.unitId) conds.push(eb(sql.ref(`ip_disclosures.unit_id`), '=', s.unitId));
    if (s.fieldId) conds.push(eb(sql.ref(`ip_disclosures.field_id`), '=', s.fieldId));
    if (s.fieldIds) conds.push(eb(sql.ref(`ip_disclosures.field_id`), 'in', s.fieldIds));
    return eb.and(conds);
  };
}

export async function disclosureCounts(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const rows = await s.db
    .selectFrom('ip_disclosures')
    .select([bucketOf('ip_disclosures.received_date', startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
    .where(scoped(s))
    .where('received_date', '>=', startDate)
    .where('received_date', '<=', endDate)
    .groupBy(sql`1`)
    .execute();
  const byYear = new Map(rows.map((r) => [num(r.b), num(r.n)]));
  return { total: [...byYear.values()].reduce((a, b) => a + b, 0), byYear };
}

export async function filingCounts(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const base = () => {
    let q = s.db.selectFrom('ip_filings').where('ip_filings.platform_id', '=', s.platformId);
    if (s.unitId || s.fieldId || s.fieldIds)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('ip_disclosures')
            .select('ip_disclosures.id')
            .whereRef('ip_disclosures.id', '=', 'ip_filings.disclosure_id')
            .where(scoped(s)),
        ),
      );
    return q;
  };
  const us = sql<number>`SUM(CASE WHEN ${sql.ref('ip_filings.jurisdiction')} = 'US' THEN 1 ELSE 0 END)`;
  const filed = await base()
    .select([
      bucketOf('ip_filings.filing_date', startMonth).as('b'),
      (eb) => eb.fn.countAll().as('n'),
      sql<number>`SUM(CASE WHEN ${sql.ref('ip_filings.parent_filing_id')} IS NULL THEN 1 ELSE 0 END)`.as(
        'first',
      ),
      us.as('us'),
    ])
    .where('ip_filings.filing_date', '>=', startDate)
    .where('ip_filings.filing_date', '<=', endDate)
    .groupBy(sql`1`)
    .execute();
  const granted = await base()
    .select([
      bucketOf('ip_filings.grant_date', startMonth).as('b'),
      (eb) => eb.fn.countAll().as('n'),
      us.as('us'),
    ])
    .where('ip_filings.grant_date', '>=', startDate)
    .where('ip_filings.grant_date', '<=', endDate)
    .groupBy(sql`1`)
    .execute();
  const sum = (rows: Array<Record<string, unknown>>, k: string) => rows.reduce((a, r) => a + num(r[k]), 0);
  return {
    filed: sum(filed, 'n'),
    firstInFamily: sum(filed, 'first'),
    us: sum(filed, 'us'),
    granted: sum(granted, 'n'),
    usGranted: sum(granted, 'us'),
    filedByYear: new Map(filed.map((r) => [num(r.b), num(r.n)])),
    grantedByYear: new Map(granted.map((r) => [num(r.b), num(r.n)])),
  };
}

/**
 * Filings filed and patents granted per report year, and nothing else: the analytics' two IP figures,
 * each read from its (platform, date) index alone (docs/analytics.md 'Speed').
 */
export async function filingsByYear(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const count = async (column: 'filing_date' | 'grant_date') => {
    let q = s.db
      .selectFrom('ip_filings')
      .select([bucketOf(`ip_filings.${column}`, startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
      .where('ip_filings.platform_id', '=', s.platformId)
      .where(`ip_filings.${column}`, '>=', startDate)
      .where(`ip_filings.${column}`, '<=', endDate);
    if (s.unitId || s.fieldId || s.fieldIds)
      q = q.where('ip_filings.disclosure_id', 'in', (eb) =>
        eb.selectFrom('ip_disclosures').select('ip_disclosures.id').where(scoped(s)),
      );
    const rows = await q.groupBy(sql`1`).execute();
    return new Map(rows.map((r) => [num(r.b), num(r.n)]));
  };
  const [filedByYear, grantedByYear] = await Promise.all([count('filing_date'), count('grant_date')]);
  return { filedByYear, grantedByYear };
}

/** The latest disclosure's received date in the scope's unit and field, at any time (the period is ignored). */
export async function latestDisclosureDate(s: Scope): Promise<string | null> {
  const row = await s.db
    .selectFrom('ip_disclosures')
    .select((eb) => eb.fn.max('ip_disclosures.received_date').as('d'))
    .where(scoped(s))
    .executeTakeFirst();
  return row?.d ? String(row.d).slice(0, 10) : null;
}
