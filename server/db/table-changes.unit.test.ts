import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from './schema.js';
import { ChangedTables, countChange, generationOf } from './table-changes.js';

/** A Kysely that compiles SQLite and runs nothing: the plugin sees each statement as it is built. */
function watched() {
  const changed = new ChangedTables();
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }).withPlugin(changed);
  return { db, tables: changed.tables };
}

describe('ChangedTables', () => {
  it('names the tables of inserts, updates and deletes, and not of reads', async () => {
    const { db, tables } = watched();
    await db.selectFrom('users').selectAll().execute();
    await db.selectFrom('sessions').where('id', '=', 'x').selectAll().execute();
    expect([...tables]).toEqual([]);
    await db.updateTable('api_tokens').set({ revoked_at: 'now' }).where('id', '=', 'x').execute();
    await db.deleteFrom('sessions').where('user_id', '=', 'u').execute();
    await db
      .insertInto('platforms')
      .values({ id: 'p' } as never)
      .execute();
    expect([...tables].sort()).toEqual(['api_tokens', 'platforms', 'sessions']);
  });

  it('names a table read by a changing statement too (more drops, never fewer)', async () => {
    const { db, tables } = watched();
    await db
      .deleteFrom('role_assignments')
      .where('user_id', 'in', (eb) =>
        eb.selectFrom('users').select('id').where('disabled_at', 'is not', null),
      )
      .execute();
    expect([...tables].sort()).toEqual(['role_assignments', 'users']);
  });

  it('names every word of a raw changing statement, and nothing of a raw read', async () => {
    const { db, tables } = watched();
    await sql`select count(*) from users`.execute(db);
    expect([...tables]).toEqual([]);
    await sql`update users set disabled_at = ${'now'} where id = ${'u'}`.execute(db);
    expect(tables.has('users')).toBe(true);
  });

  it('never looks into a bound value (a file’s bytes would be walked one by one)', async () => {
    const { db, tables } = watched();
    const untouchable = new Proxy(Buffer.alloc(16), {
      ownKeys() {
        throw new Error('a bound value was walked');
      },
    });
    await db
      .insertInto('platforms')
      .values({ id: 'f', content: untouchable } as never)
      .execute();
    await sql`update users set email = ${untouchable} where id = ${'u'}`.execute(db);
    expect([...tables].sort()).toEqual(['email', 'id', 'platforms', 'set', 'update', 'users', 'where']);
  });
});

describe('generationOf', () => {
  it('grows only for a change of one of its tables, and for a change of tables unknown', () => {
    const sessions = generationOf(['sessions', 'users']);
    const before = sessions();
    countChange(new Set(['platforms', 'audit_log']));
    expect(sessions()).toBe(before);
    countChange(new Set(['platforms', 'users']));
    expect(sessions()).toBe(before + 1);
    countChange(null);
    expect(sessions()).toBe(before + 2);
  });
});
