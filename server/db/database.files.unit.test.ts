import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';

const mode = (f: string) => statSync(f).mode & 0o777;
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the SQLite files are owner-only', () => {
  it('creates the data folder 0700 and the database, WAL and SHM files 0600', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'commonlab-mode-'));
    const file = path.join(root, 'data', 'commonlab.sqlite');
    const database = createDatabase({ kind: 'sqlite', file });
    await sql`CREATE TABLE t (x integer)`.execute(database.db);
    await sql`INSERT INTO t VALUES (1)`.execute(database.db);
    expect(mode(path.dirname(file))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    await database.close();
  });

  it('tightens the folder and files an older version left world-readable', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'commonlab-mode-'));
    const dir = path.join(root, 'data');
    const file = path.join(dir, 'commonlab.sqlite');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(file, '', { mode: 0o644 });
    writeFileSync(`${file}-wal`, '', { mode: 0o644 });
    chmodSync(file, 0o644);
    chmodSync(`${file}-wal`, 0o644);
    const database = createDatabase({ kind: 'sqlite', file });
    await sql`CREATE TABLE t (x integer)`.execute(database.db);
    expect(mode(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    await database.close();
  });
});
