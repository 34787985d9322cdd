import type { Kysely } from 'kysely';
import { rebuildLicenceFigures } from '../../modules/agreements/agreements.service.js';
import type { DB } from '../schema.js';

// The tech-transfer report's per-licence figures (issue 16, ADR 0049), kept by the writes of agreements
// and receipts in their transaction (owner agreements): licence_figures (one row per licence and option:
// request-to-execution days, first and last receipt dates) and royalty_months (earned royalties per
// licence, month and currency). Like 0060 it fills them with the owner's rebuild function.
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  await untyped.schema
    .createTable('licence_figures')
    .addColumn('agreement_id', 'text', (c) => c.primaryKey().references('agreements.id').onDelete('cascade'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text')
    .addColumn('field_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_kind', 'text')
    .addColumn('exclusivity', 'text')
    .addColumn('execution_date', 'text', (c) => c.notNull())
    .addColumn('request_days', 'integer')
    .addColumn('first_receipt', 'text')
    .addColumn('last_receipt', 'text')
    .execute();
  // Licences with income in a period (by first receipt) and execution times (by execution date).
  await untyped.schema
    .createIndex('licence_figures_first_receipt')
    .on('licence_figures')
    .columns(['platform_id', 'kind', 'first_receipt'])
    .execute();
  await untyped.schema
    .createIndex('licence_figures_execution')
    .on('licence_figures')
    .columns(['platform_id', 'kind', 'execution_date'])
    .execute();
  await untyped.schema
    .createTable('royalty_months')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text')
    .addColumn('field_id', 'text')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await untyped.schema
    .createIndex('royalty_months_platform_month')
    .on('royalty_months')
    .columns(['platform_id', 'month'])
    .execute();
  const platforms = await db.selectFrom('platforms').select('id').execute();
  for (const p of platforms) await rebuildLicenceFigures(db, p.id);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('royalty_months').execute();
  await db.schema.dropTable('licence_figures').execute();
}
