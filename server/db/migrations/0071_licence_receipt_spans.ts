import type { Kysely } from 'kysely';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
} from '../../modules/agreements/agreements.service.js';
import type { DB } from '../schema.js';

// The tech-transfer report's licences with income in the period (issue 16, ADR 0049 round 14), counted
// from what the writes keep instead of a pass over every licence's receipt span: agreement_months counts
// the licences (and options) whose first and whose last receipt fell in each month, and licence_figures
// keeps each licence's first-to-last span in months, in an index in span order, so the few licences whose
// receipts straddle a period are found without reading the others. Filled with the owner's rebuilds (as
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
  const platforms = await db.selectFrom('platforms').select('id').execute();
  for (const p of platforms) {
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
