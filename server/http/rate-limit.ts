import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from './errors.js';

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

/**
 * A fixed-window limit per client IP whose counter lives in the database (table rate_limit_windows), so
 * several app processes behind one proxy enforce one limit. Each request costs one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING (hitWindow). Sends RateLimit-Limit/-Remaining/-Reset, and
 * Retry-After with the 429 problem.
 */
export function sharedRateLimit(bucket: string, max: number, windowMs = 60_000) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { database, clock } = request.server.deps;
    const now = clock.now().getTime();
    const start = now - (now % windowMs);
    const hits = await hitWindow(database.db, bucket, request.ip, new Date(start).toISOString());
    const reset = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
    reply.header('ratelimit-limit', max);
    reply.header('ratelimit-remaining', Math.max(0, max - hits));
    reply.header('ratelimit-reset', reset);
    if (hits > max) {
      reply.header('retry-after', reset);
      throw new AppError(429, 'request.rate_limited');
    }
  };
}
