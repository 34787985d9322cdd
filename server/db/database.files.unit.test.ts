import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('leaves a shared folder with the sticky bit (like /tmp) as it is and makes only the files owner-only', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'commonlab-mode-'));
    const shared = path.join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const file = path.join(shared, 'bench.sqlite');
    const database = createDatabase({ kind: 'sqlite', file });
    await sql`CREATE TABLE t (x integer)`.execute(database.db);
    await sql`INSERT INTO t VALUES (1)`.execute(database.db);
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    await database.close();
  });
});

describe('freed space is cleared (等保 8.1.4.10 a/b: secure_delete)', () => {
  it('leaves no byte of a deleted row in the database file once the WAL is checkpointed', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'commonlab-wipe-'));
    const file = path.join(root, 'data', 'commonlab.sqlite');
    const database = createDatabase({ kind: 'sqlite', file });
    const secret = 'token-hash-4f9c2e7a1b8d-must-not-survive';
    await sql`CREATE TABLE t (x text)`.execute(database.db);
    await sql`INSERT INTO t VALUES (${secret}), ('kept')`.execute(database.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
    expect(readFileSync(file).includes(secret)).toBe(true);
    await sql`DELETE FROM t WHERE x = ${secret}`.execute(database.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
    expect(readFileSync(file).includes(secret)).toBe(false);
    await database.close();
  });
});
