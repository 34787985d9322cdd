import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { CN_MODES } from '../../../common/ip.js';
import type { DB } from '../../db/schema.js';
import { bucketOfMonth, type Scope, yearBounds } from '../ttreports/ttreports.period.js';
import { straddlersWithoutIncome } from './agreements.stats.licences.repository.js';

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

/**
 * The monthly rollup a scope reads: the whole platform's from the table summed over units and fields
 * (migration 0071, ADR 0049 round 14; the same columns but unit and field, read under the unit-level
 * table's name), a unit's or field's from the unit-level table.
 */
function rollupOf<T extends 'agreement_months' | 'receipt_months'>(s: Scope, table: T): T {
  const wholePlatform = !s.unitId && !s.fieldId && !s.fieldIds;
  return (wholePlatform ? `${table}_platform as ${table}` : table) as T;
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

/**
 * Receipts in the period summed by report year, calendar year, currency, category and agreement kind,
 * from the monthly totals kept by each receipt's write (receipt_months, ADR 0043).
 */
export async function receiptGroups(s: Scope) {
  const { startDate, endDate, startMonth } = s.period;
  let q = s.db
    .selectFrom(rollupOf(s, 'receipt_months'))
    .select([
      'receipt_months.month',
      'receipt_months.currency',
      'receipt_months.category',
      'receipt_months.kind',
      'receipt_months.licence_kind',
      (eb) => eb.fn.sum('receipt_months.amount_minor').as('amount'),
    ])
    .where('receipt_months.platform_id', '=', s.platformId)
    .where('receipt_months.month', '>=', startDate.slice(0, 7))
    .where('receipt_months.month', '<=', endDate.slice(0, 7));
  if (s.unitId) q = q.where('receipt_months.unit_id', '=', s.unitId);
  if (s.fieldId) q = q.where('receipt_months.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('receipt_months.field_id', 'in', s.fieldIds);
  const rows = await q
    .groupBy([
      'receipt_months.month',
      'receipt_months.currency',
      'receipt_months.category',
      'receipt_months.kind',
      'receipt_months.licence_kind',
    ])
    .execute();
  return rows.map(({ month, ...r }) => ({
    ...r,
    bucket: bucketOfMonth(month, startMonth),
    cal_year: Number(month.slice(0, 4)),
    amount: num(r.amount),
  }));
}

type KindRow = { licence_kind: string | null; exclusivity: string | null; n: number };

/**
 * The scope's agreement months up to the period's end, summed over units and fields (agreement_months,
 * ADR 0043): a few thousand rows where the records are hundreds of thousands. Read once per scope.
 */
const monthsCache = new WeakMap<Scope, ReturnType<typeof readMonths>>();
const agreementMonths = (s: Scope) => {
  const hit = monthsCache.get(s) ?? readMonths(s);
  monthsCache.set(s, hit);
  return hit;
};
async function readMonths(s: Scope) {
  const sum = (c: 'executed' | 'value_minor' | 'ended' | 'for_cause' | 'first_receipts' | 'last_receipts') =>
    sql<number>`sum(${sql.ref(`agreement_months.${c}`)})`.as(c);
  const cols = ['kind', 'licence_kind', 'exclusivity', 'crada_class', 'month', 'currency'] as const;
  let q = s.db
    .selectFrom(rollupOf(s, 'agreement_months'))
    .select([...cols.map((c) => `agreement_months.${c}` as const), sum('executed'), sum('value_minor')])
    .select([sum('ended'), sum('for_cause'), sum('first_receipts'), sum('last_receipts')])
    .where('agreement_months.platform_id', '=', s.platformId)
    .where('agreement_months.month', '<=', s.period.endDate.slice(0, 7));
  if (s.unitId) q = q.where('agreement_months.unit_id', '=', s.unitId);
  if (s.fieldId) q = q.where('agreement_months.field_id', '=', s.fieldId);
  if (s.fieldIds) q = q.where('agreement_months.field_id', 'in', s.fieldIds);
  const rows = await q.groupBy(cols.map((c) => `agreement_months.${c}` as const)).execute();
  return rows.map((r) => ({
    ...r,
    executed: num(r.executed),
    value_minor: num(r.value_minor),
    ended: num(r.ended),
    for_cause: num(r.for_cause),
    first_receipts: num(r.first_receipts),
    last_receipts: num(r.last_receipts),
  }));
}
type MonthRow = Awaited<ReturnType<typeof readMonths>>[number];

/**
 * In force at some time from `start` to `end` (months): executed by the end and not ended before the
 * start. An agreement never ends before it is executed (assertAgreementRules), so this is the executed
 * by the end minus the ended before the start, each agreement counted once.
 */
const inForce = (start: string, end: string) => (r: MonthRow) =>
  (r.month <= end ? r.executed : 0) - (r.month < start ? r.ended : 0);
const total = (rows: MonthRow[], f: (r: MonthRow) => number) => rows.reduce((a, r) => a + f(r), 0);
function byKind<R extends Omit<KindRow, 'n'>>(rows: R[], f: (r: R) => number): KindRow[] {
  const out = new Map<string, KindRow>();
  for (const r of rows) {
    const k = `${r.licence_kind}|${r.exclusivity}`;
    const row = out.get(k) ?? { licence_kind: r.licence_kind, exclusivity: r.exclusivity, n: 0 };
    row.n += f(r);
    out.set(k, row);
  }
  return [...out.values()].filter((r) => r.n !== 0);
}

/**
 * Agreement counts of the report, from the monthly rollup but for the two that need each record:
 * licences with income in the period (a distinct count across months) and agreements with a small
 * business (whose size the organisations module keeps). `smallBusinessPartner` says whether an
 * agreement's partner is a small business; the caller builds it over the organisations.
 */
export async function agreementCounts(
  s: Scope,
  smallBusinessPartner: (eb: ExpressionBuilder<DB, 'agreements'>) => Expression<SqlBool>,
) {
  const { startDate, endDate, startMonth } = s.period;
  const [start, end] = [startDate.slice(0, 7), endDate.slice(0, 7)];
  const of = (kind: string) =>
    s.db.selectFrom('agreements').where(scoped(s)).where('agreements.kind', '=', kind);
  const count = async (q: ReturnType<typeof of>) =>
    num((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const activeRows = activeBetween(startDate, endDate);
  // Independent reads, issued together: on PostgreSQL each takes its own pooled connection, so this
  // chain is the slowest of them rather than their sum (bench/README.md round 9).
  const [rows, straddlers, smallBusinessLicences, smallBusinessCradas] = await Promise.all([
    agreementMonths(s),
    straddlersWithoutIncome(s),
    count(of('licence').where(activeRows).where(smallBusinessPartner)),
    count(of('crada').where(activeRows).where(smallBusinessPartner)),
  ]);
  const ofKind = (kind: string) => rows.filter((r) => r.kind === kind);
  const active = inForce(start, end);
  const executed = (r: MonthRow) => (r.month >= start ? r.executed : 0);
  const perYear = (kind: string) => {
    const out = new Map<number, number>();
    for (const r of ofKind(kind))
      if (r.month >= start && r.executed) {
        const y = bucketOfMonth(r.month, startMonth);
        out.set(y, (out.get(y) ?? 0) + r.executed);
      }
    return out;
  };
  const [licences, cradas] = [ofKind('licence'), ofKind('crada')];
  // Licences with a receipt in the period (ADR 0049 round 14): a receipt by its end (first receipt by
  // then) and not all before its start (last receipt before it), less those whose receipts straddle it
  // with none inside.
  const metPeriod = byKind(licences, (r) => r.first_receipts - (r.month < start ? r.last_receipts : 0));
  const incomeBearing = byKind([...metPeriod, ...straddlers.map((r) => ({ ...r, n: -r.n }))], (r) => r.n);
  return {
    activeLicences: byKind(licences, active),
    newLicences: byKind(licences, executed),
    incomeBearing,
    newLicencesByYear: perYear('licence'),
    newCradasByYear: perYear('crada'),
    newOptions: total(ofKind('option'), executed),
    activeOptions: total(ofKind('option'), active),
    cradas: {
      active: total(cradas, active),
      new: total(cradas, executed),
      traditional: total(
        cradas.filter((r) => r.crada_class === 'traditional'),
        active,
      ),
      nonTraditional: total(
        cradas.filter((r) => r.crada_class === 'non_traditional'),
        active,
      ),
    },
    terminatedForCause: total(licences, (r) => (r.month >= start ? r.for_cause : 0)),
    smallBusinessLicences,
    smallBusinessCradas,
  };
}

/** Licences in force during each year of the period (a stock per year, never summed across years). */
export async function activeLicenceCountsByYear(s: Scope) {
  const licences = (await agreementMonths(s)).filter((r) => r.kind === 'licence');
  const out = new Map<number, number>();
  for (let y = s.period.from; y <= s.period.to; y++) {
    const b = yearBounds(y, s.period.startMonth);
    out.set(y, total(licences, inForce(b.startDate.slice(0, 7), b.endDate.slice(0, 7))));
  }
  return out;
}

/** Contracts of the six Chinese modes signed in the period: count and value by calendar year and currency. */
export async function cnContracts(s: Scope) {
  const [start, end] = [s.period.startDate.slice(0, 7), s.period.endDate.slice(0, 7)];
  const out = new Map<
    string,
    { kind: string; cal_year: number; currency: string | null; n: number; value: number }
  >();
  for (const r of await agreementMonths(s)) {
    if (!(CN_MODES as readonly string[]).includes(r.kind) || r.month < start || r.month > end || !r.executed)
      continue;
    const cal_year = Number(r.month.slice(0, 4));
    const k = `${r.kind}|${cal_year}|${r.currency}`;
    const row = out.get(k) ?? { kind: r.kind, cal_year, currency: r.currency, n: 0, value: 0 };
    row.n += r.executed;
    row.value += r.value_minor;
    out.set(k, row);
  }
  return [...out.values()];
}
