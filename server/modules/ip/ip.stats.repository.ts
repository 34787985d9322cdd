import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bucketOfMonth, type Scope } from '../ttreports/ttreports.period.js';

// The technology-transfer report's and the analytics' counts of disclosures and filings (ttreports and
// analytics ask through ip.service), read from the monthly rollup kept by the writes (ADR 0043).

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

/** A period's months of disclosures and filings in the scope, summed over units and fields (ip_months, ADR 0043). */
async function periodMonths(s: Scope) {
  let q = s.db
    .selectFrom('ip_months')
    .select([
      'ip_months.month',
      (eb) => eb.fn.sum<number>('ip_months.disclosures').as('disclosures'),
      (eb) => eb.fn.sum<number>('ip_months.filed').as('filed'),
      (eb) => eb.fn.sum<number>('ip_months.filed_first').as('filed_first'),
      (eb) => eb.fn.sum<number>('ip_months.filed_us').as('filed_us'),
      (eb) => eb.fn.sum<number>('ip_months.granted').as('granted'),
      (eb) => eb.fn.sum<number>('ip_months.granted_us').as('granted_us'),
    ])
    .where('ip_months.platform_id', '=', s.platformId)
    .where('ip_months.month', '>=', s.period.startDate.slice(0, 7))
    .where('ip_months.month', '<=', s.period.endDate.slice(0, 7));
  if (s.unitId) q = q.where('ip_months.unit_id', '=', s.unitId);
  if (s.fieldId) q = q.where('ip_months.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('ip_months.field_id', 'in', s.fieldIds);
  const rows = await q.groupBy('ip_months.month').execute();
  return rows.map((r) => ({
    year: bucketOfMonth(r.month, s.period.startMonth),
    disclosures: num(r.disclosures),
    filed: num(r.filed),
    filedFirst: num(r.filed_first),
    filedUs: num(r.filed_us),
    granted: num(r.granted),
    grantedUs: num(r.granted_us),
  }));
}

type MonthFigures = Awaited<ReturnType<typeof periodMonths>>[number];
const byYear = (rows: MonthFigures[], k: keyof MonthFigures) => {
  const out = new Map<number, number>();
  for (const r of rows) if (r[k]) out.set(r.year, (out.get(r.year) ?? 0) + r[k]);
  return out;
};
const total = (rows: MonthFigures[], k: keyof MonthFigures) => rows.reduce((a, r) => a + r[k], 0);

export async function disclosureCounts(s: Scope) {
  const rows = await periodMonths(s);
  return { total: total(rows, 'disclosures'), byYear: byYear(rows, 'disclosures') };
}

export async function filingCounts(s: Scope) {
  const rows = await periodMonths(s);
  return {
    filed: total(rows, 'filed'),
    firstInFamily: total(rows, 'filedFirst'),
    us: total(rows, 'filedUs'),
    granted: total(rows, 'granted'),
    usGranted: total(rows, 'grantedUs'),
    filedByYear: byYear(rows, 'filed'),
    grantedByYear: byYear(rows, 'granted'),
  };
}

/** Filings filed and patents granted per report year, and nothing else: the analytics' two IP figures. */
export async function filingsByYear(s: Scope) {
  const rows = await periodMonths(s);
  return { filedByYear: byYear(rows, 'filed'), grantedByYear: byYear(rows, 'granted') };
}

/**
 * The latest disclosure's received date in the scope's unit and field, at any time (the period is
 * ignored): the latest month holding one (ip_months), then the day within that month from the records.
 */
export async function latestDisclosureDate(s: Scope): Promise<string | null> {
  let q = s.db
    .selectFrom('ip_months')
    .select((eb) => eb.fn.max('ip_months.month').as('m'))
    .where('ip_months.platform_id', '=', s.platformId)
    .where('ip_months.disclosures', '>', 0);
  if (s.unitId) q = q.where('ip_months.unit_id', '=', s.unitId);
  if (s.fieldId) q = q.where('ip_months.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('ip_months.field_id', 'in', s.fieldIds);
  const month = (await q.executeTakeFirst())?.m;
  if (!month) return null;
  const row = await s.db
    .selectFrom('ip_disclosures')
    .select((eb) => eb.fn.max('ip_disclosures.received_date').as('d'))
    .where(scoped(s))
    .where('ip_disclosures.received_date', '>=', `${month}-01`)
    .executeTakeFirst();
  return row?.d ? String(row.d).slice(0, 10) : null;
}
