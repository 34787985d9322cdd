import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from './database.js';
import { latestMigration } from './migrate.js';
import { type DB, TABLES_IN_DEPENDENCY_ORDER } from './schema.js';

const FORMAT = 'commonlab-backup';
const BATCH = 500;

interface Header {
  format: typeof FORMAT;
  version: 1;
  migration: string;
  createdAt: string;
  source: string;
  tables: Record<string, number>;
}

/**
 * Writes every table to a gzip'd JSON-lines file from one read snapshot (online, consistent), in a
 * format both databases restore from — so a backup also moves a deployment from SQLite to PostgreSQL.
 */
export async function backup(database: Database, file: string): Promise<Header> {
  const { db, seam } = database;
  const tmp = `${file}.partial`;
  const header = await db.transaction().execute(async (trx) => {
    await seam.snapshotRead(trx);
    const counts: Record<string, number> = {};
    const lines: string[] = [];
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = await trx.selectFrom(table).selectAll().execute();
      counts[table] = rows.length;
      for (const row of rows) lines.push(JSON.stringify({ t: table, r: row }));
    }
    const h: Header = {
      format: FORMAT,
      version: 1,
      migration: latestMigration,
      createdAt: new Date().toISOString(),
      source: seam.name,
      tables: counts,
    };
    await pipeline(
      Readable.from([JSON.stringify(h), ...lines].map((l) => `${l}\n`)),
      createGzip(),
      createWriteStream(tmp, { mode: 0o600 }),
    );
    return h;
  });
  await rename(tmp, file);
  return header;
}

/** Replaces the whole database with a backup's content in one transaction; the schema must match. */
export async function restore(database: Database, file: string): Promise<Header> {
  const { db, seam } = database;
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const it = rl[Symbol.asyncIterator]();
  const first = await it.next();
  const header = JSON.parse(first.done ? '{}' : first.value) as Header;
  if (header.format !== FORMAT || header.version !== 1) throw new Error(`${file} is not a Commonlab backup`);
  if (header.migration !== latestMigration) {
    throw new Error(`backup schema ${header.migration} differs from this version's ${latestMigration}`);
  }
  await db.transaction().execute(async (trx) => {
    await seam.deferConstraints(trx);
    for (const table of [...TABLES_IN_DEPENDENCY_ORDER].reverse()) await trx.deleteFrom(table).execute();
    let table: string | null = null;
    let batch: Record<string, unknown>[] = [];
    const restored: Record<string, number> = {};
    const flush = async () => {
      if (table && batch.length)
        await trx
          .insertInto(table as keyof DB)
          .values(batch as never)
          .execute();
      batch = [];
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value.trim()) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: Record<string, unknown> };
      if (!(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(t))
        throw new Error(`unknown table ${t} in backup`);
      if (t !== table || batch.length >= BATCH) {
        await flush();
        table = t;
      }
      batch.push(r);
      restored[t] = (restored[t] ?? 0) + 1;
    }
    await flush();
    // A file with lines lost or added restores nothing: the counts written at backup time must match.
    for (const t of TABLES_IN_DEPENDENCY_ORDER) {
      if ((restored[t] ?? 0) !== (header.tables?.[t] ?? 0)) {
        throw new Error(
          `backup is damaged: ${t} has ${restored[t] ?? 0} rows, its header says ${header.tables?.[t] ?? 0}`,
        );
      }
    }
  });
  return header;
}
