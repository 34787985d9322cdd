import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import type { DB, ResultYearsTable } from '../../db/schema.js';

// Results per platform, unit, set of fields, type, state, visibility and year (result_years, migration
// 0066, ADR 0043), moved by every write of a result or of its fields in its transaction, so the analytics
// read a few rows per year instead of the results. A result counts once, under the whole sorted set of
// its fields: a field cut (a field with its sub-fields) then counts each result naming any of them once.

type Cell = Omit<ResultYearsTable, 'key' | 'n'>;

/** The key of a cell: its columns, the set of fields as a digest (a result may name 200 fields). */
export const resultYearKey = (c: Cell) =>
  [
    c.platform_id,
    c.unit_id ?? '',
    c.type,
    c.state,
    c.visibility,
    c.year ?? '',
    createHash('sha1').update(c.fields).digest('hex'),
  ].join('|');

const fieldsKey = (ids: readonly string[]) => [...ids].sort().join(',');

/** The cell a result counts in now (undefined when it does not exist); locked on PostgreSQL. */
async function cellOf(db: Kysely<DB>, seam: DialectSeam, id: string): Promise<Cell | undefined> {
  const row = await seam
    .forUpdate(
      db
        .selectFrom('results')
        .select(['platform_id', 'unit_id', 'type', 'state', 'visibility', 'year'])
        .where('id', '=', id),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const fields = await db
    .selectFrom('result_fields')
    .select('field_id')
    .where('result_id', '=', id)
    .execute();
  return {
    ...row,
    year: row.year === null ? null : Number(row.year),
    fields: fieldsKey(fields.map((f) => f.field_id)),
  };
}

/** Adds `n` to a cell (atomic on both databases: an upsert adding to the stored count). */
async function addToCell(db: Kysely<DB>, c: Cell, n: number): Promise<void> {
  await db
    .insertInto('result_years')
    .values({ key: resultYearKey(c), ...c, n })
    .onConflict((oc) => oc.column('key').doUpdateSet({ n: sql`result_years.n + excluded.n` }))
    .execute();
}

/**
 * Runs a write of a result or of its fields (insertion, edit, state change, deletion) and moves the
 * result from the cell it counted in to the one it counts in after it. The result's row is read (and on
 * PostgreSQL locked) before the write, so a concurrent write of the same result waits for this one.
 */
export async function withYearsKept(
  db: Kysely<DB>,
  seam: DialectSeam,
  resultId: string,
  write: () => Promise<void>,
): Promise<void> {
  const before = await cellOf(db, seam, resultId);
  await write();
  const after = await cellOf(db, seam, resultId);
  const moves: Array<[Cell, number]> = [];
  if (before) moves.push([before, -1]);
  if (after) moves.push([after, 1]);
  if (moves.length === 2 && resultYearKey(before!) === resultYearKey(after!)) return;
  // In key order: two transactions moving results between the same two cells in opposite directions
  // take the cells' row locks in the same order on PostgreSQL, so one waits rather than deadlocks.
  moves.sort(([a], [b]) => (resultYearKey(a) < resultYearKey(b) ? -1 : 1));
  for (const [cell, n] of moves) await addToCell(db, cell, n);
}

/** The cells a platform's results add up to, counted from the records (the rebuild and the tests' recount). */
export async function resultYearsRecount(db: Kysely<DB>, platformId: string) {
  const { rows } = await sql<Cell & { n: unknown }>`
    SELECT r.platform_id, r.unit_id, r.type, r.state, r.visibility, r.year, r.fields, count(*) AS n
    FROM (
      SELECT platform_id, unit_id, type, state, visibility, year,
        coalesce((SELECT string_agg(rf.field_id, ',' ORDER BY rf.field_id) FROM result_fields rf
          WHERE rf.result_id = results.id), '') AS fields
      FROM results WHERE platform_id = ${platformId}
    ) r
    GROUP BY r.platform_id, r.unit_id, r.type, r.state, r.visibility, r.year, r.fields`.execute(db);
  return rows.map((r) => {
    const cell: Cell = { ...r, year: r.year === null ? null : Number(r.year) };
    return { key: resultYearKey(cell), ...cell, n: Number(r.n) };
  });
}

/**
 * Recomputes a platform's rows from its results: the migration's fill, and for results written straight
 * into the tables in bulk (the benchmarks' generator) or repaired by hand after a restore (ADR 0043).
 */
export async function rebuildResultYears(db: Kysely<DB>, platformId: string): Promise<void> {
  const rows = await resultYearsRecount(db, platformId);
  await db.deleteFrom('result_years').where('platform_id', '=', platformId).execute();
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('result_years')
      .values(rows.slice(i, i + 100))
      .execute();
}
