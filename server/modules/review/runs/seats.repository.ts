/** The seats read across calls: an expert's own, and counts per call for the officers' list. */
import type { Kysely } from 'kysely';
import { camelRow } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import type { Seat } from './runs.repository.js';

/** The expert's seats, newest invitation first, each with its call's scoring deadline. */
export async function seatsOfExpert(
  db: Kysely<DB>,
  expertId: string,
): Promise<(Seat & { scoringClosesAt: string | null })[]> {
  const rows = await db
    .selectFrom('review_assignments as s')
    .leftJoin('call_review_settings as r', 'r.call_id', 's.call_id')
    .selectAll('s')
    .select('r.scoring_closes_at')
    .where('s.expert_id', '=', expertId)
    .orderBy('s.invited_at', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map(camelRow);
}

/** How many seats each of the calls has (calls without any are absent). */
export async function seatCountsByCall(
  db: Kysely<DB>,
  callIds: readonly string[],
): Promise<Map<string, number>> {
  if (!callIds.length) return new Map();
  const rows = await db
    .selectFrom('review_assignments')
    .select((eb) => ['call_id', eb.fn.countAll<number>().as('n')])
    .where('call_id', 'in', [...new Set(callIds)])
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
}
