import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { AgreementsTable, DB, ReceiptsTable } from '../../db/schema.js';
import { daysBetween } from '../ip/ip.dates.js';

type AgreementRow = Selectable<AgreementsTable>;
type ReceiptRow = Selectable<ReceiptsTable>;

// The tech-transfer report's per-licence figures (ADR 0049, migration 0067), kept by the writes of the
// agreements and their receipts in the same transaction as the record: one licence_figures row per licence
// and option (request-to-execution days, first and last receipt dates) and the earned royalties per
// licence and month (royalty_months). Agreements and receipts are never deleted, receipts never edited,
// and an agreement's platform, unit, field, kind and licence kind never change (ADR 0043), so the writes
// below are all the writes that move a figure.

const licensing = (kind: string) => (LICENSING_KINDS as readonly string[]).includes(kind);

const described = (a: AgreementRow) => ({
  unit_id: a.unit_id,
  field_id: a.field_id,
  licence_kind: a.licence_kind,
  exclusivity: a.exclusivity,
  execution_date: a.execution_date,
  request_days: a.request_date === null ? null : daysBetween(a.request_date, a.execution_date),
});

/** A new licence or option gets its row (no receipts yet: an agreement's receipts follow it). */
export async function licenceFiguresAdded(db: Kysely<DB>, a: AgreementRow): Promise<void> {
  if (!licensing(a.kind)) return;
  await db
    .insertInto('licence_figures')
    .values({
      agreement_id: a.id,
      platform_id: a.platform_id,
      kind: a.kind,
      ...described(a),
      first_receipt: null,
      last_receipt: null,
      receipt_span_months: null,
    })
    .execute();
}

/**
 * An edited licence or option: its descriptive figures follow the row as written (in the caller's
 * transaction, after the row's lock). The receipt dates are the receipts' and are left alone.
 */
export async function licenceFiguresChanged(db: Kysely<DB>, a: AgreementRow): Promise<void> {
  if (!licensing(a.kind)) return;
  await db.updateTable('licence_figures').set(described(a)).where('agreement_id', '=', a.id).execute();
}

/** A month as a number (year × 12 + month − 1) of a 'YYYY-MM…' date. */
export const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

export type ReceiptSpan = { first_receipt: string | null; last_receipt: string | null };

/**
 * A receipt of a licence or option widens its first-to-last receipt span and, when an earned royalty,
 * adds to its month's royalty total. The licence's row is read under its lock (PostgreSQL; SQLite
 * serialises writers), so two receipts of one licence widen it in turn; returns the span before and
 * after, whose months the caller moves in agreement_months (null: not a licence or option).
 */
export async function licenceReceiptAdded(
  db: Kysely<DB>,
  seam: DialectSeam,
  r: ReceiptRow,
  agreement: Pick<AgreementRow, 'unit_id' | 'field_id' | 'kind'>,
): Promise<{ before: ReceiptSpan; after: ReceiptSpan } | null> {
  if (!licensing(agreement.kind)) return null;
  const d = r.received_date;
  const before = await seam
    .forUpdate(
      db
        .selectFrom('licence_figures')
        .select(['first_receipt', 'last_receipt'])
        .where('agreement_id', '=', r.agreement_id),
    )
    .executeTakeFirst();
  if (!before) {
    await royaltyAdded(db, r, agreement);
    return null;
  }
  const after = {
    first_receipt: before.first_receipt === null || before.first_receipt > d ? d : before.first_receipt,
    last_receipt: before.last_receipt === null || before.last_receipt < d ? d : before.last_receipt,
  };
  await db
    .updateTable('licence_figures')
    .set({
      ...after,
      receipt_span_months: monthNumber(after.last_receipt) - monthNumber(after.first_receipt),
    })
    .where('agreement_id', '=', r.agreement_id)
    .execute();
  await royaltyAdded(db, r, agreement);
  return { before, after };
}

