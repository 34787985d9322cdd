import { sql } from 'kysely';
import { bucketOf, calendarYearOf, type Scope } from '../ttreports/ttreports.period.js';
import { num, scoped } from './agreements.stats.repository.js';

// The technology-transfer report's figures read from the records themselves (ADR 0043): inventor
// rewards and the latest receipt. The sums kept by month are in agreements.stats.repository.ts, the
// per-licence figures (ADR 0049) in agreements.stats.licences.repository.ts.

/** Income paid to inventors in the period (奖励个人金额) and the person-times (奖励人次, once per person per year). */
export async function inventorRewards(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const base = () =>
    s.db
      .selectFrom('distributions')
      .innerJoin('receipts', 'receipts.id', 'distributions.receipt_id')
      .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
      .where('distributions.platform_id', '=', s.platformId)
      .where(scoped(s))
      .where('distributions.recipient_kind', '=', 'inventor')
      .where('distributions.received_date', '>=', startDate)
      .where('distributions.received_date', '<=', endDate);
  const amounts = await base()
    .select([
      calendarYearOf('distributions.received_date').as('cal_year'),
      'distributions.currency',
      (eb) => eb.fn.sum('distributions.amount_minor').as('amount'),
    ])
    .groupBy([sql`1`, 'distributions.currency'])
    .execute();
  const persons = await base()
    .select([
      bucketOf('distributions.received_date', startMonth).as('b'),
      sql<number>`COUNT(DISTINCT COALESCE(${sql.ref('distributions.person_id')}, ${sql.ref('distributions.recipient_name')}))`.as(
        'n',
      ),
    ])
    .groupBy(sql`1`)
    .execute();
  return {
    amounts: amounts.map((r) => ({ cal_year: num(r.cal_year), currency: r.currency, amount: num(r.amount) })),
    personTimes: persons.reduce((a, r) => a + num(r.n), 0),
  };
}

/**
 * The latest receipt's date in the scope's unit and field, at any time (the period is ignored): the
 * latest month holding one (receipt_months), then the day within that month from the receipts.
 */
export async function latestReceiptDate(s: Scope): Promise<string | null> {
  let q = s.db
    .selectFrom('receipt_months')
    .select((eb) => eb.fn.max('receipt_months.month').as('m'))
    .where('receipt_months.platform_id', '=', s.platformId)
    .where('receipt_months.receipts', '>', 0);
  if (s.unitId) q = q.where('receipt_months.unit_id', '=', s.unitId);
  if (s.fieldId) q = q.where('receipt_months.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('receipt_months.field_id', 'in', s.fieldIds);
  const month = (await q.executeTakeFirst())?.m;
  if (!month) return null;
  const row = await s.db
    .selectFrom('receipts')
    .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
    .select((eb) => eb.fn.max('receipts.received_date').as('d'))
    .where('receipts.platform_id', '=', s.platformId)
    .where('receipts.received_date', '>=', `${month}-01`)
    .where(scoped(s))
    .executeTakeFirst();
  return row?.d ? String(row.d).slice(0, 10) : null;
}
