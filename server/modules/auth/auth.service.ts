import type { Kysely } from 'kysely';
import type { Locale } from '../../../common/roles.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, type UserActor } from '../../http/context.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { undecidedRegistration } from '../registrations/registrations.lookup.js';
import {
  claimSignInAttempt,
  clearSignInFailures,
  findAccountById,
  findAccountByUsername,
  loadActor,
  releaseSignInAttempt,
  rolesOf,
  setLocale,
  setPasswordHash,
} from '../users/users.accounts.js';
import { countLiveSessions, deleteSession, deleteSessionsOf, insertSession } from './auth.repository.js';
import type { SessionInfo } from './auth.schema.js';
import {
  challengeNeeded,
  countFailedSignIn,
  forgetFailedSignIns,
  requireSolvedChallenge,
} from './challenge.service.js';
import { secondFactorEnabled } from './mfa.gate.js';
import { MFA_CHALLENGE_MINUTES, sessionMfaOf } from './mfa.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { passwordStateOf } from './password-expiry.js';
import { refuseRecentPassword, rememberPassword } from './password-history.js';
import { assertPasswordAllowed } from './password-rules.js';
import { randomToken, sessionKey } from './secrets.js';
import { requireInteractive, revokeAllTokensOf } from './tokens.service.js';

const MINUTE = 60_000;

/** Checks credentials with lockout; on success opens a server-side session and returns its cookie value. */
export async function login(
  ctx: Ctx,
  input: {
    username: string;
    password: string;
    challenge?: string | undefined;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<{ token: string; actor: UserActor; csrfToken: string; expiresAt: string; mfaPending: boolean }> {
  const { db, config, clock } = ctx;
  // After failures of this name or from this address, no password is even looked at without a solved
  // challenge (challenge.service, docs/adr/0032).
  if (await challengeNeeded(ctx, input.username, input.ip))
    await requireSolvedChallenge(ctx, input.challenge);
  const now = clock.now();
  const user = await findAccountByUsername(db, input.username);
  if (!user || user.disabledAt) {
    // A self-registration not yet decided (docs/adr/0045): its owner, who knows its password, is told why
    // the sign-in does not open yet; anyone else gets the usual answer. One password hash either way.
    const registration = user ? undefined : await undecidedRegistration(db, input.username);
    if (registration && (await verifyPassword(input.password, registration.passwordHash)))
      throw unauthorized(`auth.registration_${registration.state}`);
    if (!registration) await verifyAgainstDummy(input.password);
    return refuseSignIn(ctx, input, user?.id ?? null, user ? 'disabled' : 'unknown_user');
  }
  const lockUntil = new Date(now.getTime() + config.loginLockoutMinutes * MINUTE).toISOString();
  const attemptNo = await claimSignInAttempt(db, user.id, {
    now: now.toISOString(),
    lockUntil,
    max: config.loginMaxFailures,
  });
  if (attemptNo === null) {
    await verifyAgainstDummy(input.password);
    return refuseSignIn(ctx, input, user.id, 'locked');
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const locked = attemptNo >= config.loginMaxFailures ? lockUntil : null;
    return refuseSignIn(ctx, input, user.id, 'wrong_password', locked);
  }

  const token = randomToken();
  const csrfToken = randomToken(24);
  // Second factor (mfa.service): an enrolled user's session only reaches the second step, briefly.
  const mfaPending = await secondFactorEnabled(db, user.id);
  const lifetime = mfaPending ? MFA_CHALLENGE_MINUTES : config.sessionAbsoluteHours * 60;
  const expiresAt = new Date(now.getTime() + lifetime * MINUTE).toISOString();
  const actor = (await loadActor(db, user.id, 'session', ['read', 'write']))!;
  await write({ ...ctx, actor }, async (trx, audit) => {
    // With a second factor the count is cleared by the code, not the password (mfa.service), or each new
    // password step would wipe the wrong codes before it and lift their lockout: the right password only
    // gives back the attempt it claimed (and the lock that claim alone may have set).
    if (mfaPending) await releaseSignInAttempt(trx, user.id);
    else await clearSignInFailures(trx, user.id);
    await insertSession(trx, {
      id: sessionKey(config.sessionSecret, token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      mfaPending,
    });
    await forgetFailedSignIns({ ...ctx, db: trx }, input.username);
    await audit({
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: { ip: input.ip, mfaPending },
    });
  });
  return { token, actor, csrfToken, expiresAt, mfaPending };
}

type RefusalReason = 'unknown_user' | 'disabled' | 'locked' | 'wrong_password';

/**
 * Every refused sign-in answers alike (same status, code and body; a password hash is checked on every
 * path so the time is alike too): the answer reveals neither that a name exists nor that the password
 * was right for a locked or disabled account. The reason goes to the log and, for an existing account,
 * to the audit log with the lockout it caused.
 */
async function refuseSignIn(
  ctx: Ctx,
  input: { username: string; ip: string | null },
  userId: string | null,
  reason: RefusalReason,
  /** The end of the lockout this refusal started, if it did. */
  lockedUntil: string | null = null,
): Promise<never> {
  ctx.log.info({ username: input.username, ip: input.ip, reason, lockedUntil }, 'sign-in refused');
  await countFailedSignIn(ctx, input.username, input.ip);
  if (userId) {
    await write(ctx, async (trx, audit) => {
      await audit({
        action: 'auth.sign_in_refused',
        entityType: 'user',
        entityId: userId,
        after: { reason, ip: input.ip },
      });
      if (lockedUntil) {
        await audit({
          action: 'auth.account_locked',
          entityType: 'user',
          entityId: userId,
          after: { lockedUntil, failures: ctx.config.loginMaxFailures },
        });
        await notify(trx, ctx, {
          userIds: [userId],
          kind: 'auth.account_locked',
          platformId: null,
          entityType: 'user',
          entityId: userId,
          params: { lockedUntilAt: lockedUntil, ip: input.ip },
        });
      }
    });
  }
  throw unauthorized('auth.invalid_credentials');
}

// The per-request lookups live in auth.lookup.ts (with their cache); exported here as before.
export { resolveApiToken, resolveSession, type SessionLookup } from './auth.lookup.js';

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    await deleteSession(trx, sessionId);
    await audit({
      action: 'auth.signed_out',
      entityType: 'user',
      entityId: ctx.actor?.userId,
    });
  });
}

