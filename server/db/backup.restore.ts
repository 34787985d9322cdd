import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BackupHeader, backupLines, parseHeader, rowOfLine, sha256Hex } from './backup.js';
import type { Database } from './database.js';
import { createAuditGuards, dropAuditGuards } from './migrations/0013_audit_append_only.js';
import { type DB, TABLES_IN_DEPENDENCY_ORDER } from './schema.js';
import { writeCommittedOutside } from './write.js';

const BATCH = 500;
const KNOWN = new Set<string>(TABLES_IN_DEPENDENCY_ORDER);

type Line = { t: string; r: Record<string, unknown> } | { f: string; d: string };

export interface Restored {
  header: BackupHeader;
  /** Stored files written back; 0 for a version-1 backup, which holds none. */
  files: number;
}

/**
 * Replaces the whole database (one transaction) and adds the backup's stored files. The file is read
 * twice: the first pass checks everything — the header, each table's row count, the rows' sha256 and
 * each stored file's sha256 — and stages the files beside the store; only a backup that passes is
 * restored, so a damaged one leaves the database and the files as they were.
 */
export async function restore(database: Database, file: string, filesDir: string): Promise<Restored> {
  mkdirSync(filesDir, { recursive: true, mode: 0o700 });
  chmodSync(filesDir, 0o700);
  const staging = path.join(filesDir, `.restore-${randomUUID()}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    const { header, staged } = await verifyAndStage(file, staging);
    await replaceRows(database, file, header);
    for (const sha of staged) {
      const target = path.join(filesDir, sha);
      // Content-addressed: a file already there under the same name holds the same bytes.
      if (!existsSync(target)) renameSync(path.join(staging, sha), target);
    }
    return { header, files: staged.length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function verifyAndStage(file: string, staging: string) {
  const lines = backupLines(file);
  const first = await lines.next();
  const header = parseHeader(file, first.done ? undefined : first.value);
  const counts: Record<string, number> = {};
  const rowsHash = createHash('sha256');
  const staged: string[] = [];
  for await (const text of lines) {
    const line = JSON.parse(text) as Line;
    if ('t' in line) {
      if (!KNOWN.has(line.t)) throw new Error(`unknown table ${line.t} in backup`);
      counts[line.t] = (counts[line.t] ?? 0) + 1;
      rowsHash.update(`${text}\n`);
    } else {
      const bytes = Buffer.from(line.d, 'base64');
      if (!/^[0-9a-f]{64}$/.test(line.f) || sha256Hex(bytes) !== line.f)
        throw new Error(`backup is damaged: stored file ${line.f} does not match its checksum`);
      writeFileSync(path.join(staging, line.f), bytes, { mode: 0o600 });
      staged.push(line.f);
    }
  }
  // A file with lines lost or added restores nothing: the counts written at backup time must match.
  for (const t of TABLES_IN_DEPENDENCY_ORDER) {
    if ((counts[t] ?? 0) !== (header.tables?.[t] ?? 0)) {
      throw new Error(
        `backup is damaged: ${t} has ${counts[t] ?? 0} rows, its header says ${header.tables?.[t] ?? 0}`,
      );
    }
  }
  if (header.version === 2) {
    if (rowsHash.digest('hex') !== header.rowsSha256)
      throw new Error('backup is damaged: the rows do not match their checksum');
    if (staged.length !== header.files?.count)
      throw new Error(
        `backup is damaged: it holds ${staged.length} stored files, its header says ${header.files?.count}`,
      );
  }
  return { header, staged };
}

async function replaceRows(database: Database, file: string, header: BackupHeader) {
  const { db, seam } = database;
  const lines = backupLines(file);
  await lines.next();
  await db.transaction().execute(async (trx) => {
    await seam.deferConstraints(trx);
    // The trail is replaced wholesale, so its append-only guards are lifted for this transaction only.
    await dropAuditGuards(trx as never);
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
    for await (const text of lines) {
      const line = JSON.parse(text) as Line;
      if (!('t' in line)) continue;
      if (line.t !== table || batch.length >= BATCH) {
        await flush();
        table = line.t;
      }
      batch.push(rowOfLine(line.r));
      restored[line.t] = (restored[line.t] ?? 0) + 1;
    }
    await flush();
    // The file could have changed since the first pass; the counts are checked once more.
    for (const t of TABLES_IN_DEPENDENCY_ORDER) {
      if ((restored[t] ?? 0) !== (header.tables?.[t] ?? 0)) throw new Error(`backup changed during restore`);
    }
    await createAuditGuards(trx as never);
  });
  writeCommittedOutside();
}
