import { sql } from 'kysely';
import { passwordProblem } from '../../../common/password-policy.js';
import type { Locale, TokenScope } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import { type Ctx, isoNow, type UserActor } from '../../http/context.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import {
  claimSignInAttempt,
  findSession,
  findTokenByHash,
  findUserById,
  findUserByUsername,
  loadActor,
  rolesOf,
} from './auth.repository.js';
import type { SessionInfo } from './auth.schema.js';
import { secondFactorEnabled } from './mfa.gate.js';
import { MFA_CHALLENGE_MINUTES, sessionMfaOf } from './mfa.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { refuseRecentPassword, rememberPassword } from './password-history.js';
import { randomToken, sessionKey, tokenHash } from './secrets.js';
import { requireInteractive, revokeAllTokensOf } from './tokens.service.js';

const MINUTE = 60_000;

/** Checks credentials with lockout; on success opens a server-side session and returns its cookie value. */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; actor: UserActor; csrfToken: string; expiresAt: string; mfaPending: boolean }> {
  const { db, config, clock } = ctx;
  const now = clock.now();
  const user = await findUserByUsername(db, input.username);
  if (!user || user.disabled_at) {
    await verifyAgainstDummy(input.password);
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
  if (!(await verifyPassword(input.password, user.password_hash))) {
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
  await db.transaction().execute(async (trx) => {
    // With a second factor the count is cleared by the code, not the password (mfa.service), or each new
    // password step would wipe the wrong codes before it and lift their lockout: the right password only
    // gives back the attempt it claimed (and the lock that claim alone may have set).
    await trx
      .updateTable('users')
      .set(
        mfaPending
          ? {
              failed_login_count: sql<number>`case when failed_login_count > 0 then failed_login_count - 1 else 0 end`,
              locked_until: null,
            }
          : { failed_login_count: 0, locked_until: null },
      )
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sessionKey(config.sessionSecret, token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        mfa_pending: mfaPending ? 1 : 0,
      })
      .execute();
    await appendAudit(
      trx,
      ctx.seam,
      { ...ctx, actor },
      {
        action: 'auth.signed_in',
        entityType: 'user',
        entityId: user.id,
        after: { ip: input.ip, mfaPending },
      },
    );
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
  if (userId) {
    await ctx.db.transaction().execute(async (trx) => {
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'auth.sign_in_refused',
        entityType: 'user',
        entityId: userId,
        after: { reason, ip: input.ip },
      });
      if (lockedUntil) {
        await appendAudit(trx, ctx.seam, ctx, {
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

export type SessionLookup =
  | {
      state: 'valid';
      actor: UserActor;
      csrfToken: string;
      sessionId: string;
      expiresAt: string;
      mfaPending: boolean;
    }
  | { state: 'expired' | 'missing' };

/** Resolves a session cookie; idle or absolute expiry ends the session. */
export async function resolveSession(
  ctx: Pick<Ctx, 'db' | 'config' | 'clock'>,
  token: string,
): Promise<SessionLookup> {
  const { db, config, clock } = ctx;
  const id = sessionKey(config.sessionSecret, token);
  const session = await findSession(db, id);
  if (!session) return { state: 'missing' };
  const now = clock.now();
  const idleLimit = new Date(now.getTime() - config.sessionIdleMinutes * MINUTE).toISOString();
  if (session.expires_at <= now.toISOString() || session.last_seen_at < idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { state: 'expired' };
  }
  const actor = await loadActor(db, session.user_id, 'session', ['read', 'write']);
  if (!actor) return { state: 'missing' };
  // Touch at most once a minute: idle expiry needs no more precision and reads stay write-free.
  if (new Date(session.last_seen_at).getTime() < now.getTime() - MINUTE) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return {
    state: 'valid',
    actor,
    csrfToken: session.csrf_token,
    sessionId: id,
    expiresAt: session.expires_at,
    mfaPending: session.mfa_pending === 1,
  };
}

/** Resolves a personal API token (Authorization: Bearer clt_…). */
export async function resolveApiToken(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  token: string,
): Promise<UserActor | null> {
  const row = await findTokenByHash(ctx.db, tokenHash(token));
  const now = isoNow(ctx.clock);
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
  const actor = await loadActor(ctx.db, row.user_id, 'token', JSON.parse(row.scopes) as TokenScope[]);
  if (actor && (!row.last_used_at || row.last_used_at.slice(0, 16) !== now.slice(0, 16))) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return actor;
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
  const user = (await findUserById(ctx.db, actor.userId))!;
  const { mfaPending, ...rest } = extra;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      locale: user.locale as Locale,
      isSystemAdmin: user.is_system_admin === 1,
      isSecurityAdmin: user.is_security_admin === 1,
      isAuditAdmin: user.is_audit_admin === 1,
      roles: await rolesOf(ctx.db, user.id),
    },
    mfa: await sessionMfaOf(ctx, mfaPending),
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
  const user = (await findUserById(ctx.db, actor.userId))!;
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError(400, 'auth.wrong_current_password', {
      errors: [{ in: 'body', pointer: '/currentPassword', code: 'auth.wrong_current_password', message: '' }],
    });
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) {
    throw new AppError(400, problem, {
      errors: [{ in: 'body', pointer: '/newPassword', code: problem, message: '' }],
    });
  }
  await refuseRecentPassword(ctx, user, input.newPassword);
  const hash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    await rememberPassword(trx, user.id, user.password_hash, now, ctx.config.passwordHistory);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    let del = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (input.keepSessionId) del = del.where('id', '!=', input.keepSessionId);
    const ended = Number((await del.executeTakeFirst()).numDeletedRows);
    const revokedTokens = await revokeAllTokensOf(trx, user.id, now);
    await appendAudit(trx, ctx.seam, ctx, {
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
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select('locale')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('users')
      .set({ locale, updated_at: isoNow(ctx.clock) })
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'user.preferences_changed',
      entityType: 'user',
      entityId: userId,
      before,
      after: { locale },
    });
  });
}
