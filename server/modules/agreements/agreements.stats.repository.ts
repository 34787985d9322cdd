import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { CN_MODES, LICENSING_KINDS } from '../../../common/ip.js';
import type { DB } from '../../db/schema.js';
import { daysBetween } from '../ip/ip.dates.js';
import { bucketOf, calendarYearOf, type Scope, yearBounds } from '../ttreports/ttreports.period.js';

// The technology-transfer report's sums over agreements, receipts and distributions (ttreports asks
// through agreements.service).

export const num = (v: unknown) => Number(v ?? 0);

/** Unit and field filters on a table that carries unit_id and field_id. */
export function scoped(s: Scope) {
  return (eb: ExpressionBuilder<DB, 'agreements'>) => {
    const conds = [eb(sql.ref(`agreements.platform_id`), '=', s.platformId)];
    if (s.unitId) conds.push(eb(sql.ref(`agreements.unit_id`), '=', s.unitId));
    if (s.fieldId) conds.push(eb(sql.ref(`agreements.field_id`), '=', s.fieldId));
    if (s.fieldIds) conds.push(eb(sql.ref(`agreements.field_id`), 'in', s.fieldIds));
    return eb.and(conds);
  };
}

/** In force at any time between start and end: executed by the end, not ended or terminated before the start. */
function activeBetween(start: string, end: string) {
  return (eb: ExpressionBuilder<DB, 'agreements'>) =>
    eb.and([
      eb('agreements.execution_date', '<=', end),
      eb.or([eb('agreements.termination_date', 'is', null), eb('agreements.termination_date', '>=', start)]),
      eb.or([eb('agreements.end_date', 'is', null), eb('agreements.end_date', '>=', start)]),
    ]);
}

/** Receipts in the period summed by report year, calendar year, currency, category and agreement kind. */
export async function receiptGroups(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  const rows = await s.db
    .selectFrom('receipts')
    .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
    .select([
      bucketOf('receipts.received_date', startMonth).as('bucket'),
      calendarYearOf('receipts.received_date').as('cal_year'),
      'receipts.currency',
      'receipts.category',
      'agreements.kind',
      'agreements.licence_kind',
      (eb) => eb.fn.sum('receipts.amount_minor').as('amount'),
    ])
    .where('receipts.platform_id', '=', s.platformId)
    .where(scoped(s))
    .where('receipts.received_date', '>=', startDate)
    .where('receipts.received_date', '<=', endDate)
    .groupBy([
      sql`1`,
      sql`2`,
      'receipts.currency',
      'receipts.category',
      'agreements.kind',
      'agreements.licence_kind',
    ])
    .execute();
  return rows.map((r) => ({ ...r, bucket: num(r.bucket), cal_year: num(r.cal_year), amount: num(r.amount) }));
}

/** Earned royalties per licence (and option) in the period, by calendar year and currency. */
export async function royaltiesPerLicence(s: Scope) {
  const { startDate, endDate } = s.period;
  const rows = await s.db
    .selectFrom('receipts')
    .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
    .select([
      'receipts.agreement_id',
      calendarYearOf('receipts.received_date').as('cal_year'),
      'receipts.currency',
      (eb) => eb.fn.sum('receipts.amount_minor').as('amount'),
    ])
    .where('receipts.platform_id', '=', s.platformId)
    .where(scoped(s))
    .where('receipts.category', '=', 'earned_royalty')
    .where('agreements.kind', 'in', [...LICENSING_KINDS])
    .where('receipts.received_date', '>=', startDate)
    .where('receipts.received_date', '<=', endDate)
    .groupBy(['receipts.agreement_id', sql`2`, 'receipts.currency'])
    .execute();
  return rows.map((r) => ({ ...r, cal_year: num(r.cal_year), amount: num(r.amount) }));
}

type KindRow = { licence_kind: string | null; exclusivity: string | null; n: number };

/**
 * Agreement counts of the report. `smallBusinessPartner` says whether an agreement's partner is a small
 * business; the caller builds it over the organisations, which this module does not own.
 */
