import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, type UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import {
  addSignInFailure,
  clearSignInFailures,
  findAccountById,
  loadActor,
  lockAccount,
} from '../users/users.accounts.js';
import {
  claimStep,
  countUnusedRecoveryCodes,
  deleteFactor,
  enableFactor,
  findFactor,
  replaceFactor,
  replaceRecoveryCodes,
  spendRecoveryCode,
  unusedRecoveryCodes,
} from './auth.mfa.repository.js';
import { deleteSession, deleteSessionsOf, findPendingSession, insertSession } from './auth.repository.js';
import { mfaRequiredFor, secondFactorEnabled } from './mfa.gate.js';
import type { MfaStatus } from './mfa.schema.js';
import {
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeMatches,
} from './mfa.totp.js';
import { randomToken, sessionKey } from './secrets.js';
import { requireInteractive } from './tokens.service.js';

const MINUTE = 60_000;
/** How long the second step of a sign-in may wait for its code. */
export const MFA_CHALLENGE_MINUTES = 5;

/** The signed-in user's second factor: on or off, required or not, recovery codes left. */
export async function mfaStatusOf(ctx: Ctx): Promise<MfaStatus> {
  const actor = ctx.actor!;
  const row = await findFactor(ctx.db, actor.userId);
  const left = await countUnusedRecoveryCodes(ctx.db, actor.userId);
  return {
    enabled: !!row?.enabledAt,
    enabledAt: row?.enabledAt ?? null,
    required: mfaRequiredFor(actor, ctx.config.mfaRequiredRoles),
    recoveryCodesLeft: row?.enabledAt ? left : 0,
  };
}

/** What a session's user and the web need to know of the second factor at this point of the sign-in. */
export async function sessionMfaOf(ctx: Ctx, pending: boolean) {
  const actor = ctx.actor!;
  const enabled = await secondFactorEnabled(ctx.db, actor.userId);
  const required = mfaRequiredFor(actor, ctx.config.mfaRequiredRoles);
  return { enabled, required, pending, enrolmentRequired: !pending && required && !enabled };
}

