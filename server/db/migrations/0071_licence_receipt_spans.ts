import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
  rebuildReceiptMonths,
} from '../../modules/agreements/agreements.service.js';
import type { DB } from '../schema.js';

// The tech-transfer report's licences with income in the period (issue 16, ADR 0049 round 14), counted
// from what the writes keep instead of a pass over every licence's receipt span: agreement_months counts
// the licences (and options) whose first and whose last receipt fell in each month, and licence_figures
// keeps each licence's first-to-last span in months, in an index in span order, so the few licences whose
// receipts straddle a period are found without reading the others. agreement_months_platform and
// receipt_months_platform hold the same monthly cells summed over units and fields, for the report of a
// whole platform (a fifth to a sixth of the rows at the bench's 7 units). Filled with the owner's rebuilds (as
// 0060 and 0067 do); agreement_months' covering index is rebuilt with the two new counts in it.
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  for (const column of ['first_receipts', 'last_receipts'])
    await untyped.schema
      .alterTable('agreement_months')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await untyped.schema.alterTable('licence_figures').addColumn('receipt_span_months', 'integer').execute();
  await untyped.schema.dropIndex('agreement_months_period').execute();
  await untyped.schema
    .createIndex('agreement_months_period')
    .on('agreement_months')
    .columns([...PERIOD_COLUMNS, 'first_receipts', 'last_receipts', 'unit_id', 'field_id'])
    .execute();
  // The span order replaces the first-receipt order, which only the income statement read.
  await untyped.schema.dropIndex('licence_figures_income').execute();
  await untyped.schema
    .createIndex('licence_figures_span')
    .on('licence_figures')
    .columns([...SPAN_COLUMNS])
    .execute();
  // agreement_months and receipt_months summed over units and fields, for the report of a whole platform.
  const key = (c: ColumnDefinitionBuilder) => c.primaryKey();
  const platform = (c: ColumnDefinitionBuilder) => c.notNull().references('platforms.id').onDelete('cascade');
  const count = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await untyped.schema
    .createTable('agreement_months_platform')
    .addColumn('key', 'text', key)
    .addColumn('platform_id', 'text', platform)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_kind', 'text')
    .addColumn('exclusivity', 'text')
    .addColumn('crada_class', 'text')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('executed', 'integer', count)
    .addColumn('value_minor', 'bigint', count)
    .addColumn('ended', 'integer', count)
    .addColumn('for_cause', 'integer', count)
    .addColumn('first_receipts', 'integer', count)
    .addColumn('last_receipts', 'integer', count)
    .execute();
  await untyped.schema
    .createIndex('agreement_months_platform_period')
    .on('agreement_months_platform')
    .columns([...PERIOD_COLUMNS, 'first_receipts', 'last_receipts'])
    .execute();
  await untyped.schema
    .createTable('receipt_months_platform')
    .addColumn('key', 'text', key)
    .addColumn('platform_id', 'text', platform)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_kind', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', count)
    .addColumn('receipts', 'integer', count)
    .execute();
  await untyped.schema
    .createIndex('receipt_months_platform_period')
    .on('receipt_months_platform')
    .columns([
      'platform_id',
      'month',
      'currency',
      'category',
      'kind',
      'licence_kind',
      'amount_minor',
      'receipts',
    ])
    .execute();
  const platforms = await db.selectFrom('platforms').select('id').execute();
  for (const p of platforms) {
    await rebuildReceiptMonths(db, p.id);
    await rebuildAgreementMonths(db, p.id);
    await rebuildLicenceFigures(db, p.id);
  }
}

const PERIOD_COLUMNS = [
  'platform_id',
  'month',
  'kind',
  'licence_kind',
  'exclusivity',
  'crada_class',
  'currency',
  'executed',
  'value_minor',
  'ended',
  'for_cause',
] as const;
const SPAN_COLUMNS = [
  'platform_id',
  'kind',
  'receipt_span_months',
  'first_receipt',
  'last_receipt',
  'licence_kind',
  'exclusivity',
  'unit_id',
  'field_id',
  'agreement_id',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_months_platform').execute();
  await db.schema.dropTable('agreement_months_platform').execute();
  await db.schema.dropIndex('licence_figures_span').execute();
  await db.schema.dropIndex('agreement_months_period').execute();
  await db.schema
    .createIndex('agreement_months_period')
    .on('agreement_months')
    .columns([...PERIOD_COLUMNS, 'unit_id', 'field_id'])
    .execute();
  await db.schema
    .createIndex('licence_figures_income')
    .on('licence_figures')
    .columns([
      'platform_id',
      'kind',
      'first_receipt',
      'last_receipt',
      'licence_kind',
      'exclusivity',
      'unit_id',
      'field_id',
      'agreement_id',
    ])
    .execute();
  await db.schema.alterTable('licence_figures').dropColumn('receipt_span_months').execute();
  for (const column of ['last_receipts', 'first_receipts'])
    await db.schema.alterTable('agreement_months').dropColumn(column).execute();
}
