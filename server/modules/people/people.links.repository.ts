import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';

type LinkRequestsTable = DB['person_link_requests'];

/** The proposals to link a person to an account (ADR 0013): person_link_requests, owned by people. */
export type LinkRequest = RowValue<LinkRequestsTable>;

export async function pendingRequestExists(
  db: Kysely<DB>,
  personId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('person_link_requests')
    .select('id')
    .where('person_id', '=', personId)
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLinkRequest(db: Kysely<DB>, request: LinkRequest): Promise<void> {
  await db.insertInto('person_link_requests').values(insertRow<LinkRequestsTable>(request)).execute();
}

/** Supersedes the pending proposals for the person or to the account (it is now linked). */
export async function supersedePendingRequests(db: Kysely<DB>, personId: string, userId: string, at: string) {
  await db
    .updateTable('person_link_requests')
    .set({ state: 'superseded', answered_at: at })
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('user_id', '=', userId)]))
    .where('state', '=', 'pending')
    .execute();
}

/** The proposal, if it is addressed to the account. */
export async function findRequestTo(
  db: Kysely<DB>,
  id: string,
  userId: string,
): Promise<LinkRequest | undefined> {
  const row = await db
    .selectFrom('person_link_requests')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && camelRow(row);
}

export async function answerRequest(db: Kysely<DB>, id: string, state: 'accepted' | 'declined', at: string) {
  await db.updateTable('person_link_requests').set({ state, answered_at: at }).where('id', '=', id).execute();
}

/** The pending proposals addressed to the account, oldest first, with the person each would link. */
export async function pendingRequestsTo(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('person_link_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.requested_at',
      'r.requested_by',
      'p.id as personId',
      'p.name_zh',
      'p.name_en',
      'p.title',
      'p.organisation_id',
    ])
    .where('r.user_id', '=', userId)
    .where('r.state', '=', 'pending')
    .orderBy('r.requested_at')
    .orderBy('r.id')
    .execute();
  return rows.map(camelRow);
}
