import type { Kysely } from 'kysely';

// Frozen once released. The analytics' grouped counts read from indexes alone (issue 15, docs/analytics.md
// 'Speed'; EXPLAIN on both databases showed each of these scanning the table).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Published results of a platform by year and type, a unit cut included: a range scan of this index.
  await db.schema
    .createIndex('results_analytics')
    .on('results')
    .columns(['platform_id', 'state', 'year', 'type', 'unit_id'])
    .execute();
  // A lab director's cut: its unit's disclosures (and through them filings) in the period.
  await db.schema
    .createIndex('ip_disclosures_unit')
    .on('ip_disclosures')
    .columns(['platform_id', 'unit_id', 'received_date'])
    .execute();
  // A lab director's cut of licences executed.
  await db.schema
    .createIndex('agreements_unit')
    .on('agreements')
    .columns(['platform_id', 'unit_id', 'kind', 'execution_date'])
    .execute();
  // The licensing agreements behind licence income, as a set of ids (a unit cut included) without
  // reading the table: the set cost 4 s of table reads per dashboard at 150,000 agreements on SQLite.
  await db.schema
    .createIndex('agreements_licensing')
    .on('agreements')
    .columns(['platform_id', 'kind', 'unit_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreements_licensing').execute();
  await db.schema.dropIndex('agreements_unit').execute();
  await db.schema.dropIndex('ip_disclosures_unit').execute();
  await db.schema.dropIndex('results_analytics').execute();
}