/** An earned royalty of a licence or option adds to its month's total (royalty_months). */
async function royaltyAdded(
  db: Kysely<DB>,
  r: ReceiptRow,
  agreement: Pick<AgreementRow, 'unit_id' | 'field_id'>,
): Promise<void> {
  const d = r.received_date;
  if (r.category !== 'earned_royalty') return;
  const month = d.slice(0, 7);
  await db
    .insertInto('royalty_months')
    .values({
      key: `${r.agreement_id}|${month}|${r.currency}`,
      platform_id: r.platform_id,
      unit_id: agreement.unit_id,
      field_id: agreement.field_id,
      agreement_id: r.agreement_id,
      month,
      currency: r.currency,
      amount_minor: r.amount_minor,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ amount_minor: sql`royalty_months.amount_minor + excluded.amount_minor` }),
    )
    .execute();
}

/**
 * Days since a fixed epoch of a 'YYYY-MM-DD' text column, in integer arithmetic both databases share
 * (the civil-calendar day count): the difference of two is daysBetween's, in SQL.
 */
function dayNumber(column: string): RawBuilder<number> {
  const m = sql`CAST(substr(${sql.ref(column)}, 6, 2) AS INTEGER)`;
  const y = sql`(CAST(substr(${sql.ref(column)}, 1, 4) AS INTEGER) - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const d = sql`CAST(substr(${sql.ref(column)}, 9, 2) AS INTEGER)`;
  return sql<number>`(${y} * 365 + ${y} / 4 - ${y} / 100 + ${y} / 400 + (153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2) / 5 + ${d})`;
}

/** monthNumber in SQL, of a 'YYYY-MM…' text column (null for a null). */
export const monthOf = (column: string) =>
  sql<number>`(CAST(substr(${sql.ref(column)}, 1, 4) AS INTEGER) * 12 + CAST(substr(${sql.ref(column)}, 6, 2) AS INTEGER) - 1)`;

/** The licence_figures rows a platform's agreements and receipts give (the rebuild's fill and the tests' recount). */
export function licenceFiguresRecount(platformId: string) {
  return sql<Record<string, unknown>>`
    SELECT a.id AS agreement_id, a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, a.exclusivity,
      a.execution_date,
      CASE WHEN a.request_date IS NULL THEN NULL
        ELSE ${dayNumber('a.execution_date')} - ${dayNumber('a.request_date')} END AS request_days,
      s.first_receipt, s.last_receipt,
      ${monthOf('s.last_receipt')} - ${monthOf('s.first_receipt')} AS receipt_span_months
    FROM agreements a
    LEFT JOIN (
      SELECT agreement_id, min(received_date) AS first_receipt, max(received_date) AS last_receipt
      FROM receipts WHERE platform_id = ${platformId} GROUP BY agreement_id
    ) s ON s.agreement_id = a.id
    WHERE a.platform_id = ${platformId} AND a.kind IN (${sql.join([...LICENSING_KINDS])})`;
}

/** The royalty_months rows a platform's earned royalties give (the rebuild's fill and the tests' recount). */
export function royaltyMonthsRecount(platformId: string) {
  return sql<Record<string, unknown>>`
    SELECT r.agreement_id || '|' || substr(r.received_date, 1, 7) || '|' || r.currency AS key,
      a.platform_id, a.unit_id, a.field_id, r.agreement_id, substr(r.received_date, 1, 7) AS month,
      r.currency, sum(r.amount_minor) AS amount_minor
    FROM receipts r JOIN agreements a ON a.id = r.agreement_id
    WHERE r.platform_id = ${platformId} AND r.category = 'earned_royalty'
      AND a.kind IN (${sql.join([...LICENSING_KINDS])})
    GROUP BY r.agreement_id, a.platform_id, a.unit_id, a.field_id, substr(r.received_date, 1, 7), r.currency`;
}

/**
 * Recomputes a platform's licence figures and royalty months from its agreements and receipts: for
 * records written straight into the tables in bulk (the demo loader, the benchmarks' generators), the
 * migration that creates them, and after a hand repair.
 */
export async function rebuildLicenceFigures(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('licence_figures').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO licence_figures (agreement_id, platform_id, unit_id, field_id, kind, licence_kind,
    exclusivity, execution_date, request_days, first_receipt, last_receipt, receipt_span_months)
    ${licenceFiguresRecount(platformId)}`.execute(db);
  await db.deleteFrom('royalty_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO royalty_months (key, platform_id, unit_id, field_id, agreement_id, month, currency,
    amount_minor) ${royaltyMonthsRecount(platformId)}`.execute(db);
}
