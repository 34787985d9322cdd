import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * The counters of rate_limit_windows (a platform table, server/db/ownership.ts): fixed windows of hits
 * per bucket, shared by every app process on the database. The HTTP limit (server/http/rate-limit.ts)
 * and the sign-in and password-reset counters (auth) count through these.
 */

/** Per database, the window each bucket family was last swept for in this process. */
const sweptAt = new WeakMap<object, Map<string, string>>();

/** The start (ISO) of the fixed window of `windowMs` that holds `nowMs`. */
export const windowStartOf = (nowMs: number, windowMs: number) =>
  new Date(nowMs - (nowMs % windowMs)).toISOString();

/**
 * Counts one hit of `family:key` in the window starting at `windowStart` with one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, and returns the window's hits so far. The family's windows
 * that have passed are swept once a window per process; only the family's, because families count in
 * windows of different lengths (a minute for a request limit, longer for failed sign-ins). A family name
 * holds letters, digits and '-' only (it is matched with LIKE).
 */
export async function hitWindow(
  db: Kysely<DB>,
  family: string,
  key: string,
  windowStart: string,
): Promise<number> {
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ bucket: `${family}:${key}`, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit_windows.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  const swept = sweptAt.get(db) ?? new Map<string, string>();
  sweptAt.set(db, swept);
  if (swept.get(family) !== windowStart) {
    swept.set(family, windowStart);
    await db
      .deleteFrom('rate_limit_windows')
      .where('bucket', 'like', `${family}:%`)
      .where('window_start', '<', windowStart)
      .execute();
  }
  return Number(row.hits);
}

/** The hits of `bucket` in the window starting at `windowStart` (0 when none). */
export async function hitsIn(db: Kysely<DB>, bucket: string, windowStart: string): Promise<number> {
  const row = await db
    .selectFrom('rate_limit_windows')
    .select('hits')
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return Number(row?.hits ?? 0);
}

/** Forgets every window of `bucket` (a counter of failures that a success ends). */
export async function clearBucket(db: Kysely<DB>, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limit_windows').where('bucket', '=', bucket).execute();
}
