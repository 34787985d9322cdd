import pino from 'pino';
import type { Config } from './config.js';
import { createDatabase, type Database, targetFromConfig } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type Ctx, cliActor, systemClock } from './http/context.js';
import { setPasswordHashCost } from './modules/auth/password.js';

// What the CLI commands share with `serve`, without loading the HTTP application.

export function cliCtx(config: Config, database: Database): Ctx {
  setPasswordHashCost(config.passwordHashCost);
  return {
    db: database.db,
    seam: database.seam,
    actor: cliActor(),
    requestId: null,
    log: pino({ level: config.logLevel }),
    clock: systemClock,
    config,
  };
}

/** Opens and migrates the configured database. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = createDatabase(targetFromConfig(config));
  await migrateToLatest(database.db as never);
  return database;
}
