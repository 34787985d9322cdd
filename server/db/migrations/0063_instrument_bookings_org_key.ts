import { type Kysely, sql } from 'kysely';

// Frozen once released. 0025 added instrument_bookings.organisation_id without a foreign key, the only
// organisation column without one (orgs.references.test.ts). Neither database adds a key to an existing
// column, so the column is made again with the key and its values copied; a booking naming an
// organisation that no longer exists (none is expected: organisations are merged, not deleted, and the
// merge moves bookings) keeps its booking and loses the name, as a deleted organisation's would.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update instrument_bookings set organisation_id = null
    where organisation_id is not null
      and not exists (select 1 from organisations o where o.id = instrument_bookings.organisation_id)`.execute(
    db,
  );
  await db.schema
    .alterTable('instrument_bookings')
    .addColumn('organisation_ref', 'text', (c) => c.references('organisations.id').onDelete('restrict'))
    .execute();
  await sql`update instrument_bookings set organisation_ref = organisation_id`.execute(db);
  await db.schema.alterTable('instrument_bookings').dropColumn('organisation_id').execute();
  await db.schema
    .alterTable('instrument_bookings')
    .renameColumn('organisation_ref', 'organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instrument_bookings').addColumn('organisation_plain', 'text').execute();
  await sql`update instrument_bookings set organisation_plain = organisation_id`.execute(db);
  await db.schema.alterTable('instrument_bookings').dropColumn('organisation_id').execute();
  await db.schema
    .alterTable('instrument_bookings')
    .renameColumn('organisation_plain', 'organisation_id')
    .execute();
}
