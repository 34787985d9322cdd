import type { Kysely } from 'kysely';

// Frozen once released. The open-data service (issue 15, ADR 0016): the public projection of every
// open record as last published, and one row holding the change sequence, so the changes feed and
// the dataset pages answer from the same state.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open_data_records')
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_seq', 'bigint', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('open_data_records_pk', ['dataset', 'record_id'])
    .execute();
  await db.schema
    .createIndex('open_data_records_seq')
    .on('open_data_records')
    .column('seq')
    .unique()
    .execute();
  await db.schema
    .createTable('open_data_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('synced_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open_data_state').execute();
  await db.schema.dropTable('open_data_records').execute();
}
