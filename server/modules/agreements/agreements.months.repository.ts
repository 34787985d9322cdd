import type { Selectable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { AgreementsTable, DB, ReceiptsTable } from '../../db/schema.js';
import { licenceReceiptAdded, type ReceiptSpan } from './agreements.figures.repository.js';

type AgreementRow = Selectable<AgreementsTable>;
type ReceiptRow = Selectable<ReceiptsTable>;

// The agreements' monthly rollups (ADR 0043): receipts summed per month (receipt_months, migration 0040,
// widened by 0060) and agreements counted per month (agreement_months, migration 0060), each moved by
// the write of its records in the same transaction.

const k = (...parts: Array<string | null>) => parts.map((p) => p ?? '').join('|');

// ---- receipts

/**
 * Records a receipt and adds it to its month's total in the same transaction, so the report and the
 * analytics' licence income are exact as soon as the receipt is committed. Receipts are never edited or
 * deleted (a correction is a refund, another receipt) and an agreement's platform, unit, field, kind and
 * licence kind never change, so adding on insert keeps every total equal to its receipts' sum.
 */
export async function insertReceipt(
  db: Kysely<DB>,
  seam: DialectSeam,
  row: ReceiptRow,
  agreement: Pick<AgreementRow, 'unit_id' | 'field_id' | 'kind' | 'licence_kind'>,
): Promise<void> {
  await db.insertInto('receipts').values(row).execute();
  const month = row.received_date.slice(0, 7);
  const { unit_id, field_id, kind, licence_kind } = agreement;
  await db
    .insertInto('receipt_months')
    .values({
      key: k(row.platform_id, unit_id, field_id, kind, licence_kind, row.category, month, row.currency),
      platform_id: row.platform_id,
      unit_id,
      field_id,
      kind,
      licence_kind,
      category: row.category,
      month,
      currency: row.currency,
      amount_minor: row.amount_minor,
      receipts: 1,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        amount_minor: sql`receipt_months.amount_minor + excluded.amount_minor`,
        receipts: sql`receipt_months.receipts + 1`,
      }),
    )
    .execute();
  const span = await licenceReceiptAdded(db, seam, row, agreement);
  if (span) await receiptSpanMoved(db, row.agreement_id, span);
}

/**
 * A licence's first or last receipt moved to another month: its count moves with it in agreement_months,
 * under the agreement's figures as they are now (read after the licence's lock, so an edit of the
 * agreement that committed meanwhile is seen; agreementChanged moves the same counts under that lock).
 */
async function receiptSpanMoved(
  db: Kysely<DB>,
  agreementId: string,
  { before, after }: { before: ReceiptSpan; after: ReceiptSpan },
): Promise<void> {
  const month = (d: string | null) => d?.slice(0, 7) ?? null;
  if (
    month(before.first_receipt) === month(after.first_receipt) &&
    month(before.last_receipt) === month(after.last_receipt)
  )
    return;
  const a = await db
    .selectFrom('agreements')
    .selectAll()
    .where('id', '=', agreementId)
    .executeTakeFirstOrThrow();
  await moveAgreementMonths(db, [...spanCells(a, before, -1), ...spanCells(a, after, 1)]);
}

/** The monthly receipt rows a platform's receipts add up to (the rebuild's fill and the tests' recount). */
export function receiptMonthsRecount(platformId: string) {
  return sql<Record<string, unknown>>`
    SELECT
      a.platform_id || '|' || coalesce(a.unit_id, '') || '|' || coalesce(a.field_id, '') || '|' || a.kind
        || '|' || coalesce(a.licence_kind, '') || '|' || r.category || '|' || substr(r.received_date, 1, 7)
        || '|' || r.currency AS key,
      a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, r.category,
      substr(r.received_date, 1, 7) AS month, r.currency, sum(r.amount_minor) AS amount_minor, count(*) AS receipts
    FROM receipts r JOIN agreements a ON a.id = r.agreement_id
    WHERE r.platform_id = ${platformId}
    GROUP BY a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, r.category,
      substr(r.received_date, 1, 7), r.currency`;
}

/**
 * Recomputes a platform's monthly receipt totals from its receipts: for receipts written straight into
 * the table in bulk (the demo loader, the benchmarks' generators) and to rebuild after a restore.
 */
