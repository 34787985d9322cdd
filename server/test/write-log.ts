import { sql } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * "Nothing written" in one read of one small table, on both databases (docs/adr/0006).
 *
 * `watchWrites` installs, in the test's own database only, a row-level trigger on every table (read from
 * the database's catalogue, so a table added later is watched without editing this file) that appends
 * `(table, operation)` to `test_write_log` for every row inserted, deleted, or updated to a different value
 * (an UPDATE that leaves the row as it was is not a write, as for a snapshot of the rows), and for a
 * TRUNCATE on PostgreSQL. The log is written in the writer's transaction, so a rolled-back write leaves no
 * entry. Comparing `counts()` before and after a request therefore catches any committed write to any
 * watched table, and names the table, without reading any table's rows.
 *
 * Stricter than a snapshot in one way: a row inserted and deleted again by the same request counts as two
 * writes, where two snapshots would compare equal.
 */
export interface WriteWatch {
  /** Rows written per table since the watch was installed: `{ users: 3 }`; tables never written are absent. */
  counts(): Promise<Record<string, number>>;
}

/** Writes that are not the request's data: the sign-in rate limit and the record of refused requests. */
export const NOT_REQUEST_DATA = ['rate_limit_windows', 'security_events'] as const;

const LOG = 'test_write_log';
const installed = new WeakMap<Database, Promise<WriteWatch>>();

/** Watches every table but `except` (by default the counters in NOT_REQUEST_DATA); once per database. */
export function watchWrites(
  database: Database,
  except: readonly string[] = NOT_REQUEST_DATA,
): Promise<WriteWatch> {
  let watch = installed.get(database);
  if (!watch) {
    watch = install(database, except);
    installed.set(database, watch);
  }
  return watch;
}

async function install(database: Database, except: readonly string[]): Promise<WriteWatch> {
  const { db } = database;
  await sql`CREATE TABLE ${sql.table(LOG)} (table_name TEXT NOT NULL, op TEXT NOT NULL)`.execute(db);
  const skip = new Set([...except, LOG]);
  const tables = (await tablesOf(database)).filter((t) => !skip.has(t));
  if (database.file) {
    // One transaction: a commit per CREATE TRIGGER (300-odd) took seconds.
    await db.transaction().execute(async (trx) => {
      for (const table of tables) {
        const cols = (
          await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(trx)
        ).rows.map((c) => c.name);
        const changed = sql.join(
          cols.map((c) => sql`OLD.${sql.ref(c)} IS NOT NEW.${sql.ref(c)}`),
          sql` OR `,
        );
        for (const op of ['INSERT', 'DELETE', 'UPDATE'] as const) {
          const name = `${LOG}_${op.toLowerCase()}_${table}`;
          await sql`CREATE TRIGGER ${sql.id(name)} AFTER ${sql.raw(op)} ON ${sql.table(table)}
          ${op === 'UPDATE' ? sql`WHEN ${changed}` : sql``}
          BEGIN INSERT INTO ${sql.table(LOG)} VALUES (${sql.lit(table)}, ${sql.lit(op)}); END`.execute(trx);
        }
      }
    });
  } else {
    await sql`CREATE FUNCTION test_write_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_write_log VALUES (TG_TABLE_NAME, TG_OP);
        RETURN NULL;
      END $$`.execute(db);
    // One statement: 100-odd tables times three triggers would otherwise be 300 round trips.
    const ddl = tables.flatMap((table) => {
      const t = sql.table(table);
      return [
        sql`CREATE TRIGGER test_write_log_row AFTER INSERT OR DELETE ON ${t}
          FOR EACH ROW EXECUTE FUNCTION test_write_log_append()`,
        sql`CREATE TRIGGER test_write_log_update AFTER UPDATE ON ${t}
          FOR EACH ROW WHEN (OLD::text IS DISTINCT FROM NEW::text) EXECUTE FUNCTION test_write_log_append()`,
        sql`CREATE TRIGGER test_write_log_truncate AFTER TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION test_write_log_append()`,
      ];
    });
    await sql`DO $$ BEGIN ${sql.join(
      ddl.map((d) => sql`EXECUTE ${sql.lit(d.compile(db).sql)};`),
      sql` `,
    )} END $$`.execute(db);
  }
  return {
    async counts() {
      const { rows } = await sql<{ table_name: string; n: number | string }>`
        SELECT table_name, COUNT(*) AS n FROM ${sql.table(LOG)} GROUP BY table_name`.execute(db);
      return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]).sort());
    },
  };
}

async function tablesOf(database: Database): Promise<string[]> {
  const { rows } = database.file
    ? await sql<{ name: string }>`SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(database.db)
    : await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables
        WHERE schemaname = current_schema()`.execute(database.db);
  return rows.map((r) => r.name).sort();
}
