import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AgreementMonthsTable, DB, ReceiptMonthsTable } from '../../db/schema.js';

// agreement_months and receipt_months summed over units and fields (migration 0071, ADR 0049 round 14):
// the report of a whole platform reads these, a fifth to a sixth of the rows at the bench's 7 units. Each cell of the
// unit-level tables moves its platform-wide cell in the same transaction (agreements.months.repository),
// and the recounts are the unit-level recounts summed again, so both have one definition.

const k = (...parts: Array<string | null>) => parts.map((p) => p ?? '').join('|');
const AGREEMENT_COUNTS = [
  'executed',
  'value_minor',
  'ended',
  'for_cause',
  'first_receipts',
  'last_receipts',
] as const;

/** Adds agreement_months cells (already merged and in key order) to their platform-wide cells. */
export async function agreementMonthsPlatformMoved(db: Kysely<DB>, cells: AgreementMonthsTable[]) {
  const merged = new Map<string, Omit<AgreementMonthsTable, 'unit_id' | 'field_id'>>();
  for (const { unit_id: _u, field_id: _f, ...c } of cells) {
    const key = k(c.platform_id, c.kind, c.licence_kind, c.exclusivity, c.crada_class, c.month, c.currency);
    const m = merged.get(key) ?? { ...c, key, ...Object.fromEntries(AGREEMENT_COUNTS.map((n) => [n, 0])) };
    for (const n of AGREEMENT_COUNTS) m[n] += c[n];
    merged.set(key, m);
  }
  for (const c of [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (AGREEMENT_COUNTS.every((n) => c[n] === 0)) continue;
    await db
      .insertInto('agreement_months_platform')
      .values(c)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet(
            Object.fromEntries(
              AGREEMENT_COUNTS.map((n) => [
                n,
                sql`agreement_months_platform.${sql.ref(n)} + excluded.${sql.ref(n)}`,
              ]),
            ),
          ),
      )
      .execute();
  }
}

/** Adds a receipt_months cell's receipt to its platform-wide cell. */
export async function receiptMonthPlatformAdded(db: Kysely<DB>, cell: ReceiptMonthsTable) {
  const { unit_id: _u, field_id: _f, ...c } = cell;
  await db
    .insertInto('receipt_months_platform')
    .values({ ...c, key: k(c.platform_id, c.kind, c.licence_kind, c.category, c.month, c.currency) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        amount_minor: sql`receipt_months_platform.amount_minor + excluded.amount_minor`,
        receipts: sql`receipt_months_platform.receipts + excluded.receipts`,
      }),
    )
    .execute();
}

/** The platform-wide agreement rows, from the unit-level recount (the rebuild's fill and the tests' recount). */
export function agreementMonthsPlatformOf(unitLevel: RawBuilder<Record<string, unknown>>) {
  const cols = sql`platform_id, kind, licence_kind, exclusivity, crada_class, month, currency`;
  return sql<Record<string, unknown>>`
    SELECT platform_id || '|' || kind || '|' || coalesce(licence_kind, '') || '|' || coalesce(exclusivity, '')
        || '|' || coalesce(crada_class, '') || '|' || month || '|' || currency AS key, ${cols},
      sum(executed) AS executed, sum(value_minor) AS value_minor, sum(ended) AS ended,
      sum(for_cause) AS for_cause, sum(first_receipts) AS first_receipts, sum(last_receipts) AS last_receipts
    FROM (${unitLevel}) u GROUP BY ${cols}`;
}

/** The platform-wide receipt rows, from the unit-level recount (the rebuild's fill and the tests' recount). */
export function receiptMonthsPlatformOf(unitLevel: RawBuilder<Record<string, unknown>>) {
  const cols = sql`platform_id, kind, licence_kind, category, month, currency`;
  return sql<Record<string, unknown>>`
    SELECT platform_id || '|' || kind || '|' || coalesce(licence_kind, '') || '|' || category || '|' || month
        || '|' || currency AS key, ${cols},
      sum(amount_minor) AS amount_minor, sum(receipts) AS receipts
    FROM (${unitLevel}) u GROUP BY ${cols}`;
}
