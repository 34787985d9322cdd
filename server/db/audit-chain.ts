import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../common/canonical-json.js';
import { type Ctx, isoNow, newId } from '../http/context.js';
import type { DialectSeam } from './dialect.js';
import { type RowValue, updateRow } from './rows.js';
import type { AuditLogTable, DB } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  platformId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type Hashed = Omit<AuditLogTable, 'hash'>;

/** The hash covers every stored column except itself, so any edit to a row or a reordering shows. */
export function entryHash(e: Hashed): string {
  const body = canonicalJson({
    seq: Number(e.seq),
    id: e.id,
    at: e.at,
    actor_id: e.actor_id,
    actor_label: e.actor_label,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    platform_id: e.platform_id,
    before_json: e.before_json,
    after_json: e.after_json,
    reason: e.reason,
    request_id: e.request_id,
  });
  return createHash('sha256').update(`${e.prev_hash}\n${body}`).digest('hex');
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : canonicalJson(v));

/** An entry as its writer gave it, before it takes its place in the chain (seq and prev_hash). */
type Prepared = Omit<Hashed, 'seq' | 'prev_hash'>;

/**
 * The entries of each open `write` transaction, appended at its end (ADR 0024): the chain head's row lock
 * is then taken by the transaction's last statements instead of its first audit entry, so concurrent writes
 * wait on each other only for the tail of the transaction and its commit.
 */
const atCommit = new WeakMap<Kysely<DB>, Prepared[]>();

function prepare(ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>, input: AuditInput): Prepared {
  // Stamped and serialised now, in the caller's order and with the values as they are now (a caller may
  // change an object after auditing it); only the chaining waits for the transaction's end.
  const { action, entityType, entityId = null, platformId = null, reason = null } = input;
  const actorLabel = ctx.actor
    ? `${ctx.actor.username}${ctx.actor.via === 'cli' ? ' (cli)' : ''}`
    : 'anonymous';
  const entry: Omit<RowValue<AuditLogTable>, 'seq' | 'prevHash' | 'hash'> = {
    id: newId(),
    at: isoNow(ctx.clock),
    actorId: ctx.actor?.userId || null,
    actorLabel,
    action,
    entityType,
    entityId,
    platformId,
    beforeJson: toJson(input.before),
    afterJson: toJson(input.after),
    reason,
    requestId: ctx.requestId,
  };
  return updateRow<AuditLogTable>(entry) as Prepared;
}

/** Rows per INSERT when a transaction appends many entries (SQLite allows 32,766 parameters). */
const CHUNK = 1_000;

/** Chains entries after the head under its row lock, inserts them and moves the head onto the last. */
async function chain(trx: Kysely<DB>, seam: DialectSeam, entries: Prepared[]): Promise<void> {
  const head = await seam
    .forUpdate(trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1))
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = entries.map((e) => {
    const row: Hashed = { ...e, seq: ++seq, prev_hash: prev };
    prev = entryHash(row);
    return { ...row, hash: prev };
  });
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  // One step per entry: the append-only guard (migration 0013) lets the head move only onto the next entry.
  for (const r of rows)
    await trx.updateTable('audit_head').set({ seq: r.seq, hash: r.hash }).where('id', '=', 1).execute();
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its audit row commit together; the head row lock serialises concurrent writers. Inside a
 * `write` (server/db/write.ts) the entry is chained when the write's callback has finished, just before
 * the commit; elsewhere (the seed, a transaction opened by hand) at once.
 */
export async function appendAudit(
  trx: Kysely<DB>,
  seam: DialectSeam,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>,
  input: AuditInput,
): Promise<void> {
  const entry = prepare(ctx, input);
  const pending = atCommit.get(trx);
  if (pending) pending.push(entry);
  else await chain(trx, seam, [entry]);
}

/**
 * Runs `fn` in the transaction `trx` with its audit entries held back, then chains them all as the
 * transaction's last statements. A failing `fn` appends nothing (its transaction rolls back anyway).
 */
export async function withAuditAtCommit<T>(
  trx: Kysely<DB>,
  seam: DialectSeam,
  fn: () => Promise<T>,
): Promise<T> {
  const pending: Prepared[] = [];
  atCommit.set(trx, pending);
  try {
    const result = await fn();
    atCommit.delete(trx);
    if (pending.length) await chain(trx, seam, pending);
    return result;
  } finally {
    atCommit.delete(trx);
  }
}

export type VerifyResult =
  | { ok: true; entries: number; headHash: string }
  | {
      ok: false;
      entries: number;
      brokenAtSeq: number;
      reason: 'hash_mismatch' | 'prev_mismatch' | 'gap' | 'head_mismatch';
    };

/** Re-computes the chain from the first entry; reports the first entry that does not fit. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 1000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, entries: count, brokenAtSeq: expectedSeq, reason: 'gap' };
      if (r.prev_hash !== prev)
        return { ok: false, entries: count, brokenAtSeq: seq, reason: 'prev_mismatch' };
      if (entryHash(r) !== r.hash)
        return { ok: false, entries: count, brokenAtSeq: seq, reason: 'hash_mismatch' };
      prev = r.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (Number(head.seq) !== count || head.hash !== prev) {
    return { ok: false, entries: count, brokenAtSeq: count + 1, reason: 'head_mismatch' };
  }
  return { ok: true, entries: count, headHash: prev };
}

/**
 * When the entity last had the action recorded, if ever: for a module showing "last done at" of an
 * action it audits (the conflicts' last refresh), without keeping a copy of the time itself.
 */
export async function lastAuditAt(
  db: Kysely<DB>,
  action: string,
  entityId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('at')
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at;
}
