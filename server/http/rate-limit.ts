import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from './errors.js';

const sweptAt = new WeakMap<object, string>();

/**
 * A fixed-window limit per client IP whose counter lives in the database (table rate_limit_windows), so
 * several app processes behind one proxy enforce one limit. Each request costs one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING; windows that have passed are swept once a window per
 * process. Sends RateLimit-Limit/-Remaining/-Reset, and Retry-After with the 429 problem.
 */
export function sharedRateLimit(bucket: string, max: number, windowMs = 60_000) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { database, clock } = request.server.deps;
    const db = database.db;
    const now = clock.now().getTime();
    const start = now - (now % windowMs);
    const windowStart = new Date(start).toISOString();
    const row = await db
      .insertInto('rate_limit_windows')
      .values({ bucket: `${bucket}:${request.ip}`, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc
          .columns(['bucket', 'window_start'])
          .doUpdateSet({ hits: sql<number>`rate_limit_windows.hits + 1` }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (sweptAt.get(db) !== windowStart) {
      sweptAt.set(db, windowStart);
      await db.deleteFrom('rate_limit_windows').where('window_start', '<', windowStart).execute();
    }
    const hits = Number(row.hits);
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
