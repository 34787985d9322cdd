import type { FastifyBaseLogger } from 'fastify';
import { type DumpCtx, dumpOpenData } from './open-data.dumps.js';

/**
 * The server's bulk-dump timer (OPEN_DATA_DUMP_MINUTES, 0 = off), wired like the audit checkpoints: one
 * at start-up, then one per interval; a dump is written only when the public data changed. A failure
 * is logged and retried at the next tick; it never stops the server. Returns the function that stops
 * the timer (called on shutdown).
 */
export function startDumpTimer(ctx: DumpCtx, log: FastifyBaseLogger): () => Promise<unknown> {
  const minutes = ctx.config.openData.dumpMinutes;
  if (minutes <= 0) return async () => undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = dumpOpenData(ctx).then(
      (r) => r.written && log.info({ seq: r.manifest.seq }, 'open-data dump written'),
      (err: unknown) => log.error({ err }, 'open-data dump failed; retrying at the next interval'),
    );
  };
  tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
