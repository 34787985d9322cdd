import { sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import { bucketOf, calendarYearOf, type Scope } from '../ttreports/ttreports.period.js';
import { num, scoped } from './agreements.stats.repository.js';

// The analytics' reads of agreements and receipts (analytics asks through agreements.service); the
// technology-transfer report's sums are in agreements.stats.repository.ts, whose filters these share.

/**
 * The analytics' two agreement figures in two narrow queries (docs/analytics.md 'Speed'): licences
 * executed per report year, read from the agreements_executed index alone, and licence income per
 * report year, calendar year (for the yearly FX rate) and currency. The income query takes the licensing
 * agreements as a set (IN) rather than joining every receipt to its agreement, so both databases scan
 * the receipts' covering index once and probe an in-memory set.
 */
export async function licenceFlowsByYear(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const [executed, income] = await Promise.all([
    s.db
      .selectFrom('agreements')
      .select([bucketOf('agreements.execution_date', startMonth).as('b'), (eb) => eb.fn.countAll().as('n')])
      .where(scoped(s))
      .where('agreements.kind', '=', 'licence')
      .where('agreements.execution_date', '>=', startDate)
      .where('agreements.execution_date', '<=', endDate)
      .groupBy(sql`1`)
      .execute(),
    s.db
      .selectFrom('receipts')
      .select([
        bucketOf('receipts.received_date', startMonth).as('b'),
        calendarYearOf('receipts.received_date').as('cal_year'),
        'receipts.currency',
        (eb) => eb.fn.sum('receipts.amount_minor').as('amount'),
      ])
      .where('receipts.platform_id', '=', s.platformId)
      .where('receipts.received_date', '>=', startDate)
      .where('receipts.received_date', '<=', endDate)
      .where('receipts.agreement_id', 'in', (eb) =>
        eb
          .selectFrom('agreements')
          .select('agreements.id')
          .where(scoped(s))
          .where('agreements.kind', 'in', [...LICENSING_KINDS]),
      )
      .groupBy([sql`1`, sql`2`, 'receipts.currency'])
      .execute(),
  ]);
  return {
    executedByYear: new Map(executed.map((r) => [num(r.b), num(r.n)])),
    income: income.map((r) => ({
      bucket: num(r.b),
      calYear: num(r.cal_year),
      currency: r.currency,
      amount: num(r.amount),
    })),
  };
}
