import type { FastifyReply, FastifyRequest } from 'fastify';
import { hitWindow } from '../db/rate-limit-windows.js';
import { AppError } from './errors.js';

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
