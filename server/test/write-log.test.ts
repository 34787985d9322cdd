import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES_IN_DEPENDENCY_ORDER } from '../db/schema.js';
import { buildPlatform } from './factories.js';
import { setupTestApp } from './harness.js';
import { NOT_REQUEST_DATA, watchWrites } from './write-log.js';

// The checker behind "nothing written" in the bad-input sweep (server/http/bad-input.test.ts): it must see
// every kind of committed write, and only those.
const t = await setupTestApp();
afterAll(() => t.close());
const writes = await watchWrites(t.database);
const { db } = t.database;

describe('watchWrites', () => {
  it('watches every table a snapshot of the rows covers, and no counter', async () => {
    const { rows } = t.database.file
      ? await sql<{ name: string }>`SELECT DISTINCT tbl_name AS name FROM sqlite_master
          WHERE type = 'trigger' AND name LIKE 'test_write_log%'`.execute(db)
      : await sql<{ name: string }>`SELECT DISTINCT event_object_table AS name
          FROM information_schema.triggers WHERE trigger_name LIKE 'test_write_log%'`.execute(db);
    const watched = rows.map((r) => r.name);
    const skipped: readonly string[] = NOT_REQUEST_DATA;
    const covered = TABLES_IN_DEPENDENCY_ORDER.filter((table) => !skipped.includes(table));
    expect(watched).toEqual(expect.arrayContaining(covered));
    for (const counter of NOT_REQUEST_DATA) expect(watched).not.toContain(counter);
  });

  it('counts an insert, a changed row and a delete, by table', async () => {
    const before = await writes.counts();
    const { id } = await buildPlatform(t.systemCtx());
    const afterInsert = await writes.counts();
    expect(afterInsert.platforms).toBe((before.platforms ?? 0) + 1);

    await db.updateTable('platforms').set({ name_en: 'Renamed' }).where('id', '=', id).execute();
    expect((await writes.counts()).platforms).toBe(afterInsert.platforms! + 1);

    await db.deleteFrom('platforms').where('id', '=', id).execute();
    expect((await writes.counts()).platforms).toBe(afterInsert.platforms! + 2);
  });

  it('does not count an update that leaves the row as it was, as a snapshot would not', async () => {
    const { id } = await buildPlatform(t.systemCtx());
    const before = await writes.counts();
    await db
      .updateTable('platforms')
      .set((eb) => ({ name_en: eb.ref('name_en'), updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
    expect(await writes.counts()).toEqual(before);
  });

  it('does not count a write its transaction rolled back', async () => {
    const before = await writes.counts();
    await expect(
      db.transaction().execute(async (trx) => {
        await buildPlatform({ ...t.systemCtx(), db: trx });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await writes.counts()).toEqual(before);
  });

  it('leaves out the rate-limit counter, which counts refused requests by design', async () => {
    const before = await writes.counts();
    await db
      .insertInto('rate_limit_windows')
      .values({ bucket: 'test:write-log', window_start: '2026-06-01T08:00:00.000Z', hits: 1 })
      .execute();
    expect(await writes.counts()).toEqual(before);
  });
});