/** Starts (or restarts) an enrolment: a new secret, kept until a code from it confirms it. */
export async function startEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  requireInteractive(ctx);
  const actor = ctx.actor!;
  const secret = newTotpSecret().base32;
  await write(ctx, async (trx, audit) => {
    const row = await findFactor(trx, actor.userId);
    if (row?.enabledAt) throw new AppError(409, 'auth.mfa_already_enabled');
    await replaceFactor(trx, {
      userId: actor.userId,
      secretEnc: encryptSecret(ctx.config.sessionSecret, secret),
      createdAt: isoNow(ctx.clock),
    });
    await audit({
      action: 'auth.mfa_enrolment_started',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  return { secret, uri: otpauthUri(secret, actor.username) };
}

/**
 * Accepts a TOTP code once: the step it belongs to must be later than the last accepted one. The
 * conditional update is the check, so two requests with one code cannot both pass.
 */
async function acceptCode(ctx: Ctx, db: Kysely<DB>, userId: string, code: string): Promise<boolean> {
  const row = await findFactor(db, userId);
  const secret = row && decryptSecret(ctx.config.sessionSecret, row.secretEnc);
  if (!secret) return false;
  const step = matchingStep(secret, code, ctx.clock.now());
  if (step === null) return false;
  return claimStep(db, userId, step);
}

/**
 * Salted hashes cannot be looked up: each unused code of the user is checked in turn (ten at most), and
 * the one that matches is spent by a conditional update, so two parallel uses of a code spend it once.
 */
async function acceptRecoveryCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  for (const stored of await unusedRecoveryCodes(ctx.db, userId)) {
    if (await recoveryCodeMatches(code, stored.codeHash)) {
      return spendRecoveryCode(ctx.db, stored.id, isoNow(ctx.clock));
    }
  }
  return false;
}

/**
 * A wrong code counts as a failed sign-in: LOGIN_MAX_FAILURES of them lock the account, as for the password.
 * A wrong password given to re-authenticate inside a session counts the same way (factor 'password').
 */
export async function countFailure(
  ctx: Ctx,
  userId: string,
  factor: 'totp' | 'password' = 'totp',
): Promise<void> {
  const now = ctx.clock.now();
  await write(ctx, async (trx, audit) => {
    const fails = await addSignInFailure(trx, userId);
    if (fails < ctx.config.loginMaxFailures) return;
    const lockedUntil = new Date(now.getTime() + ctx.config.loginLockoutMinutes * MINUTE).toISOString();
    await lockAccount(trx, userId, lockedUntil);
    await deleteSessionsOf(trx, userId, { onlyPending: true });
    await audit({
      action: 'auth.account_locked',
      entityType: 'user',
      entityId: userId,
      after: { lockedUntil, failures: fails, factor },
    });
  });
}

const invalidCode = (status: 400 | 401, pointer: string) =>
  new AppError(status, 'auth.mfa_invalid_code', {
    errors: [{ in: 'body', pointer, code: 'auth.mfa_invalid_code', message: '' }],
  });

/** Confirms an enrolment with a code of the new secret; returns the recovery codes, shown this once. */
export async function confirmEnrolment(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  requireInteractive(ctx);
  const userId = ctx.actor!.userId;
  const row = await findFactor(ctx.db, userId);
  if (!row) throw new AppError(409, 'auth.mfa_not_enrolled');
  if (row.enabledAt) throw new AppError(409, 'auth.mfa_already_enabled');
  // A typo while setting up is not an attack on a factor that does not exist yet: it is not counted.
  if (!(await acceptCode(ctx, ctx.db, userId, code))) throw invalidCode(400, '/code');
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map(hashRecoveryCode));
  await write(ctx, async (trx, audit) => {
    const now = isoNow(ctx.clock);
    await enableFactor(trx, userId, now);
    await replaceRecoveryCodes(trx, userId, hashes, now);
    await audit({
      action: 'auth.mfa_enabled',
      entityType: 'user',
      entityId: userId,
    });
  });
  return { recoveryCodes: codes };
}

/**
 * The second step of a sign-in: a current code or an unused recovery code turns the pending session
 * into a full one under a new token (the pre-factor token is worth nothing afterwards).
 */
export async function verifySecondFactor(
  ctx: Ctx,
  input: { sessionId: string | null; code?: string; recoveryCode?: string },
): Promise<{ token: string; actor: UserActor; csrfToken: string; expiresAt: string }> {
  const { db, config, clock } = ctx;
  if ((input.code === undefined) === (input.recoveryCode === undefined)) {
    throw new AppError(400, 'request.validation_failed', {
      errors: [
        { in: 'body', pointer: '/code', code: 'request.validation_failed', message: 'code or recoveryCode' },
      ],
    });
  }
  const pending = input.sessionId ? await findPendingSession(db, input.sessionId) : undefined;
  if (!pending) throw new AppError(409, 'auth.mfa_no_pending_sign_in');
  const userId = pending.userId;
  const now = clock.now();
  const user = await findAccountById(db, userId);
  if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
    throw new AppError(423, 'auth.account_locked', { lockedUntil: user.lockedUntil });
  }
  const method = input.code ? 'totp' : 'recovery_code';
  const ok = input.code
    ? await acceptCode(ctx, db, userId, input.code)
    : await acceptRecoveryCode(ctx, userId, input.recoveryCode ?? '');
  if (!ok) {
    await countFailure(ctx, userId);
    throw invalidCode(401, input.code ? '/code' : '/recoveryCode');
  }
  const actor = (await loadActor(db, userId, 'session', ['read', 'write']))!;
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 60 * MINUTE).toISOString();
  await write({ ...ctx, actor }, async (trx, audit) => {
    await deleteSession(trx, pending.id);
    await insertSession(trx, {
      id: sessionKey(config.sessionSecret, token),
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      ip: pending.ip,
      userAgent: pending.userAgent,
      mfaPending: false,
    });
    await clearSignInFailures(trx, userId);
    await audit({ action: 'auth.mfa_verified', entityType: 'user', entityId: userId, after: { method } });
  });
  return { token, actor, csrfToken, expiresAt };
}

/**
 * A current code as proof of identity before a change to the account (re-authentication, ASVS 7.5.1); a
 * wrong one counts towards the lockout like any wrong code.
 */
export async function proveWithCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  if (await acceptCode(ctx, ctx.db, userId, code)) return true;
  await countFailure(ctx, userId);
  return false;
}

/** Turns one's own second factor off, proven with a current code; wrong codes count towards the lockout. */
export async function disableOwnMfa(ctx: Ctx, code: string): Promise<void> {
  requireInteractive(ctx);
  const userId = ctx.actor!.userId;
  if (!(await secondFactorEnabled(ctx.db, userId))) throw new AppError(409, 'auth.mfa_not_enrolled');
  if (!(await acceptCode(ctx, ctx.db, userId, code))) {
    await countFailure(ctx, userId);
    throw invalidCode(400, '/code');
  }
  await removeFactor(ctx, userId, 'auth.mfa_disabled', false);
}

/** Deletes the factor and its recovery codes with the audit entry; a reset also ends the user's sessions. */
export async function removeFactor(
  ctx: Ctx,
  userId: string,
  action: 'auth.mfa_disabled' | 'auth.mfa_reset',
  endSessions: boolean,
): Promise<void> {
  await write(ctx, async (trx, audit) => {
    await deleteFactor(trx, userId);
    if (endSessions) await deleteSessionsOf(trx, userId);
    await audit({ action, entityType: 'user', entityId: userId });
  });
}

/** Whether the user has a factor, enabled or still being set up (what a reset removes). */
export const hasFactor = async (db: Kysely<DB>, userId: string): Promise<boolean> =>
  (await findFactor(db, userId)) !== undefined;
