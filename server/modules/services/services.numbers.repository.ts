import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

// The numbers of service requests (migration 0068): the counters per platform and year, and the
// numbers' reads for other modules.

/**
 * The next number of a request made now on the platform: SR-<year>-<five digits>, per platform and
 * calendar year (UTC), gapless, from a counter row the transaction holds until it commits (so a request
 * that fails later leaves no hole), as application receipts are numbered.
 */
export async function nextRequestNumber(trx: Kysely<DB>, platformId: string, at: string): Promise<string> {
  const year = Number(at.slice(0, 4));
  const row = await trx
    .insertInto('service_request_counters')
    .values({ platform_id: platformId, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['platform_id', 'year'])
        .doUpdateSet({ last_seq: sql<number>`service_request_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return `SR-${year}-${String(Number(row.last_seq)).padStart(5, '0')}`;
}

/** The numbers of the given requests, for other modules' views (the voucher statement). */
export async function requestNumbers(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_requests')
    .select(['id', 'number'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
