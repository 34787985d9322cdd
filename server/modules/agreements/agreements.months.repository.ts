import type { Selectable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { AgreementsTable, DB, ReceiptsTable } from '../../db/schema.js';
import { licenceReceiptAdded, type ReceiptSpan } from './agreements.figures.repository.js';
import {
  agreementMonthsPlatformMoved,
  receiptMonthPlatformAdded,
} from './agreements.months.platform.repository.js';

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
  const cell = {
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
  };
  await db
    .insertInto('receipt_months')
    .values(cell)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        amount_minor: sql`receipt_months.amount_minor + excluded.amount_minor`,
        receipts: sql`receipt_months.receipts + 1`,
      }),
    )
    .execute();
  await receiptMonthPlatformAdded(db, cell);
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
  const sorted = [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const c of sorted) {
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
  await agreementMonthsPlatformMoved(db, sorted);
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
