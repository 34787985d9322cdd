import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The SQL on call_deadline_extensions: each later deadline of a call with its reason (docs/adr/0015). */
export interface DeadlineExtension {
  previousClosesAt: string;
  closesAt: string;
  reason: string;
  at: string;
}

export async function insertDeadlineExtension(
  db: Kysely<DB>,
  e: DeadlineExtension & { id: string; callId: string; actorId: string | null },
): Promise<void> {
  await db
    .insertInto('call_deadline_extensions')
    .values({
      id: e.id,
      call_id: e.callId,
      previous_closes_at: e.previousClosesAt,
      closes_at: e.closesAt,
      reason: e.reason,
      actor_id: e.actorId,
      at: e.at,
    })
    .execute();
}

/** The call's deadline extensions, oldest first. */
export async function deadlineExtensionsOf(db: Kysely<DB>, callId: string): Promise<DeadlineExtension[]> {
  const rows = await db
    .selectFrom('call_deadline_extensions')
    .select(['previous_closes_at', 'closes_at', 'reason', 'at'])
    .where('call_id', '=', callId)
    .orderBy('at')
    .execute();
  return rows.map((e) => ({
    previousClosesAt: e.previous_closes_at,
    closesAt: e.closes_at,
    reason: e.reason,
    at: e.at,
  }));
}
