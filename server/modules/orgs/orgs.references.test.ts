import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignKeysTo } from '../../test/foreign-keys.js';
import { setupTestApp, TEST_DB, type TestApp } from '../../test/harness.js';
import { ORG_REFERENCES, referenceName } from './orgs.references.js';

/**
 * ORG_REFERENCES is what a merge moves and what the keeping rule (ADR 0013) reads: a column that
 * points at an organisation and is missing from it is left behind by a merge and lets any keeper edit
 * an organisation that column's platform uses. The database's own foreign keys are the full list.
 */
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

/** Columns named as organisation ids. */
async function columnsNamedOrganisation(): Promise<string[]> {
  const db = t.database.db;
  const { rows } =
    TEST_DB === 'postgres'
      ? await sql<{ table_name: string; column_name: string }>`
          select table_name, column_name from information_schema.columns
          where table_schema = current_schema()`.execute(db)
      : await sql<{ table_name: string; column_name: string }>`
          select m.name as table_name, c.name as column_name
          from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table'`.execute(db);
  return rows
    .filter((r) => r.column_name === 'organisation_id' || r.column_name.endsWith('_org_id'))
    .map((r) => `${r.table_name}.${r.column_name}`);
}

describe('the columns that point at an organisation', () => {
  it('lists every foreign key to organisations and every organisation-id column, and nothing else', async () => {
    const keys = await foreignKeysTo(t.database.db, 'organisations');
    expect(keys.length).toBeGreaterThan(10);
    const named = await columnsNamedOrganisation();
    // Every column named as an organisation id has its foreign key (bookings had none before 0063).
    expect(named.filter((c) => !keys.includes(c))).toEqual([]);
    expect(ORG_REFERENCES.map(referenceName).sort()).toEqual([...new Set([...keys, ...named])].sort());
  });
});
