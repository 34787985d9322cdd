import type { Kysely } from 'kysely';

// Frozen once released. Proposals to link a person record to a user account: a platform admin proposes,
// the account's owner accepts or declines (issue 10; docs/adr/0013-curating-shared-records.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_link_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** pending | accepted | declined | superseded */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('person_link_requests_user')
    .on('person_link_requests')
    .columns(['user_id', 'state'])
    .execute();
  await db.schema
    .createIndex('person_link_requests_person')
    .on('person_link_requests')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_link_requests').execute();
}
