import type { Kysely } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, flag, jsonColumn } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';

/**
 * All SQL on open_data_records and open_data_state (ADR 0016): the public projection as last
 * published, one row per (dataset, record), and the change sequence that numbers every change.
 */

/** A record of the current projection, with the hash of its canonical JSON. */
export interface ProjectedRecord {
  dataset: string;
  id: string;
  body: string;
  hash: string;
}

/** A stored record: its public body (null once withdrawn) and the sequence numbers of its changes. */
export interface StoredRecord {
  dataset: string;
  id: string;
  body: unknown;
  createdSeq: number;
  seq: number;
  changedAt: string;
  withdrawn: boolean;
}

const toStored = (row: {
  dataset: string;
  record_id: string;
  body_json: string | null;
  created_seq: number;
  seq: number;
  changed_at: string;
  withdrawn: number;
}): StoredRecord => {
  const r = camelRow(row);
  return {
    dataset: r.dataset,
    id: r.recordId,
    body: jsonColumn(r.bodyJson),
    createdSeq: Number(r.createdSeq),
    seq: Number(r.seq),
    changedAt: r.changedAt,
    withdrawn: flag(r.withdrawn),
  };
};

/**
 * Compares the projection with the stored records and stores the difference, each change with the
 * next sequence number: new records, changed ones, and withdrawn ones (stored but no longer
 * projected). The state row is locked first, so concurrent syncs run one after the other and the
 * sequence numbers commit in order (a reader never sees seq n+1 before seq n). Returns the number of
 * changes stored.
 */
export async function storeDifference(
  trx: Kysely<DB>,
  seam: DialectSeam,
  projected: readonly ProjectedRecord[],
  now: string,
): Promise<number> {
  await trx
    .insertInto('open_data_state')
    .values({ id: 1, last_seq: 0, synced_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const state = await seam
    .forUpdate(trx.selectFrom('open_data_state').select('last_seq').where('id', '=', 1))
    .executeTakeFirstOrThrow();
  let seq = Number(state.last_seq);
  const stored = await trx
    .selectFrom('open_data_records')
    .select(['dataset', 'record_id', 'hash', 'withdrawn'])
    .execute();
  const key = (dataset: string, id: string) => `${dataset}\u0000${id}`;
  const known = new Map(stored.map((r) => [key(r.dataset, r.record_id), r]));
  const seen = new Set<string>();
  let changes = 0;
  for (const p of projected) {
    const k = key(p.dataset, p.id);
    seen.add(k);
    const old = known.get(k);
    if (old && old.withdrawn === 0 && old.hash === p.hash) continue;
    seq += 1;
    changes += 1;
    if (!old) {
      await trx
        .insertInto('open_data_records')
        .values({
          dataset: p.dataset,
          record_id: p.id,
          body_json: p.body,
          hash: p.hash,
          created_seq: seq,
          seq,
          changed_at: now,
          withdrawn: 0,
        })
        .execute();
    } else {
      // A record that comes back after a withdrawal is created anew for a mirror that deleted it.
      await trx
        .updateTable('open_data_records')
        .set({
          body_json: p.body,
          hash: p.hash,
          seq,
          changed_at: now,
          withdrawn: 0,
          ...(flag(old.withdrawn) ? { created_seq: seq } : {}),
        })
        .where('dataset', '=', p.dataset)
        .where('record_id', '=', p.id)
        .execute();
    }
  }
  for (const r of stored) {
    if (flag(r.withdrawn) || seen.has(key(r.dataset, r.record_id))) continue;
    seq += 1;
    changes += 1;
    await trx
      .updateTable('open_data_records')
      .set({ body_json: null, hash: '', seq, changed_at: now, withdrawn: 1 })
      .where('dataset', '=', r.dataset)
      .where('record_id', '=', r.record_id)
      .execute();
  }
  await trx
    .updateTable('open_data_state')
    .set({ last_seq: seq, synced_at: now })
    .where('id', '=', 1)
    .execute();
  return changes;
}

/** A page of a dataset's current records after `afterId` in id order (one more than `limit`, to tell if more follow). */
export async function recordsAfter(
  db: Kysely<DB>,
  dataset: string,
  afterId: string | null,
  limit: number,
): Promise<StoredRecord[]> {
  let q = db
    .selectFrom('open_data_records')
    .selectAll()
    .where('dataset', '=', dataset)
    .where('withdrawn', '=', 0);
  if (afterId !== null) q = q.where('record_id', '>', afterId);
  return (
    await q
      .orderBy('record_id')
      .limit(limit + 1)
      .execute()
  ).map(toStored);
}

/** Changes after sequence `since` in sequence order, across datasets (one more than `limit`). */
export async function changesAfter(db: Kysely<DB>, since: number, limit: number): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('open_data_records')
    .selectAll()
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return rows.map(toStored);
}

/** The newest change of a dataset, or of all of them: its sequence and time (0 and null when none). */
export async function lastChange(
  db: Kysely<DB>,
  dataset?: string,
): Promise<{ seq: number; changedAt: string | null }> {
  let q = db
    .selectFrom('open_data_records')
    .select((eb) => [eb.fn.max('seq').as('seq'), eb.fn.max('changed_at').as('changedAt')]);
  if (dataset !== undefined) q = q.where('dataset', '=', dataset);
  const row = await q.executeTakeFirst();
  return { seq: Number(row?.seq ?? 0), changedAt: (row?.changedAt as string | null) ?? null };
}