/** The signed-in user's own view: profile, roles, csrf token. */
export async function sessionInfoOf(
  ctx: Ctx,
  extra: { csrfToken: string | null; expiresAt: string | null; mfaPending: boolean },
): Promise<SessionInfo> {
  const actor = ctx.actor!;
  const user = (await findAccountById(ctx.db, actor.userId))!;
  const { mfaPending, ...rest } = extra;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      locale: user.locale as Locale,
      isSystemAdmin: user.isSystemAdmin,
      isSecurityAdmin: user.isSecurityAdmin,
      isAuditAdmin: user.isAuditAdmin,
      roles: await rolesOf(ctx.db, user.id),
    },
    mfa: await sessionMfaOf(ctx, mfaPending),
    password: passwordStateOf(user, ctx.config.passwordMaxAgeDays, ctx.clock.now()),
    ...rest,
  };
}

/**
 * Changes one's own password; ends every other session of that user and revokes all their API tokens
 * (whoever knew the old password may have minted them). Returns how many of each ended.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<{ endedSessions: number; revokedTokens: number }> {
  requireInteractive(ctx);
  const actor = ctx.actor!;
  const user = (await findAccountById(ctx.db, actor.userId))!;
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError(400, 'auth.wrong_current_password', {
      errors: [{ in: 'body', pointer: '/currentPassword', code: 'auth.wrong_current_password', message: '' }],
    });
  }
  await assertPasswordAllowed(ctx, input.newPassword, user, '/newPassword');
  await refuseRecentPassword(ctx, user, input.newPassword);
  const hash = await hashPassword(input.newPassword);
  return write(ctx, async (trx, audit) => {
    const now = isoNow(ctx.clock);
    await rememberPassword(trx, user.id, user.passwordHash, now, ctx.config.passwordHistory);
    await setPasswordHash(trx, user.id, hash, now);
    const ended = await deleteSessionsOf(trx, user.id, { exceptId: input.keepSessionId });
    const revokedTokens = await revokeAllTokensOf(trx, user.id, now);
    await audit({
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      after: { endedSessions: ended, revokedTokens },
    });
    return { endedSessions: ended, revokedTokens };
  });
}

export async function setOwnLocale(ctx: Ctx, locale: Locale): Promise<void> {
  const userId = ctx.actor!.userId;
  await write(ctx, async (trx, audit) => {
    const before = { locale: (await findAccountById(trx, userId))!.locale };
    await setLocale(trx, userId, locale, isoNow(ctx.clock));
    await audit({
      action: 'user.preferences_changed',
      entityType: 'user',
      entityId: userId,
      before,
      after: { locale },
    });
  });
}

/** Ends every session of a user inside the caller's transaction (account disabled, password reset). */
export const endSessionsOf = (trx: Kysely<DB>, userId: string) => deleteSessionsOf(trx, userId);

/** Sessions neither expired nor idle (the home page's count). */
export const countActiveSessions = (db: Kysely<DB>, now: string, idleSince: string) =>
  countLiveSessions(db, now, idleSince);
