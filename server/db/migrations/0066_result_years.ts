import type { Kysely } from 'kysely';
import { rebuildResultYears } from '../../modules/results/results.service.js';
import type { DB } from '../schema.js';

// Yearly counts of results (issue 15, ADR 0043): per platform, unit, set of fields, type, state,
// visibility and year (result_years, owner results), moved by every write of a result or its fields in
// its transaction, so the analytics stop counting the results table. Like 0060 this migration fills it
// with the code it ships with (the owner's rebuild); a later change of the definition adds its own rebuild.
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  await untyped.schema
    .createTable('result_years')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The analytics' read: one platform's years of the period; unit, state and field cuts filter the few
  // rows that come back.
  await untyped.schema
    .createIndex('result_years_platform_year')
    .on('result_years')
    .columns(['platform_id', 'year'])
    .execute();
  const platforms = await db.selectFrom('platforms').select('id').execute();
  for (const p of platforms) await rebuildResultYears(db, p.id);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('result_years').execute();
}
