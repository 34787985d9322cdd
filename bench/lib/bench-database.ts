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
 * Runs `fn` on a fresh migrated database of `kind` (SQLite in a temporary DATA_DIR, or a throwaway
 * PostgreSQL cluster) with a production-like service context, then removes it all.
 */
export async function withBenchDatabase<T>(
  kind: 'sqlite' | 'postgres',
  fn: (env: { database: Database; ctx: Ctx }) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-bench-'));
  const pg = kind === 'postgres' ? await startThrowawayPostgres(findPostgresBin()!) : null;
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
  try {
    await migrateToLatest(database.db as never);
    const ctx: Ctx = {
      db: database.db,
      seam: database.seam,
      actor: cliActor('bench'),
      requestId: null,
      log: pino({ level: 'silent' }),
      clock: systemClock,
      config,
    };
    return await fn({ database, ctx });
  } finally {
    await database.close();
    pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
