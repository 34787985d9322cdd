import { createHash } from 'node:crypto';
import { hitWindow, windowStartOf } from '../../db/rate-limit-windows.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendDirectMail } from '../notifications/notifications.direct.js';
import { notify } from '../notifications/notifications.service.js';
import {
  clearSignInFailures,
  findAccountById,
  findAccountsByEmail,
  setPasswordHash,
} from '../users/users.accounts.js';
import {
  claimPasswordReset,
  findPasswordReset,
  insertPasswordReset,
  voidPasswordResetsOf,
} from './auth.recovery.repository.js';
import { deleteSessionsOf } from './auth.repository.js';
import { hashPassword } from './password.js';
import { refuseRecentPassword, rememberPassword } from './password-history.js';
import { assertPasswordAllowed } from './password-rules.js';
import { randomToken, tokenHash } from './secrets.js';
import { revokeAllTokensOf } from './tokens.service.js';

const HOUR = 3_600_000;

/**
 * Forgot password (docs/sign-in.md 'Forgot password'). The answer is the same whether the address belongs
 * to an account or not, and the work before it is alike: the per-address counter is hit on every path,
 * a token is drawn and hashed on every path, and the e-mail leaves after the answer (notifications.direct).
 * Only the token's SHA-256 is stored; the link carries the token after '#', so it reaches neither the
 * server's logs nor a Referer header.
 */
export async function requestPasswordReset(
  ctx: Ctx,
  input: { email: string; ip: string | null },
): Promise<void> {
  const { db, config, clock } = ctx;
  const now = clock.now();
  const email = input.email.trim().toLowerCase();
  const addressKey = createHash('sha256').update(email).digest('hex');
  const sent = await hitWindow(db, 'pwreset-address', addressKey, windowStartOf(now.getTime(), HOUR));
  const token = randomToken();
  const hash = tokenHash(token);
  const accounts = (await findAccountsByEmail(db, email)).filter((a) => !a.disabledAt);
  if (sent > config.passwordResetPerAddressPerHour) {
    ctx.log.info({ ip: input.ip }, 'password reset: address over its hourly limit, no e-mail');
    return;
  }
  if (accounts.length === 0) {
    ctx.log.info({ ip: input.ip }, 'password reset: no active account with this address');
    return;
  }
  const expiresAt = new Date(now.getTime() + config.passwordResetMinutes * 60_000).toISOString();
  // One link per account with the address (an address may serve several accounts); each its own token.
  const links = accounts.map((account, i) => {
    const t = i === 0 ? token : randomToken();
    return { account, token: t, hash: i === 0 ? hash : tokenHash(t) };
  });
  await write(ctx, async (trx, audit) => {
    for (const { account, hash: h } of links) {
      await insertPasswordReset(trx, {
        id: newId(),
        userId: account.id,
        tokenHash: h,
        createdAt: now.toISOString(),
        expiresAt,
        ip: input.ip,
      });
      await audit({
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: account.id,
        after: { ip: input.ip, expiresAt },
      });
    }
  });
  for (const { account, token: t } of links) {
    sendDirectMail(ctx, {
      to: account.email!,
      locale: account.locale,
      kind: 'auth.password_reset_link',
      params: {
        link: `${config.publicUrl}/reset-password#${t}`,
        minutes: String(config.passwordResetMinutes),
      },
    });
  }
}

const invalidLink = () =>
  new AppError(400, 'auth.reset_link_invalid', {
    errors: [{ in: 'body', pointer: '/token', code: 'auth.reset_link_invalid', message: '' }],
  });

/**
 * Sets a new password through an e-mailed link: the link must be unused and unexpired and its account
 * active; the password must pass the policy and the history. Every session and API token of the account
 * ends, the account's other links are voided, a lockout is lifted, and the owner is told. Nothing is
 * written when anything is refused.
 */
export async function resetPasswordWithLink(
  ctx: Ctx,
  input: { token: string; newPassword: string; ip: string | null },
): Promise<{ endedSessions: number; revokedTokens: number }> {
  const now = isoNow(ctx.clock);
  const reset = await findPasswordReset(ctx.db, tokenHash(input.token));
  if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
  const user = await findAccountById(ctx.db, reset.userId);
  if (!user || user.disabledAt) throw invalidLink();
  await assertPasswordAllowed(ctx, input.newPassword, user, '/newPassword');
  await refuseRecentPassword(ctx, user, input.newPassword);
  const hash = await hashPassword(input.newPassword);
  return write(ctx, async (trx, audit) => {
    // Claimed inside the write: of two requests with the same link only one gets here; the other is refused
    // and its transaction rolls back.
    if (!(await claimPasswordReset(trx, reset.id, now))) throw invalidLink();
    await voidPasswordResetsOf(trx, user.id, now);
    await rememberPassword(trx, user.id, user.passwordHash, now, ctx.config.passwordHistory);
    await setPasswordHash(trx, user.id, hash, now);
    await clearSignInFailures(trx, user.id);
    const endedSessions = await deleteSessionsOf(trx, user.id);
    const revokedTokens = await revokeAllTokensOf(trx, user.id, now);
    await audit({
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { ip: input.ip, endedSessions, revokedTokens },
    });
    await notify(trx, ctx, {
      userIds: [user.id],
      kind: 'auth.password_reset',
      platformId: null,
      entityType: 'user',
      entityId: user.id,
      params: { ip: input.ip ?? '' },
    });
    return { endedSessions, revokedTokens };
  });
}
