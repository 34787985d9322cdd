import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type DialectSeam, postgresSeam, sqliteSeam } from './dialect.js';
import type { DB } from './schema.js';

export interface Database {
  db: Kysely<DB>;
  seam: DialectSeam;
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file?: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; max?: number };

// int8 (COUNT, SUM, bigint money) as a JS number: minor units stay far below 2^53.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} exceeds the safe integer range`);
  return n;
});

export function targetFromConfig(config: { databaseUrl?: string; dataDir: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'sqlite', file: path.join(config.dataDir, 'commonlab.sqlite') };
}

/** Opens the database; SQLite gets WAL, foreign keys, durable commits and zeroed freed space. */
export function createDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') ownerOnly(target.file);
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, so a deleted session, token or person leaves no bytes in
    // freed pages (等保 8.1.4.10, docs/security/dengbao-2.0-l3.md); the cost is a write per freed cell.
    sqlite.pragma('secure_delete = ON');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, seam: sqliteSeam, file: target.file, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
  // An idle connection the server ends (restart, failover, a dropped database) emits 'error' on the
  // pool; without a listener that kills the process. The pool replaces the connection on next use.
  pool.on('error', (err) => {
    process.stderr.write(`postgres: an idle connection was closed by the server: ${err.message}\n`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, seam: postgresSeam, close: () => db.destroy() };
}

/**
 * The database holds password hashes, sessions and unpublished proposals: the folder is 0700 and the
 * file 0600, also when an older version created them world-readable. SQLite gives the -wal and -shm
 * files it creates the mode of the database file, so creating that file first at 0600 covers them;
 * ones already there are fixed too. A folder with the sticky bit (/tmp, /var/tmp) is shared by design:
 * it keeps its mode — making it 0700 would lock every other user of the machine out of it — and only the
 * files are made owner-only.
 */
function ownerOnly(file: string) {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o1000) === 0) chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running a small query. Reusing
 * prepared statements by SQL text (bounded, least recently used out) roughly halves a list request.
 * SQLite re-prepares a cached statement by itself when the schema changes.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
