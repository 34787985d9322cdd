import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, PasswordResetsTable } from '../../db/schema.js';

/** Forgot-password tokens and spent sign-in challenges (migration 0048): SQL of the public account flows. */

export type PasswordReset = Pick<RowValue<PasswordResetsTable>, 'id' | 'userId' | 'expiresAt' | 'usedAt'>;

export async function insertPasswordReset(
  db: Kysely<DB>,
  r: Omit<RowValue<PasswordResetsTable>, 'usedAt'>,
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values(insertRow<PasswordResetsTable>({ ...r, usedAt: null }))
    .execute();
}

/** The reset of this token hash, whatever its state (the service tells used and expired apart). */
export async function findPasswordReset(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<PasswordReset | undefined> {
  const r = await db
    .selectFrom('password_resets')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r && camelRow(r);
}

/**
 * Marks the reset used if it still is unused and unexpired; false when another request used it first
 * (the conditional update is what makes a token single-use under concurrent requests).
 */
export async function claimPasswordReset(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Voids every other unused link of the account (a reset or a password change makes them moot). */
export async function voidPasswordResetsOf(db: Kysely<DB>, userId: string, now: string): Promise<number> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Records a challenge as answered; false when it already was (a replay). The primary key makes the claim
 * atomic across requests and processes. Challenges past their expiry are swept on the way.
 */
export async function claimChallenge(
  db: Kysely<DB>,
  signature: string,
  expiresAt: string,
  now: string,
): Promise<boolean> {
  await db.deleteFrom('used_challenges').where('expires_at', '<=', now).execute();
  const row = await db
    .insertInto('used_challenges')
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}
