import { type Kysely, sql } from 'kysely';

// Frozen once released. Receipts summed per month by the agreement's platform, unit, field and kind
// (issue 15, docs/analytics.md 'Speed'): licence income over 21 years read every receipt (11.6 s at
// 600,000 receipts on SQLite). The agreements module adds each receipt to its month in the receipt's
// own transaction; this migration fills the table from the receipts already recorded.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('receipt_months')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text')
    .addColumn('field_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('receipts', 'integer', (c) => c.notNull())
    .execute();
  // The analytics' income query: a platform's licensing kinds over a range of months, a unit or field
  // cut included, summed from the index alone.
  await db.schema
    .createIndex('receipt_months_analytics')
    .on('receipt_months')
    .columns(['platform_id', 'kind', 'month', 'unit_id', 'field_id', 'currency', 'amount_minor'])
    .execute();
  await sql`
    INSERT INTO receipt_months (key, platform_id, unit_id, field_id, kind, month, currency, amount_minor, receipts)
    SELECT
      a.platform_id || '|' || coalesce(a.unit_id, '') || '|' || coalesce(a.field_id, '') || '|' || a.kind
        || '|' || substr(r.received_date, 1, 7) || '|' || r.currency,
      a.platform_id, a.unit_id, a.field_id, a.kind, substr(r.received_date, 1, 7), r.currency,
      sum(r.amount_minor), count(*)
    FROM receipts r JOIN agreements a ON a.id = r.agreement_id
    GROUP BY a.platform_id, a.unit_id, a.field_id, a.kind, substr(r.received_date, 1, 7), r.currency
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_months').execute();
}
