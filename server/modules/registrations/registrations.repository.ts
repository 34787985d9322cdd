import type { Kysely } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { RegistrationsTable } from '../../db/schema/registrations.js';
import type { DB } from '../../db/schema.js';

/** The SQL of self-registration (table `registrations`, migration 0062; docs/adr/0045). */
export type Registration = RowValue<RegistrationsTable>;
export type RegistrationState = 'unverified' | 'pending' | 'approved' | 'refused';

export async function insertRegistration(db: Kysely<DB>, r: Registration): Promise<void> {
  await db.insertInto('registrations').values(insertRow<RegistrationsTable>(r)).execute();
}

export async function updateRegistration(
  db: Kysely<DB>,
  id: string,
  patch: Partial<Registration>,
): Promise<void> {
  await db
    .updateTable('registrations')
    .set(updateRow<RegistrationsTable>(patch))
    .where('id', '=', id)
    .execute();
}

export async function findRegistration(db: Kysely<DB>, id: string): Promise<Registration | undefined> {
  const r = await db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
  return r && camelRow(r);
}

/** The registration, locked for the rest of the transaction where the database can lock rows. */
export async function findRegistrationForUpdate(
  db: Kysely<DB>,
  seam: DialectSeam,
  id: string,
): Promise<Registration | undefined> {
  const r = await seam
    .forUpdate(db.selectFrom('registrations').selectAll().where('id', '=', id))
    .executeTakeFirst();
  return r && camelRow(r);
}

/** The registration whose verification token has this hash, whatever its state. */
export async function findRegistrationByToken(db: Kysely<DB>, tokenHash: string) {
  const r = await db
    .selectFrom('registrations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r && camelRow(r);
}

/**
 * The open registrations of an address, newest first: waiting for a decision, or not verified and
 * their link still live (one whose link expired no longer holds the address).
 */
export async function openRegistrationsOf(
  db: Kysely<DB>,
  email: string,
  now: string,
): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('email', '=', email)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'pending'),
        eb.and([eb('state', '=', 'unverified'), eb('token_expires_at', '>', now)]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(camelRow);
}

/** The newest registration of an address not yet decided (for the sign-in's message and the resend). */
export async function undecidedRegistrationOf(
  db: Kysely<DB>,
  email: string,
): Promise<Registration | undefined> {
  const r = await db
    .selectFrom('registrations')
    .selectAll()
    .where('email', '=', email)
    .where('state', 'in', ['unverified', 'pending'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return r && camelRow(r);
}

/**
 * Marks the registration verified if its link is still unused and live; false when another request
 * used it first or it expired (the conditional update makes the link single-use).
 */
export async function claimVerification(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('registrations')
    .set({ state: 'pending', verified_at: now, token_hash: null, token_expires_at: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'unverified')
    .where('token_expires_at', '>', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface RegistrationFilter {
  state: RegistrationState;
  /** null: every platform (system admins) */
  platformIds: readonly string[] | null;
}

/** One page of registrations in a state on the given platforms, oldest first, and how many in all. */
export async function listRegistrationRows(
  db: Kysely<DB>,
  f: RegistrationFilter,
  page: { limit: number; offset: number },
) {
  let base = db.selectFrom('registrations').where('state', '=', f.state);
  if (f.platformIds) base = base.where('platform_id', 'in', f.platformIds.length ? f.platformIds : ['']);
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base
    .selectAll()
    .orderBy('verified_at')
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows: rows.map(camelRow), total };
}

/**
 * Registrations past keeping (docs/adr/0045, "Clean-up"): not verified and their link expired before
 * `expiredBefore`, or refused before `refusedBefore`. Oldest first, at most `limit`, locked for the rest of
 * the transaction where the database can lock rows.
 */
export async function staleRegistrationsForUpdate(
  db: Kysely<DB>,
  seam: DialectSeam,
  f: { expiredBefore: string; refusedBefore: string; limit: number },
): Promise<Registration[]> {
  const query = db
    .selectFrom('registrations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'unverified'), eb('token_expires_at', '<', f.expiredBefore)]),
        eb.and([eb('state', '=', 'refused'), eb('decided_at', '<', f.refusedBefore)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(f.limit);
  // Locked, so a link being verified at this moment waits and then finds the row gone (or wins first).
  return (await seam.forUpdate(query).execute()).map(camelRow);
}

export async function deleteRegistrations(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('registrations').where('id', 'in', ids).execute();
}
