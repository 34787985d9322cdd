import type { Kysely, Selectable } from 'kysely';
import { camelRow, jsonColumn, type RowValue } from '../../db/rows.js';
import type { AuditLogTable, DB } from '../../db/schema.js';

/**
 * Reads of the audit chain. The platform layer (server/db/audit-chain.ts) appends and verifies it; this
 * module only reads it, for the trail, the checkpoints and the counts other modules show.
 */

type Stored = RowValue<AuditLogTable>;

/** An entry as read: its row in camelCase, before and after parsed, without the previous entry's hash. */
export interface AuditEntry extends Omit<Stored, 'beforeJson' | 'afterJson' | 'prevHash'> {
  before: unknown;
  after: unknown;
}

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => {
  const { beforeJson, afterJson, prevHash: _prev, reason, requestId, hash, ...e } = camelRow(r);
  const before = jsonColumn(beforeJson);
  return { ...e, seq: Number(r.seq), before, after: jsonColumn(afterJson), reason, requestId, hash };
};

/** Which platforms' entries a reader may see: all of them, or those of the listed platforms. */
export type AuditScope = 'all' | readonly string[];

export interface EntryFilter {
  scope: AuditScope;
  platformId?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
}

function matching(db: Kysely<DB>, f: EntryFilter) {
  let query = db.selectFrom('audit_log');
  if (f.scope !== 'all') query = query.where('platform_id', 'in', [...f.scope]);
  if (f.platformId) query = query.where('platform_id', '=', f.platformId);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.actorId) query = query.where('actor_id', '=', f.actorId);
  // The label is the user name, with ' (cli)' when the same account ran a command on the server.
  if (f.actor) query = query.where('actor_label', 'in', [f.actor, `${f.actor} (cli)`]);
  if (f.action) query = query.where('action', '=', f.action);
  // Stored as ISO-8601 UTC text, so instants compare as text once normalised to the same form.
  if (f.from) query = query.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) query = query.where('at', '<', new Date(f.to).toISOString());
  if (f.beforeSeq) query = query.where('seq', '<', f.beforeSeq);
  return query;
}

/** Newest-first entries matching the filter, at most `limit`. */
export async function findEntries(db: Kysely<DB>, f: EntryFilter & { limit: number }): Promise<AuditEntry[]> {
  const rows = await matching(db, f).selectAll().orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map(toEntry);
}

/** How many entries match the filter (the export's size, checked before it writes). */
export async function countMatching(db: Kysely<DB>, f: EntryFilter): Promise<number> {
  const row = await matching(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many entries a reader with this scope may see (a non-empty platform list, or all). */
export async function countEntries(db: Kysely<DB>, scope: AuditScope): Promise<number> {
  let q = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (scope !== 'all') q = q.where('platform_id', 'in', [...scope]);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** The chain head: the last entry's sequence number and hash. */
export async function chainHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** The hash of the entry with this sequence number, or null when there is none. */
export async function hashAt(db: Kysely<DB>, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}

/** An entry's hash line: what the chain proves about it, without its before/after bodies. */
export type AuditHashLine = Pick<
  Stored,
  'seq' | 'at' | 'actorLabel' | 'action' | 'entityType' | 'entityId' | 'prevHash' | 'hash'
>;

/** The committed entries after `seq`, oldest first, at most `limit` (the syslog sender's feed). */
export async function hashLinesAfter(db: Kysely<DB>, seq: number, limit: number): Promise<AuditHashLine[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_label', 'action', 'entity_type', 'entity_id', 'prev_hash', 'hash'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...camelRow(r), seq: Number(r.seq) }));
}
