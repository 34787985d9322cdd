import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Ctx, newId } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { verifyPassword } from './password.js';

/**
 * Refuses the current password and the earlier ones kept in password_history: PASSWORD_HISTORY counts
 * the current one, so 5 refuses the current and the 4 before it; 0 turns the check off (等保 reuse rule).
 */
export async function refuseRecentPassword(
  ctx: Pick<Ctx, 'db' | 'config'>,
  user: { id: string; password_hash: string },
  candidate: string,
): Promise<void> {
  const keep = ctx.config.passwordHistory;
  if (keep === 0) return;
  const earlier = await ctx.db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(1, keep - 1))
    .execute();
  const hashes = [user.password_hash, ...earlier.slice(0, keep - 1).map((r) => r.password_hash)];
  for (const hash of hashes) {
    if (await verifyPassword(candidate, hash)) {
      throw new AppError(422, 'auth.password_reused', {
        errors: [{ in: 'body', pointer: '/newPassword', code: 'auth.password_reused', message: '' }],
      });
    }
  }
}

/** Keeps the outgoing hash in the caller's transaction, pruned to the PASSWORD_HISTORY - 1 newest. */
export async function rememberPassword(
  trx: Kysely<DB>,
  userId: string,
  outgoingHash: string,
  at: string,
  keep: number,
): Promise<void> {
  if (keep > 1) {
    await trx
      .insertInto('password_history')
      .values({ id: newId(), user_id: userId, password_hash: outgoingHash, created_at: at })
      .execute();
  }
  const kept = await trx
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(0, keep - 1))
    .execute();
  let prune = trx.deleteFrom('password_history').where('user_id', '=', userId);
  if (kept.length)
    prune = prune.where(
      'id',
      'not in',
      kept.map((r) => r.id),
    );
  await prune.execute();
}
