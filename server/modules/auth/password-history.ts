import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { earlierPasswordHashes, keepPasswordHistory } from './auth.repository.js';
import { verifyPassword } from './password.js';

/**
 * Refuses the current password and the earlier ones kept in password_history: PASSWORD_HISTORY counts
 * the current one, so 5 refuses the current and the 4 before it; 0 turns the check off (等保 reuse rule).
 */
export async function refuseRecentPassword(
  ctx: Pick<Ctx, 'db' | 'config'>,
  user: { id: string; passwordHash: string },
  candidate: string,
): Promise<void> {
  const keep = ctx.config.passwordHistory;
  if (keep === 0) return;
  const earlier = await earlierPasswordHashes(ctx.db, user.id, Math.max(1, keep - 1));
  const hashes = [user.passwordHash, ...earlier.slice(0, keep - 1)];
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
  await keepPasswordHistory(trx, userId, keep > 1 ? { hash: outgoingHash, at } : null, Math.max(0, keep - 1));
}
