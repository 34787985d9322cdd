import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { TEST_DB } from './harness.js';

/**
 * The columns whose foreign key points at `table`, as `table.column`, sorted — read from the database's
 * own catalogue, so a test can compare a module's list of references with what the schema declares.
 */
export async function foreignKeysTo(db: Kysely<DB>, table: string): Promise<string[]> {
  if (TEST_DB === 'postgres') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select cl.relname as table_name, att.attname as column_name
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute att on att.attrelid = c.conrelid and att.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = ${table}::regclass`.execute(db);
    return rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select m.name as table_name, f."from" as column_name
    from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" = ${table}`.execute(db);
  return rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
}