export async function rebuildReceiptMonths(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('receipt_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO receipt_months (key, platform_id, unit_id, field_id, kind, licence_kind, category, month,
    currency, amount_minor, receipts) ${receiptMonthsRecount(platformId)}`.execute(db);
}

// ---- agreements

type Figures = Pick<
  AgreementRow,
  | 'platform_id'
  | 'unit_id'
  | 'field_id'
  | 'kind'
  | 'licence_kind'
  | 'exclusivity'
  | 'crada_class'
  | 'currency'
  | 'execution_date'
  | 'end_date'
  | 'termination_date'
  | 'termination_reason'
  | 'contract_value_minor'
>;
type Counts = {
  executed: number;
  value_minor: number;
  ended: number;
  for_cause: number;
  first_receipts: number;
  last_receipts: number;
};
const COLUMNS = ['executed', 'value_minor', 'ended', 'for_cause', 'first_receipts', 'last_receipts'] as const;
const ZERO: Counts = {
  executed: 0,
  value_minor: 0,
  ended: 0,
  for_cause: 0,
  first_receipts: 0,
  last_receipts: 0,
};

/** The end of an agreement's force: the earlier of its end and its termination (null: open-ended). */
export const stopOf = (a: Pick<AgreementRow, 'end_date' | 'termination_date'>) =>
  a.termination_date !== null && (a.end_date === null || a.termination_date < a.end_date)
    ? a.termination_date
    : a.end_date;

const NO_RECEIPTS: ReceiptSpan = { first_receipt: null, last_receipt: null };

/** A cell of agreement_months under the agreement's figures. */
function cellOf(a: Figures, month: string, c: Partial<Counts>) {
  return {
    key: k(
      a.platform_id,
      a.unit_id,
      a.field_id,
      a.kind,
      a.licence_kind,
      a.exclusivity,
      a.crada_class,
      month,
      a.currency,
    ),
    platform_id: a.platform_id,
    unit_id: a.unit_id,
    field_id: a.field_id,
    kind: a.kind,
    licence_kind: a.licence_kind,
    exclusivity: a.exclusivity,
    crada_class: a.crada_class,
    month,
    currency: a.currency,
    ...ZERO,
    ...c,
  };
}

/** The months of a licence's (or option's) first and last receipt (sign −1 takes them away). */
function spanCells(a: Figures, span: ReceiptSpan, sign: number) {
  if (!(LICENSING_KINDS as readonly string[]).includes(a.kind)) return [];
  const out = [];
  if (span.first_receipt) out.push(cellOf(a, span.first_receipt.slice(0, 7), { first_receipts: sign }));
  if (span.last_receipt) out.push(cellOf(a, span.last_receipt.slice(0, 7), { last_receipts: sign }));
  return out;
}

/** What one agreement adds to its months (sign −1 takes it away), its receipts' first and last too. */
function cells(a: Figures, sign: number, span: ReceiptSpan = NO_RECEIPTS) {
  const at = (month: string, c: Partial<Counts>) => cellOf(a, month, c);
  const out = [
    ...spanCells(a, span, sign),
    at(a.execution_date.slice(0, 7), {
      executed: sign,
      value_minor: sign * Number(a.contract_value_minor ?? 0),
    }),
  ];
  const stop = stopOf(a);
  if (stop) out.push(at(stop.slice(0, 7), { ended: sign }));
  if (a.termination_reason === 'for_cause' && a.termination_date)
    out.push(at(a.termination_date.slice(0, 7), { for_cause: sign }));
  return out;
}

/** Adds the cells to their rows, in key order (two writers moving the same two cells wait, not deadlock). */
async function moveAgreementMonths(db: Kysely<DB>, list: Array<ReturnType<typeof cellOf>>) {
  const merged = new Map<string, (typeof list)[number]>();
  for (const c of list) {
    const m = merged.get(c.key) ?? { ...c, ...ZERO };
    for (const col of COLUMNS) m[col] += c[col];
    merged.set(c.key, m);
  }
  for (const c of [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (COLUMNS.every((col) => c[col] === 0)) continue;
    await db
      .insertInto('agreement_months')
      .values(c)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet(
            Object.fromEntries(
              COLUMNS.map((col) => [col, sql`agreement_months.${sql.ref(col)} + excluded.${sql.ref(col)}`]),
            ),
          ),
      )
      .execute();
  }
}

/** Inserts the agreement and adds it to its months in the same transaction. */
export async function agreementAdded(db: Kysely<DB>, row: AgreementRow): Promise<void> {
  await moveAgreementMonths(db, cells(row, 1));
}

/**
 * Writes an agreement's new figures over the row as locked (PostgreSQL; SQLite serialises writers), and
 * moves its months from the old figures to the new ones in the same transaction, with its receipts' first
 * and last months read under the licence's lock (a receipt meanwhile moves them in turn).
 */
export async function agreementChanged(
  db: Kysely<DB>,
  seam: DialectSeam,
  row: AgreementRow,
  write: () => Promise<void>,
): Promise<void> {
  const before = await seam
    .forUpdate(db.selectFrom('agreements').selectAll().where('id', '=', row.id))
    .executeTakeFirst();
  const span =
    (await seam
      .forUpdate(
        db
          .selectFrom('licence_figures')
          .select(['first_receipt', 'last_receipt'])
          .where('agreement_id', '=', row.id),
      )
      .executeTakeFirst()) ?? NO_RECEIPTS;
  await write();
  await moveAgreementMonths(db, [...(before ? cells(before, -1, span) : []), ...cells(row, 1, span)]);
}

/** The monthly agreement rows a platform's agreements add up to (the rebuild's fill and the tests' recount). */
export function agreementMonthsRecount(platformId: string) {
  const cols = sql`platform_id, unit_id, field_id, kind, licence_kind, exclusivity, crada_class, currency`;
  const spanCols = sql`a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, a.exclusivity, a.crada_class,
    a.currency`;
  // Each licence's (and option's) first and last receipt, any category.
  const spans = sql`agreements a JOIN (
      SELECT agreement_id, min(received_date) AS first_receipt, max(received_date) AS last_receipt
      FROM receipts WHERE platform_id = ${platformId} GROUP BY agreement_id
    ) s ON s.agreement_id = a.id
    WHERE a.platform_id = ${platformId} AND a.kind IN (${sql.join([...LICENSING_KINDS])})`;
  const stop = sql`CASE WHEN termination_date IS NOT NULL AND (end_date IS NULL OR termination_date < end_date)
    THEN termination_date ELSE end_date END`;
  return sql<Record<string, unknown>>`
    SELECT
      e.platform_id || '|' || coalesce(e.unit_id, '') || '|' || coalesce(e.field_id, '') || '|' || e.kind
        || '|' || coalesce(e.licence_kind, '') || '|' || coalesce(e.exclusivity, '') || '|'
        || coalesce(e.crada_class, '') || '|' || e.month || '|' || e.currency AS key,
      e.platform_id, e.unit_id, e.field_id, e.kind, e.licence_kind, e.exclusivity, e.crada_class, e.month,
      e.currency, sum(e.executed) AS executed, sum(e.value_minor) AS value_minor, sum(e.ended) AS ended,
      sum(e.for_cause) AS for_cause, sum(e.first_receipts) AS first_receipts,
      sum(e.last_receipts) AS last_receipts
    FROM (
      SELECT ${cols}, substr(execution_date, 1, 7) AS month, 1 AS executed,
        coalesce(contract_value_minor, 0) AS value_minor, 0 AS ended, 0 AS for_cause, 0 AS first_receipts,
        0 AS last_receipts
      FROM agreements WHERE platform_id = ${platformId}
      UNION ALL
      SELECT ${cols}, substr(${stop}, 1, 7), 0, 0, 1, 0, 0, 0
      FROM agreements WHERE platform_id = ${platformId} AND (end_date IS NOT NULL OR termination_date IS NOT NULL)
      UNION ALL
      SELECT ${cols}, substr(termination_date, 1, 7), 0, 0, 0, 1, 0, 0
      FROM agreements
      WHERE platform_id = ${platformId} AND termination_reason = 'for_cause' AND termination_date IS NOT NULL
      UNION ALL
      SELECT ${spanCols}, substr(s.first_receipt, 1, 7), 0, 0, 0, 0, 1, 0 FROM ${spans}
      UNION ALL
      SELECT ${spanCols}, substr(s.last_receipt, 1, 7), 0, 0, 0, 0, 0, 1 FROM ${spans}
    ) e
    GROUP BY e.platform_id, e.unit_id, e.field_id, e.kind, e.licence_kind, e.exclusivity, e.crada_class,
      e.month, e.currency`;
}

/** Recomputes a platform's monthly agreement rows from its agreements (bulk loads; after a restore). */
export async function rebuildAgreementMonths(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('agreement_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO agreement_months (key, platform_id, unit_id, field_id, kind, licence_kind, exclusivity,
    crada_class, month, currency, executed, value_minor, ended, for_cause, first_receipts, last_receipts)
    ${agreementMonthsRecount(platformId)}`.execute(db);
}
