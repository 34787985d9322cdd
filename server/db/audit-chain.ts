import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../common/canonical-json.js';
import { type Ctx, isoNow, newId } from '../http/context.js';
import type { DialectSeam } from './dialect.js';
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

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its audit row commit together; the head row lock serialises concurrent writers.
 */
export async function appendAudit(
  trx: Kysely<DB>,
  seam: DialectSeam,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>,
  input: AuditInput,
): Promise<void> {
  const head = await seam
    .forUpdate(trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1))
    .executeTakeFirstOrThrow();
  const row: Hashed = {
    seq: Number(head.seq) + 1,
    id: newId(),
    at: isoNow(ctx.clock),
    actor_id: ctx.actor?.userId || null,
    actor_label: ctx.actor ? `${ctx.actor.username}${ctx.actor.via === 'cli' ? ' (cli)' : ''}` : 'anonymous',
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    platform_id: input.platformId ?? null,
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    reason: input.reason ?? null,
    request_id: ctx.requestId,
    prev_hash: head.hash,
  };
  const hash = entryHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
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
