import { loadConfig } from './config.js';
import { cliCtx, openDatabase } from './runtime.js';

export type CliCtx = ReturnType<typeof cliCtx>;

/** Runs `fn` against the configured database, closing it afterwards (every `commonlab` command that reads or writes). */
export async function withDb<T>(fn: (ctx: CliCtx) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await fn(cliCtx(config, database));
  } finally {
    await database.close();
  }
}
