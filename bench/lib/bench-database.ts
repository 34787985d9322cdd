import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { createDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { type Ctx, cliActor, systemClock } from '../../server/http/context.js';
import { findPostgresBin, startThrowawayPostgres } from '../../server/test/postgres-server.js';

/**
 * A fresh migrated database of `kind` (SQLite in a temporary DATA_DIR, or a throwaway PostgreSQL
 * cluster, with fsync and synchronous_commit on when `durable`) and a production-like service context;
 * `close` removes it all.
 */
export async function openBenchDatabase(kind: 'sqlite' | 'postgres', options: { durable?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-bench-'));
  const pg =
    kind === 'postgres'
      ? await startThrowawayPostgres(findPostgresBin()!, { durable: options.durable ?? false })
      : null;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    SEED_DEMO: 'false',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  const database = createDatabase(
    pg
      ? { kind: 'postgres', url: pg.url, max: 10 }
      : { kind: 'sqlite', file: path.join(dataDir, 'commonlab.sqlite') },
  );
  const close = async () => {
    try {
      await database.close();
    } finally {
      pg?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await migrateToLatest(database.db as never);
  } catch (err) {
    await close();
    throw err;
  }
  const ctx: Ctx = {
    db: database.db,
    seam: database.seam,
    actor: cliActor('bench'),
    requestId: null,
    log: pino({ level: 'silent' }),
    clock: systemClock,
    config,
  };
  return { config, database, ctx, pgUrl: pg?.url ?? null, close };
}

/** Runs `fn` on a database from openBenchDatabase, then removes it all. */
export async function withBenchDatabase<T>(
  kind: 'sqlite' | 'postgres',
  fn: (env: { database: Database; ctx: Ctx }) => Promise<T>,
): Promise<T> {
  const opened = await openBenchDatabase(kind);
  try {
    return await fn({ database: opened.database, ctx: opened.ctx });
  } finally {
    await opened.close();
  }
}
