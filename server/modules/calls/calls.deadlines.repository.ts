import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { CallDeadlineExtensionsTable, DB } from '../../db/schema.js';

/** The SQL on call_deadline_extensions: each later deadline of a call with its reason (docs/adr/0015). */
export type DeadlineExtension = Pick<
  RowValue<CallDeadlineExtensionsTable>,
  'previousClosesAt' | 'closesAt' | 'reason' | 'at'
>;

export async function insertDeadlineExtension(
  db: Kysely<DB>,
  e: RowValue<CallDeadlineExtensionsTable>,
): Promise<void> {
  await db.insertInto('call_deadline_extensions').values(insertRow<CallDeadlineExtensionsTable>(e)).execute();
}

/** The call's deadline extensions, oldest first. */
export async function deadlineExtensionsOf(db: Kysely<DB>, callId: string): Promise<DeadlineExtension[]> {
  const rows = await db
    .selectFrom('call_deadline_extensions')
    .select(['previous_closes_at', 'closes_at', 'reason', 'at'])
    .where('call_id', '=', callId)
    .orderBy('at')
    .execute();
  return rows.map(camelRow);
}
