import type { Kysely } from 'kysely';

// Frozen once released. Failed authorisation as security events (issue 10, ASVS 16.3.2): a refused
// request writes nothing to the audit chain, so the refusals get their own table. One row per user,
// method, route and minute, with a count, so a loop of refused requests cannot flood it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('first_request_id', 'text')
    .addColumn('last_request_id', 'text')
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('security_events_bucket', ['user_id', 'method', 'route', 'window_start'])
    .execute();
  await db.schema.createIndex('security_events_last_at').on('security_events').column('last_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('security_events').execute();
}
