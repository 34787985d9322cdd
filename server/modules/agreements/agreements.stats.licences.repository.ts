import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../ttreports/ttreports.period.js';
import { monthNumber } from './agreements.figures.repository.js';

// The tech-transfer report's per-licence figures (ADR 0049), read from what the writes keep per licence
// (licence_figures, royalty_months; agreements.figures.repository.ts): the straddlers that licences
// with income in the period leave out, earned royalties per licence, request-to-execution days.

const num = (v: unknown) => Number(v ?? 0);

/** The scope's platform, unit and field on a kept table that carries them. */
function scopedOn(table: 'licence_figures' | 'royalty_months', s: Scope) {
  return (eb: ExpressionBuilder<DB, typeof table>) => {
    const conds = [eb(sql.ref(`${table}.platform_id`), '=', s.platformId)];
    if (s.unitId) conds.push(eb(sql.ref(`${table}.unit_id`), '=', s.unitId));
    if (s.fieldId) conds.push(eb(sql.ref(`${table}.field_id`), '=', s.fieldId));
    if (s.fieldIds) conds.push(eb(sql.ref(`${table}.field_id`), 'in', s.fieldIds));
    return eb.and(conds);
  };
}

/**
 * Licences whose receipts straddle the period (first before its start, last after its end) with none
 * inside it, by licence kind and exclusivity: what the monthly first and last receipt counts
 * (agreement_months) count as meeting the period but had no income in it. Their span is at least the
 * period's months + 2, so the index in span order (migration 0071) reads only licences with receipts over
 * a longer time than the period, and probes each for a receipt inside.
 */
export async function straddlersWithoutIncome(s: Scope) {
  const { startDate, endDate } = s.period;
  const rows = await s.db
    .selectFrom('licence_figures')
    .select(['licence_figures.licence_kind', 'licence_figures.exclusivity', (eb) => eb.fn.countAll().as('n')])
    .where(scopedOn('licence_figures', s))
    .where('licence_figures.kind', '=', 'licence')
    .where('licence_figures.receipt_span_months', '>=', monthNumber(endDate) - monthNumber(startDate) + 2)
    .where('licence_figures.first_receipt', '<', startDate)
    .where('licence_figures.last_receipt', '>', endDate)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('receipts')
            .select('receipts.id')
            .whereRef('receipts.agreement_id', '=', 'licence_figures.agreement_id')
            .where('receipts.received_date', '>=', startDate)
            .where('receipts.received_date', '<=', endDate),
        ),
      ),
    )
    .groupBy(['licence_figures.licence_kind', 'licence_figures.exclusivity'])
    .execute();
  return rows.map((r) => ({ licence_kind: r.licence_kind, exclusivity: r.exclusivity, n: num(r.n) }));
}

/** Earned royalties per licence (and option) in the period, by calendar year and currency. */
export async function royaltiesPerLicence(s: Scope) {
  const [start, end] = [s.period.startDate.slice(0, 7), s.period.endDate.slice(0, 7)];
  const calYear = sql<number>`CAST(substr(${sql.ref('royalty_months.month')}, 1, 4) AS INTEGER)`;
  const rows = await s.db
    .selectFrom('royalty_months')
    .select([
      'royalty_months.agreement_id',
      calYear.as('cal_year'),
      'royalty_months.currency',
      (eb) => eb.fn.sum('royalty_months.amount_minor').as('amount'),
    ])
    .where(scopedOn('royalty_months', s))
    .where('royalty_months.month', '>=', start)
    .where('royalty_months.month', '<=', end)
    .groupBy(['royalty_months.agreement_id', sql`2`, 'royalty_months.currency'])
    .execute();
  return rows.map((r) => ({ ...r, cal_year: num(r.cal_year), amount: num(r.amount) }));
}

/** Licences executed in the period with a written request: how many, and their days' sum, min and max. */
export async function executionTimes(s: Scope) {
  const { startDate, endDate } = s.period;
  const row = await s.db
    .selectFrom('licence_figures')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.sum('licence_figures.request_days').as('sum'),
      eb.fn.min('licence_figures.request_days').as('min'),
      eb.fn.max('licence_figures.request_days').as('max'),
    ])
    .where(scopedOn('licence_figures', s))
    .where('licence_figures.kind', '=', 'licence')
    .where('licence_figures.request_days', 'is not', null)
    .where('licence_figures.execution_date', '>=', startDate)
    .where('licence_figures.execution_date', '<=', endDate)
    .executeTakeFirstOrThrow();
  const licences = num(row.n);
  return {
    licences,
    sumDays: num(row.sum),
    minDays: licences ? num(row.min) : null,
    maxDays: licences ? num(row.max) : null,
  };
}
