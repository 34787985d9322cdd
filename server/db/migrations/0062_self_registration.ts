import type { Kysely } from 'kysely';

// Frozen once released. Self-registration of people and their organisations (issue 12, docs/adr/0045):
// - registrations: one person's request for an applicant account on one platform. It holds the scrypt
//   hash of the chosen password (never the password), the SHA-256 of the e-mailed verification token
//   (never the token), the organisation picked (organisation_id) or proposed (proposed_*), the privacy
//   notice version agreed to, and the keepers' decision. state: unverified → pending → approved | refused.
//   user_id / person_id are the account and person the approval created (never existing ones).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('proposed_name', 'text')
    .addColumn('proposed_credit_code', 'text')
    .addColumn('proposed_type', 'text')
    .addColumn('proposed_size', 'text')
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('refusal_reason', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registrations_token')
    .on('registrations')
    .column('token_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex('registrations_email')
    .on('registrations')
    .columns(['email', 'state'])
    .execute();
  await db.schema
    .createIndex('registrations_queue')
    .on('registrations')
    .columns(['state', 'platform_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registrations').execute();
}
