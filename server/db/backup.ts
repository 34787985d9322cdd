import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from './database.js';
import { latestMigration } from './migrate.js';
import { TABLES_IN_DEPENDENCY_ORDER } from './schema.js';

export const BACKUP_FORMAT = 'commonlab-backup';

/**
 * Version 2 (current): the header, then one `{t, r}` line per row (a binary column's value as
 * `{"$base64": …}`, `rowLine`), then one `{f, d}` line per stored file (its sha256 and its bytes in base64). Version 1 (before files were included) held rows only;
 * it still restores, and the restore says that it brought back no files.
 */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1 | 2;
  migration: string;
  createdAt: string;
  source: string;
  tables: Record<string, number>;
  /** sha256 over the row lines as written (each with its newline); version 2. */
  rowsSha256?: string;
  /** Stored files held in the backup; version 2. */
  files?: { count: number; bytes: number };
  /** Files the rows refer to that were missing or damaged on disk when the backup was made. */
  missingFiles?: string[];
}

/**
 * Every column that names a stored file by its sha256: the application attachments, the reports
 * delivered on service requests, the announcements' attachments and a project's evidence (milestones,
 * spending, reports, checks). A module that stores files adds its column here, or its files are left out
 * of backups: backup.test.ts compares the store with the backup's files, and backup.files.unit.test.ts
 * fails when a module stores a file in the attachments directory without being listed.
 */
export const FILE_COLUMNS: Partial<Record<(typeof TABLES_IN_DEPENDENCY_ORDER)[number], string>> = {
  application_attachments: 'sha256',
  service_requests: 'report_sha256',
  announcements: 'attachment_sha256',
  project_evidence: 'sha256',
};

/** A binary column's value in a row line: JSON has no bytes, so they go as base64 under this key. */
const BYTES = '$base64';

/** One row's line: `{t, r}`, a binary value (a Buffer) as `{"$base64": …}`. */
export const rowLine = (table: string, row: Record<string, unknown>) =>
  `${JSON.stringify({ t: table, r: row }, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return Buffer.isBuffer(raw) ? { [BYTES]: raw.toString('base64') } : value;
  })}\n`;

/** A row read from its line, its binary values as Buffers again. */
export function rowOfLine(r: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(r)) {
    const b64 = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[BYTES] : undefined;
    if (typeof b64 === 'string') r[k] = Buffer.from(b64, 'base64');
  }
  return r;
}

/** What the rows of one table refer to on disk, by their sha256 names. */
function referencedFiles(rows: Record<string, unknown>[], column: string): string[] {
  return rows.map((r) => r[column]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Writes every table and every stored file it refers to into one gzip'd JSON-lines file (mode 0600),
 * rows from one read snapshot (online, consistent). Stored files are content-addressed and never
 * rewritten, so reading them after the snapshot still gives exactly the files the rows name. Both
 * databases restore the format, so a backup also moves a deployment from SQLite to PostgreSQL.
 */
export async function backup(database: Database, file: string, filesDir: string): Promise<BackupHeader> {
  const { db, seam } = database;
  const tmp = `${file}.partial`;
  const { counts, lines, shas } = await db.transaction().execute(async (trx) => {
    await seam.snapshotRead(trx);
    const counts: Record<string, number> = {};
    const lines: string[] = [];
    const referenced = new Set<string>();
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = await trx.selectFrom(table).selectAll().execute();
      counts[table] = rows.length;
      const column = FILE_COLUMNS[table];
      if (column) for (const sha of referencedFiles(rows, column)) referenced.add(sha);
      for (const row of rows) lines.push(rowLine(table, row));
    }
    return { counts, lines, shas: [...referenced].sort() };
  });
  const rowsHash = createHash('sha256');
  for (const l of lines) rowsHash.update(l);
  // A file that is gone or damaged is named in the header instead of failing the whole backup: the
  // rows are still worth keeping, and the CLI reports the loss.
  const present: string[] = [];
  const missingFiles: string[] = [];
  let bytes = 0;
  for (const sha of shas) {
    const p = path.join(filesDir, sha);
    const ok = existsSync(p) && sha256Hex(readFileSync(p)) === sha;
    if (ok) {
      present.push(sha);
      bytes += readFileSync(p).length;
    } else missingFiles.push(sha);
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 2,
    migration: latestMigration,
    createdAt: new Date().toISOString(),
    source: seam.name,
    tables: counts,
    rowsSha256: rowsHash.digest('hex'),
    files: { count: present.length, bytes },
    missingFiles,
  };
  async function* content() {
    yield `${JSON.stringify(header)}\n`;
    yield* lines;
    for (const sha of present) {
      yield `${JSON.stringify({ f: sha, d: readFileSync(path.join(filesDir, sha)).toString('base64') })}\n`;
    }
  }
  await pipeline(Readable.from(content()), createGzip(), createWriteStream(tmp, { mode: 0o600 }));
  await rename(tmp, file);
  return header;
}

export const sha256Hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The lines of a backup file, the header first; a damaged gzip stream fails the iteration. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) if (line.trim()) yield line;
}

export function parseHeader(file: string, line: string | undefined): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line ?? '{}') as BackupHeader;
  } catch {
    throw new Error(`${file} is not a Commonlab backup`);
  }
  if (header.format !== BACKUP_FORMAT || (header.version !== 1 && header.version !== 2))
    throw new Error(`${file} is not a Commonlab backup`);
  if (header.migration !== latestMigration) {
    throw new Error(`backup schema ${header.migration} differs from this version's ${latestMigration}`);
  }
  return header;
}
