import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Whether the database answers a trivial query at all. */
export async function databaseReachable(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest migration applied, from Kysely's own bookkeeping table (not in the schema types), or null
 * when the table is missing: a database that was never migrated, not one that is down.
 */
export async function lastAppliedMigration(db: Kysely<DB>): Promise<string | null> {
  const last = await db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .orderBy('name' as never, 'desc')
    .executeTakeFirst()
    .catch(() => undefined);
  return (last as { name?: string } | undefined)?.name ?? null;
}