export async function agreementCounts(
  s: Scope,
  smallBusinessPartner: (eb: ExpressionBuilder<DB, 'agreements'>) => Expression<SqlBool>,
) {
  const { startDate, endDate, startMonth } = s.period;
  const of = (kind: string) =>
    s.db.selectFrom('agreements').where(scoped(s)).where('agreements.kind', '=', kind);
  const byKind = async (q: ReturnType<typeof of>): Promise<KindRow[]> =>
    (
      await q
        .select(['agreements.licence_kind', 'agreements.exclusivity', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['agreements.licence_kind', 'agreements.exclusivity'])
        .execute()
    ).map((r) => ({ licence_kind: r.licence_kind, exclusivity: r.exclusivity, n: num(r.n) }));
  const count = async (q: ReturnType<typeof of>) =>
    num((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const executed = (q: ReturnType<typeof of>) =>
    q.where('agreements.execution_date', '>=', startDate).where('agreements.execution_date', '<=', endDate);
  const sme = (q: ReturnType<typeof of>) => q.where(smallBusinessPartner);
  const perYear = async (kind: string) =>
    new Map(
      (
        await executed(of(kind))
          .select([
            bucketOf('agreements.execution_date', startMonth).as('b'),
            (eb) => eb.fn.countAll().as('n'),
          ])
          .groupBy(sql`1`)
          .execute()
      ).map((r) => [num(r.b), num(r.n)]),
    );
  const active = activeBetween(startDate, endDate);
  const cradaRows = await of('crada')
    .where(active)
    .select([
      'agreements.crada_class',
      (eb) => eb.fn.countAll().as('n'),
      sql<number>`SUM(CASE WHEN ${sql.ref('agreements.execution_date')} >= ${startDate} THEN 1 ELSE 0 END)`.as(
        'new',
      ),
    ])
    .groupBy('agreements.crada_class')
    .execute();
  const cradaActive = cradaRows.reduce((a, r) => a + num(r.n), 0);
  return {
    activeLicences: await byKind(of('licence').where(active)),
    newLicences: await byKind(executed(of('licence'))),
    incomeBearing: await byKind(
      of('licence').where((eb) =>
        eb.exists(
          eb
            .selectFrom('receipts')
            .select('receipts.id')
            .whereRef('receipts.agreement_id', '=', 'agreements.id')
            .where('receipts.received_date', '>=', startDate)
            .where('receipts.received_date', '<=', endDate),
        ),
      ),
    ),
    newLicencesByYear: await perYear('licence'),
    newCradasByYear: await perYear('crada'),
    newOptions: await count(executed(of('option'))),
    activeOptions: await count(of('option').where(active)),
    cradas: {
      active: cradaActive,
      new: cradaRows.reduce((a, r) => a + num(r.new), 0),
      traditional: num(cradaRows.find((r) => r.crada_class === 'traditional')?.n),
      nonTraditional: num(cradaRows.find((r) => r.crada_class === 'non_traditional')?.n),
    },
    terminatedForCause: await count(
      of('licence')
        .where('agreements.termination_reason', '=', 'for_cause')
        .where('agreements.termination_date', '>=', startDate)
        .where('agreements.termination_date', '<=', endDate),
    ),
    smallBusinessLicences: await count(sme(of('licence').where(active))),
    smallBusinessCradas: await count(sme(of('crada').where(active))),
  };
}

/**
 * Licences in force during each year of the period (a stock per year, never summed across years), in one
 * pass: one conditional count per year over the licences in force at some time in the period.
 */
export async function activeLicenceCountsByYear(s: Scope) {
  const years: number[] = [];
  for (let y = s.period.from; y <= s.period.to; y++) years.push(y);
  const row = await s.db
    .selectFrom('agreements')
    .select(
      years.map((y) => {
        const b = yearBounds(y, s.period.startMonth);
        return sql<number>`SUM(CASE WHEN ${sql.ref('agreements.execution_date')} <= ${b.endDate}
          AND (${sql.ref('agreements.termination_date')} IS NULL OR ${sql.ref('agreements.termination_date')} >= ${b.startDate})
          AND (${sql.ref('agreements.end_date')} IS NULL OR ${sql.ref('agreements.end_date')} >= ${b.startDate})
          THEN 1 ELSE 0 END)`.as(`y${y}`);
      }),
    )
    .where(scoped(s))
    .where('agreements.kind', '=', 'licence')
    .where(activeBetween(s.period.startDate, s.period.endDate))
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, unknown>;
  return new Map(years.map((y) => [y, num(counts[`y${y}`])]));
}

/** Contracts of the six Chinese modes signed in the period: count and value by calendar year and currency. */
export async function cnContracts(s: Scope) {
  const { startDate, endDate } = s.period;
  const rows = await s.db
    .selectFrom('agreements')
    .select([
      'agreements.kind',
      calendarYearOf('agreements.execution_date').as('cal_year'),
      'agreements.currency',
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.sum('agreements.contract_value_minor').as('value'),
    ])
    .where(scoped(s))
    .where('agreements.kind', 'in', [...CN_MODES])
    .where('agreements.execution_date', '>=', startDate)
    .where('agreements.execution_date', '<=', endDate)
    .groupBy(['agreements.kind', sql`2`, 'agreements.currency'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    cal_year: num(r.cal_year),
    currency: r.currency as string | null,
    n: num(r.n),
    value: num(r.value),
  }));
}

/** Licences executed in the period with a written request: days from request to execution. */
export async function executionTimes(s: Scope) {
  const { startDate, endDate } = s.period;
  const rows = await s.db
    .selectFrom('agreements')
    .select(['agreements.request_date', 'agreements.execution_date'])
    .where(scoped(s))
    .where('agreements.kind', '=', 'licence')
    .where('agreements.request_date', 'is not', null)
    .where('agreements.execution_date', '>=', startDate)
    .where('agreements.execution_date', '<=', endDate)
    .execute();
  return rows.map((r) => ({ days: daysBetween(r.request_date!, r.execution_date) }));
}

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

/** The latest receipt's date in the scope's unit and field, at any time (the period is ignored). */
export async function latestReceiptDate(s: Scope): Promise<string | null> {
  const row = await s.db
    .selectFrom('receipts')
    .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
    .select((eb) => eb.fn.max('receipts.received_date').as('d'))
    .where('receipts.platform_id', '=', s.platformId)
    .where(scoped(s))
    .executeTakeFirst();
  return row?.d ? String(row.d).slice(0, 10) : null;
}
