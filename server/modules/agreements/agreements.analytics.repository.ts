import { sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import { bucketOf, calendarYearOf, type Scope } from '../ttreports/ttreports.period.js';
import { num } from './agreements.stats.repository.js';

// The analytics' reads of agreements and receipts (analytics asks through agreements.service); the
// technology-transfer report's sums are in agreements.stats.repository.ts, whose filters these share.

/**
 * The analytics' two agreement figures in two narrow queries (docs/analytics.md 'Speed'): licences
 * executed per report year, summed from the agreements' monthly counts (agreement_months, ADR 0043), and
 * licence income per report year, calendar year (for the yearly FX rate) and currency, summed from the
 * receipts' monthly totals (receipt_months); both kept in each record's transaction, so as fresh as the
 * records, rather than read from every agreement and receipt. A report year starts on the first of a
 * month, so months bound a period exactly.
 */
export async function licenceFlowsByYear(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  let income = s.db
    .selectFrom('receipt_months')
    .select([
      bucketOf('receipt_months.month', startMonth).as('b'),
      calendarYearOf('receipt_months.month').as('cal_year'),
      'receipt_months.currency',
      (eb) => eb.fn.sum('receipt_months.amount_minor').as('amount'),
    ])
    .where('receipt_months.platform_id', '=', s.platformId)
    .where('receipt_months.kind', 'in', [...LICENSING_KINDS])
    .where('receipt_months.month', '>=', startDate.slice(0, 7))
    .where('receipt_months.month', '<=', endDate.slice(0, 7));
  if (s.unitId) income = income.where('receipt_months.unit_id', '=', s.unitId);
  if (s.fieldId) income = income.where('receipt_months.field_id', '=', s.fieldId);
  if (s.fieldIds) income = income.where('receipt_months.field_id', 'in', s.fieldIds);
  let executed = s.db
    .selectFrom('agreement_months')
    .select([
      bucketOf('agreement_months.month', startMonth).as('b'),
      (eb) => eb.fn.sum('agreement_months.executed').as('n'),
    ])
    .where('agreement_months.platform_id', '=', s.platformId)
    .where('agreement_months.kind', '=', 'licence')
    .where('agreement_months.month', '>=', startDate.slice(0, 7))
    .where('agreement_months.month', '<=', endDate.slice(0, 7));
  if (s.unitId) executed = executed.where('agreement_months.unit_id', '=', s.unitId);
  if (s.fieldId) executed = executed.where('agreement_months.field_id', '=', s.fieldId);
  if (s.fieldIds) executed = executed.where('agreement_months.field_id', 'in', s.fieldIds);
  const [executedRows, incomeRows] = await Promise.all([
    executed.groupBy(sql`1`).execute(),
    income.groupBy([sql`1`, sql`2`, 'receipt_months.currency']).execute(),
  ]);
  return {
    executedByYear: new Map(executedRows.map((r) => [num(r.b), num(r.n)])),
    income: incomeRows.map((r) => ({
      bucket: num(r.b),
      calYear: num(r.cal_year),
      currency: r.currency,
      amount: num(r.amount),
    })),
  };
}
