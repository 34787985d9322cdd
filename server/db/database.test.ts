import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DB } from '../test/harness.js';

// A PostgreSQL server may end idle connections at any time (restart, failover, an admin's kill).
// The pool must survive that and serve the next query; on SQLite there is no server to do it.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh.database.close();
  await fresh.drop();
});

describe('database connections', () => {
  it('keeps serving after the server ends its idle connections', async () => {
    const { db } = fresh.database;
    // Open several pooled connections, then let them go idle.
    await Promise.all([1, 2, 3].map(() => sql`select 1`.execute(db)));
    if (TEST_DB === 'postgres') {
      const killed = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
      expect(killed.rows[0]!.n).toBeGreaterThan(0);
      // Give the pool a moment to receive the terminations of its idle connections.
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows = await Promise.all(
      [1, 2, 3].map(async (n) => (await sql<{ v: number }>`select ${n} + 0 as v`.execute(db)).rows[0]!.v),
    );
    expect(rows.map(Number)).toEqual([1, 2, 3]);
  });
});
