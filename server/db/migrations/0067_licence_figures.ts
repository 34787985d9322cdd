import type { Kysely } from 'kysely';

// The tech-transfer report's per-licence figures (issue 16, ADR 0049), kept by the writes of agreements
// and receipts in their transaction (owner agreements): licence_figures (one row per licence and option:
// request-to-execution days, first and last receipt dates) and royalty_months (earned royalties per
// licence, month and currency). Filled by 0071 with the owner's rebuild function.
export async function up(untyped: Kysely<unknown>): Promise<void> {
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
  // The report's reads answered from the index alone (bench/README.md round 8: a lookup of the table row
  // per index entry was most of their time): licences with income by first receipt, execution times
  // by execution date, royalties and the monthly rollups by month.
  const covering: Array<[string, string, string[]]> = [
    [
      'licence_figures_income',
      'licence_figures',
      [
        'platform_id',
        'kind',
        'first_receipt',
        'last_receipt',
        'licence_kind',
        'exclusivity',
        'unit_id',
        'field_id',
        'agreement_id',
      ],
    ],
    [
      'licence_figures_execution',
      'licence_figures',
      ['platform_id', 'kind', 'execution_date', 'request_days', 'unit_id', 'field_id'],
    ],
    [
      'royalty_months_period',
      'royalty_months',
      ['platform_id', 'month', 'agreement_id', 'currency', 'amount_minor', 'unit_id', 'field_id'],
    ],
    [
      'agreement_months_period',
      'agreement_months',
      [
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
        'unit_id',
        'field_id',
      ],
    ],
    [
      'receipt_months_period',
      'receipt_months',
      [
        'platform_id',
        'month',
        'currency',
        'category',
        'kind',
        'licence_kind',
        'amount_minor',
        'receipts',
        'unit_id',
        'field_id',
      ],
    ],
  ];
  for (const [name, table, columns] of covering)
    await untyped.schema.createIndex(name).on(table).columns(columns).execute();
  // Their (platform_id, month) prefix serves every read the two narrower indexes of 0060 served.
  await untyped.schema.dropIndex('agreement_months_platform_month').execute();
  await untyped.schema.dropIndex('receipt_months_platform_month').execute();
  // Both tables are filled by 0071, whose rebuild writes the column it adds (the rebuild of today could
  // not run against this migration's table).
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agreement_months', 'receipt_months']) {
    await db.schema.dropIndex(`${table}_period`).execute();
    await db.schema
      .createIndex(`${table}_platform_month`)
      .on(table)
      .columns(['platform_id', 'month'])
      .execute();
  }
  await db.schema.dropTable('royalty_months').execute();
  await db.schema.dropTable('licence_figures').execute();
}
