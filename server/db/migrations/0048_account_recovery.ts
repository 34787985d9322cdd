import type { Kysely } from 'kysely';

// Frozen once released. Accounts for the public (issue 10/12, docs/sign-in.md): forgot-password tokens and
// the sign-in challenges already answered.
// - password_resets: one row per e-mailed reset link. Only the SHA-256 of the token is kept, so a copy of
//   the database (a backup, a read-only leak) cannot reset anyone's password; used_at makes it single-use.
// - used_challenges: the proof-of-work challenges a sign-in has spent (their signature), until they expire,
//   so a solved challenge cannot be replayed; the primary key makes the claim atomic across processes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').columns(['user_id']).execute();
  await db.schema
    .createTable('used_challenges')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('used_challenges_expiry')
    .on('used_challenges')
    .columns(['expires_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('used_challenges').execute();
  await db.schema.dropTable('password_resets').execute();
}
