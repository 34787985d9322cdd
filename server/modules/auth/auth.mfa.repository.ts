import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, UserMfaTable } from '../../db/schema.js';
import { newId } from '../../http/context.js';

// The second factor's tables (user_mfa, mfa_recovery_codes), split from auth.repository.ts by size.

/** A second factor: its row in camelCase, the last step a number. */
export type SecondFactor = RowValue<UserMfaTable>;

export async function findFactor(db: Kysely<DB>, userId: string): Promise<SecondFactor | undefined> {
  const r = await db.selectFrom('user_mfa').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!r) return undefined;
  const f = camelRow(r);
  return { ...f, lastStep: f.lastStep === null ? null : Number(f.lastStep) };
}

/** Replaces any factor of the user with a new, not yet confirmed secret. */
export async function replaceFactor(
  db: Kysely<DB>,
  f: Pick<SecondFactor, 'userId' | 'secretEnc' | 'createdAt'>,
): Promise<void> {
  await db.deleteFrom('user_mfa').where('user_id', '=', f.userId).execute();
  await db
    .insertInto('user_mfa')
    .values(insertRow<UserMfaTable>({ ...f, enabledAt: null, lastStep: null }))
    .execute();
}

/**
 * Records `step` as the last accepted one only when it is later than the one recorded: the conditional
 * update is the check, so two requests with one code cannot both pass. Returns whether it did.
 */
export async function claimStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('user_mfa')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function enableFactor(db: Kysely<DB>, userId: string, at: string): Promise<void> {
  await db.updateTable('user_mfa').set({ enabled_at: at }).where('user_id', '=', userId).execute();
}

/** Deletes the factor and its recovery codes. */
export async function deleteFactor(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_mfa').where('user_id', '=', userId).execute();
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Replaces the user's recovery codes with the given hashes. */
export async function replaceRecoveryCodes(
  db: Kysely<DB>,
  userId: string,
  hashes: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('mfa_recovery_codes')
    .values(
      hashes.map((h) => ({ id: newId(), user_id: userId, code_hash: h, used_at: null, created_at: now })),
    )
    .execute();
}

/** The user's unused recovery codes: their ids and stored hashes (at most ten). */
export async function unusedRecoveryCodes(
  db: Kysely<DB>,
  userId: string,
): Promise<Array<{ id: string; codeHash: string }>> {
  const rows = await db
    .selectFrom('mfa_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return rows.map(camelRow);
}

/** Marks an unused recovery code used, in one conditional statement; returns whether it was unused. */
export async function spendRecoveryCode(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
