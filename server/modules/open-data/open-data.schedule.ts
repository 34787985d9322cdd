import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from '../../interval-job.js';
import { type DumpCtx, dumpOpenData } from './open-data.dumps.js';

/**
 * The server's bulk-dump timer (OPEN_DATA_DUMP_MINUTES, 0 = off), wired like the audit checkpoints: one
 * at start-up, then one per interval; a dump is written only when the public data changed. A failure
 * is logged and retried at the next tick; it never stops the server. Returns the function that stops
 * the timer (called on shutdown).
 */
export const startDumpTimer = (ctx: DumpCtx, log: FastifyBaseLogger) =>
  startIntervalJob(log, {
    minutes: ctx.config.openData.dumpMinutes,
    run: () => dumpOpenData(ctx),
    done: (r) => r.written && log.info({ seq: r.manifest.seq }, 'open-data dump written'),
    failed: 'open-data dump failed; retrying at the next interval',
  });
