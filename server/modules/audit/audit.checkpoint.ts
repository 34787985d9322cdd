import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { chainHead, hashAt } from './audit.repository.js';

/**
 * Signed checkpoints of the chain head, kept outside the database (AUDIT_CHECKPOINT_FILE, one JSON line
 * each, HMAC-SHA256 with AUDIT_KEY). Whoever owns the database can drop the append-only triggers and
 * cut the tail of the chain, setting the head back; the chain then still verifies on its own, but no
 * longer reaches the last checkpoint — and a forged checkpoint needs the key.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

const macOf = (key: string, c: Omit<Checkpoint, 'mac'>) =>
  createHmac('sha256', key).update(`commonlab-audit-checkpoint\n${c.seq}\n${c.hash}\n${c.at}`).digest('hex');

/** Appends a checkpoint of the current head (file mode 0600). */
export async function writeCheckpoint(
  db: Kysely<DB>,
  config: { auditKey: string; auditCheckpointFile: string },
  at: Date,
): Promise<Checkpoint> {
  const head = await chainHead(db);
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  const c = { ...body, mac: macOf(config.auditKey, body) };
  appendFileSync(config.auditCheckpointFile, `${JSON.stringify(c)}\n`, { mode: 0o600 });
  return c;
}

export type CheckpointResult =
  | { ok: true; checkpoints: number; lastSeq: number | null }
  | {
      ok: false;
      checkpoints: number;
      atSeq: number;
      reason: 'checkpoint_signature' | 'checkpoint_mismatch' | 'checkpoint_ahead';
    };

/** Each checkpoint must carry a valid signature and name an entry of the database with the same hash. */
export async function verifyCheckpoints(
  db: Kysely<DB>,
  config: { auditKey: string; auditCheckpointFile: string },
): Promise<CheckpointResult> {
  const file = config.auditCheckpointFile;
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  let last: number | null = null;
  for (const [i, line] of lines.entries()) {
    const c = JSON.parse(line) as Checkpoint;
    const expected = Buffer.from(macOf(config.auditKey, c), 'hex');
    const given = Buffer.from(String(c.mac), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, checkpoints: i, atSeq: c.seq, reason: 'checkpoint_signature' };
    if (c.seq === 0) continue;
    const hash = await hashAt(db, c.seq);
    if (hash === null) return { ok: false, checkpoints: i, atSeq: c.seq, reason: 'checkpoint_ahead' };
    if (hash !== c.hash) return { ok: false, checkpoints: i, atSeq: c.seq, reason: 'checkpoint_mismatch' };
    last = c.seq;
  }
  return { ok: true, checkpoints: lines.length, lastSeq: last };
}
