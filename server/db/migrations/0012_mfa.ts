import { type Kysely, sql } from 'kysely';

// Frozen once released. Second factor (TOTP, RFC 6238) with single-use recovery codes, the pending second
// step of a sign-in, and the security and audit administrators of the separation of duties (三权分立,
// GB/T 22239-2019 §8.1.4; docs/adr/0014).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_mfa')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // AES-256-GCM ciphertext of the base32 secret (iv.tag.data, base64url); the key derives from SESSION_SECRET.
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    // Null while the enrolment waits for its confirming code.
    .addColumn('enabled_at', 'text')
    // The last accepted 30-second step: a code of this step or an earlier one is a replay.
    .addColumn('last_step', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mfa_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mfa_recovery_codes_user').on('mfa_recovery_codes').column('user_id').execute();

  // 1 while the password is verified and the second factor is not yet: such a session reaches only the
  // second step, the session read and sign-out.
  await db.schema
    .alterTable('sessions')
    .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('is_security_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // No account holds two of the three administrator kinds: the services answer first with a problem,
  // this check is the last word (a column check naming the other columns works on both databases).
  await db.schema
    .alterTable('users')
    .addColumn('is_audit_admin', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`is_system_admin + is_security_admin + is_audit_admin <= 1`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('is_audit_admin').execute();
  await db.schema.alterTable('users').dropColumn('is_security_admin').execute();
  await db.schema.alterTable('sessions').dropColumn('mfa_pending').execute();
  await db.schema.dropTable('mfa_recovery_codes').execute();
  await db.schema.dropTable('user_mfa').execute();
}
