import type { Kysely } from 'kysely';
import { rebuildIpMonths } from '../../modules/ip/ip.service.js';
import type { DB } from '../schema.js';

// Monthly rollups of the tech-transfer records (issues 15 and 16, ADR 0043): disclosures and filings
// (ip_months, owner ip), agreements (agreement_months, owner agreements), and receipts by category and
// licence kind (receipt_months gains both columns), each moved by the writes of its records in their
// transaction. Like 0057 this migration fills them with the code it ships with (the owners' rebuild
// functions, one definition of each rollup); a later change of a rollup's definition adds its own rebuild.
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  const counts = (t: ReturnType<Kysely<unknown>['schema']['createTable']>, columns: string[]) =>
    columns.reduce((acc, c) => acc.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0)), t);
  await counts(
    untyped.schema
      .createTable('ip_months')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
      .addColumn('unit_id', 'text')
      .addColumn('field_id', 'text')
      .addColumn('month', 'text', (c) => c.notNull()),
    ['disclosures', 'filed', 'filed_first', 'filed_us', 'granted', 'granted_us'],
  ).execute();
  await untyped.schema
    .createTable('agreement_months')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text')
    .addColumn('field_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_kind', 'text')
    .addColumn('exclusivity', 'text')
    .addColumn('crada_class', 'text')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('executed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('value_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('for_cause', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await untyped.schema.alterTable('receipt_months').addColumn('licence_kind', 'text').execute();
  await untyped.schema
    .alterTable('receipt_months')
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // The report's reads: one platform's months up to the period's end (the stocks need every month
  // before it), unit and field cuts filtered on the few rows that come back.
  for (const table of ['ip_months', 'agreement_months', 'receipt_months'])
    await untyped.schema
      .createIndex(`${table}_platform_month`)
      .on(table)
      .columns(['platform_id', 'month'])
      .execute();
  // Licences with income in the period (a distinct count across months, so it stays a query): one
  // index probe per licence instead of reading each of its receipts' rows for their dates.
  await untyped.schema
    .createIndex('receipts_agreement_received')
    .on('receipts')
    .columns(['agreement_id', 'received_date'])
    .execute();
  await untyped.schema.dropIndex('receipts_agreement').execute();
  const platforms = await db.selectFrom('platforms').select('id').execute();
  for (const p of platforms) {
    await rebuildIpMonths(db, p.id);
    // receipt_months and agreement_months are filled by 0071, whose rebuilds write the columns and tables
    // it adds (the rebuilds of today could not run against this migration's tables).
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('receipts_agreement').on('receipts').column('agreement_id').execute();
  await db.schema.dropIndex('receipts_agreement_received').execute();
  await db.schema.dropIndex('receipt_months_platform_month').execute();
  await db.schema.alterTable('receipt_months').dropColumn('category').execute();
  await db.schema.alterTable('receipt_months').dropColumn('licence_kind').execute();
  await db.schema.dropTable('agreement_months').execute();
  await db.schema.dropTable('ip_months').execute();
}
