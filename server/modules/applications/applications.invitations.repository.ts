/**
 * SQL on application_invitations (docs/adr/0015): the lead's invitations to members' contacts, and who
 * confirmed their part. Money columns come back as numbers.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { ApplicationInvitationsTable, DB } from '../../db/schema.js';

/** An invitation as stored, in camelCase, its money as numbers. */
export type Invitation = RowValue<ApplicationInvitationsTable>;

const toInvitation = (row: Selectable<ApplicationInvitationsTable>): Invitation => {
  const v = camelRow(row);
  return { ...v, requestedMinor: Number(v.requestedMinor), cofundingMinor: Number(v.cofundingMinor) };
};

/** True when the user confirmed a member's part in the application. */
export async function isConfirmedMember(db: Kysely<DB>, applicationId: string, userId: string) {
  const row = await db
    .selectFrom('application_invitations')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('user_id', '=', userId)
    .where('state', '=', 'confirmed')
    .executeTakeFirst();
  return row !== undefined;
}

/** The accounts of the contacts who confirmed a member's part in the application. */
export async function confirmedMemberUserIds(db: Kysely<DB>, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application_invitations')
    .select('user_id')
    .where('application_id', '=', applicationId)
    .where('state', '=', 'confirmed')
    .where('user_id', 'is not', null)
    .execute();
  return rows.map((r) => r.user_id!);
}

/** The terms each confirming member agreed to. */
export async function confirmedTermsOf(db: Kysely<DB>, applicationId: string) {
  const rows = await db
    .selectFrom('application_invitations')
    .select(['organisation_id', 'requested_minor', 'cofunding_minor', 'role'])
    .where('application_id', '=', applicationId)
    .where('state', '=', 'confirmed')
    .execute();
  return rows.map((r) => {
    const v = camelRow(r);
    return { ...v, requestedMinor: Number(v.requestedMinor), cofundingMinor: Number(v.cofundingMinor) };
  });
}

/** The application's invitations, newest first. */
export async function invitationsOfApplication(db: Kysely<DB>, applicationId: string) {
  const rows = await db
    .selectFrom('application_invitations')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('invited_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

/** Invitations addressed to the user and not revoked, newest first (at most 200). */
export async function invitationsOfUser(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('application_invitations')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', '!=', 'revoked')
    .orderBy('invited_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toInvitation);
}

/** One invitation by id, or by the hash of its one-time link; locked when a seam is given. */
export async function findInvitation(
  db: Kysely<DB>,
  by: { id: string } | { tokenHash: string },
  lock?: DialectSeam,
): Promise<Invitation | undefined> {
  const q =
    'id' in by
      ? db.selectFrom('application_invitations').selectAll().where('id', '=', by.id)
      : db.selectFrom('application_invitations').selectAll().where('token_hash', '=', by.tokenHash);
  const row = await (lock ? lock.forUpdate(q) : q).executeTakeFirst();
  return row && toInvitation(row);
}

/** Revokes the pending and confirmed invitations of one member organisation. */
export async function revokeInvitations(db: Kysely<DB>, applicationId: string, organisationId: string) {
  await db
    .updateTable('application_invitations')
    .set({ state: 'revoked' })
    .where('application_id', '=', applicationId)
    .where('organisation_id', '=', organisationId)
    .where('state', 'in', ['pending', 'confirmed'])
    .execute();
}

export async function insertInvitation(db: Kysely<DB>, invitation: Invitation) {
  await db
    .insertInto('application_invitations')
    .values(insertRow<ApplicationInvitationsTable>(invitation))
    .execute();
}

export async function recordAnswer(
  db: Kysely<DB>,
  id: string,
  a: Pick<Invitation, 'state' | 'respondedAt' | 'note'>,
) {
  await db
    .updateTable('application_invitations')
    .set(updateRow<ApplicationInvitationsTable>(a))
    .where('id', '=', id)
    .execute();
}

/** How many invitations, in any state, were addressed to the person. */
export async function invitationsOfPerson(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('application_invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
