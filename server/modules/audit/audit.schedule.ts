import { existsSync, readFileSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../http/context.js';
import { startIntervalJob } from '../../interval-job.js';
import { type Checkpoint, writeCheckpoint } from './audit.checkpoint.js';
import { chainHead } from './audit.repository.js';

interface Deps {
  db: Kysely<DB>;
  config: { auditKey: string; auditCheckpointFile: string; auditCheckpointMinutes: number };
  clock: Clock;
  log: FastifyBaseLogger;
  /** Told of each checkpoint written (the syslog copy, AUDIT_SYSLOG). */
  onCheckpoint?: (c: Checkpoint) => void;
}

/** The sequence number of the newest checkpoint in the file, or null when there is none. */
function lastCheckpointSeq(file: string): number | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.length ? (JSON.parse(lines.at(-1)!) as Checkpoint).seq : null;
}

/**
 * Writes a checkpoint when the chain has grown since the last one, so an idle server adds no lines and
 * a busy one anchors its head at least every interval. Returns the checkpoint written, if any.
 */
export async function checkpointIfAdvanced(deps: Omit<Deps, 'log'>): Promise<Checkpoint | null> {
  const head = await chainHead(deps.db);
  const last = lastCheckpointSeq(deps.config.auditCheckpointFile);
  if (head.seq === 0 || (last !== null && last >= head.seq)) return null;
  return writeCheckpoint(deps.db, deps.config, deps.clock.now());
}

/**
 * The server's own checkpoint timer (AUDIT_CHECKPOINT_MINUTES, 0 = off): one at start-up, then one per
 * interval while the chain grows. A failure is logged and retried at the next tick; it never stops
 * the server. Returns the function that stops the timer (called on shutdown).
 */
export const startCheckpointTimer = (deps: Deps) =>
  startIntervalJob(deps.log, {
    minutes: deps.config.auditCheckpointMinutes,
    run: () => checkpointIfAdvanced(deps),
    done: (c) => {
      if (!c) return;
      deps.log.info({ seq: c.seq }, 'audit checkpoint written');
      deps.onCheckpoint?.(c);
    },
    failed: 'audit checkpoint failed; retrying at the next interval',
  });
