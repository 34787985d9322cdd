import type { Kysely } from 'kysely';

// Frozen once released. Password expiry (issue 10, 等保 "定期更换"): the set-at time is users.password_changed_at
// (0001) and the earlier hashes password_history (0015); this adds the flag of a password someone else
// chose (an administrator's reset or a new account made for the user), which the user must replace at
// the next sign-in whatever its age.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_change_required').execute();
}
