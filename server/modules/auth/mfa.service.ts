import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId, type UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { loadActor } from './auth.repository.js';
import { mfaRequiredFor, mfaRow, secondFactorEnabled } from './mfa.gate.js';
import type { MfaStatus } from './mfa.schema.js';
import {
  decryptSecret,
  encryptSecret,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from './mfa.totp.js';
import { randomToken, sessionKey } from './secrets.js';
import { requireInteractive } from './tokens.service.js';

const MINUTE = 60_000;
/** How long the second step of a sign-in may wait for its code. */
export const MFA_CHALLENGE_MINUTES = 5;

/** The signed-in user's second factor: on or off, required or not, recovery codes left. */
export async function mfaStatusOf(ctx: Ctx): Promise<MfaStatus> {
  const actor = ctx.actor!;
  const row = await mfaRow(ctx.db, actor.userId);
  const left = await ctx.db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enabled: !!row?.enabled_at,
    enabledAt: row?.enabled_at ?? null,
    required: mfaRequiredFor(actor, ctx.config.mfaRequiredRoles),
    recoveryCodesLeft: row?.enabled_at ? Number(left.n) : 0,
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
  await ctx.db.transaction().execute(async (trx) => {
    const row = await mfaRow(trx, actor.userId);
    if (row?.enabled_at) throw new AppError(409, 'auth.mfa_already_enabled');
    await trx.deleteFrom('user_mfa').where('user_id', '=', actor.userId).execute();
    await trx
      .insertInto('user_mfa')
      .values({
        user_id: actor.userId,
        secret_enc: encryptSecret(ctx.config.sessionSecret, secret),
        enabled_at: null,
        last_step: null,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
  const row = await mfaRow(db, userId);
  const secret = row && decryptSecret(ctx.config.sessionSecret, row.secret_enc);
  if (!secret) return false;
  const step = matchingStep(secret, code, ctx.clock.now());
  if (step === null) return false;
  const res = await db
    .updateTable('user_mfa')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function acceptRecoveryCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  const res = await ctx.db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: isoNow(ctx.clock) })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryCodeHash(code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A wrong code counts as a failed sign-in: LOGIN_MAX_FAILURES of them lock the account, as for the password. */
async function countFailure(ctx: Ctx, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { failed_login_count: fails } = await trx
      .updateTable('users')
      .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_login_count')
      .executeTakeFirstOrThrow();
    if (fails < ctx.config.loginMaxFailures) return;
    const lockedUntil = new Date(now.getTime() + ctx.config.loginLockoutMinutes * MINUTE).toISOString();
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: lockedUntil })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).where('mfa_pending', '=', 1).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'auth.account_locked',
      entityType: 'user',
      entityId: userId,
      after: { lockedUntil, failures: fails, factor: 'totp' },
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
  const row = await mfaRow(ctx.db, userId);
  if (!row) throw new AppError(409, 'auth.mfa_not_enrolled');
  if (row.enabled_at) throw new AppError(409, 'auth.mfa_already_enabled');
  // A typo while setting up is not an attack on a factor that does not exist yet: it is not counted.
  if (!(await acceptCode(ctx, ctx.db, userId, code))) throw invalidCode(400, '/code');
  const codes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    await trx.updateTable('user_mfa').set({ enabled_at: now }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('mfa_recovery_codes')
      .values(
        codes.map((c) => ({
          id: newId(),
          user_id: userId,
          code_hash: recoveryCodeHash(c),
          used_at: null,
          created_at: now,
        })),
      )
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
  const pending = input.sessionId
    ? await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', input.sessionId)
        .where('mfa_pending', '=', 1)
        .executeTakeFirst()
    : undefined;
  if (!pending) throw new AppError(409, 'auth.mfa_no_pending_sign_in');
  const userId = pending.user_id;
  const now = clock.now();
  const user = await db
    .selectFrom('users')
    .select('locked_until')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError(423, 'auth.account_locked', { lockedUntil: user.locked_until });
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
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', pending.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sessionKey(config.sessionSecret, token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: pending.ip,
        user_agent: pending.user_agent,
        mfa_pending: 0,
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
    await appendAudit(
      trx,
      ctx.seam,
      { ...ctx, actor },
      { action: 'auth.mfa_verified', entityType: 'user', entityId: userId, after: { method } },
    );
  });
  return { token, actor, csrfToken, expiresAt };
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
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('user_mfa').where('user_id', '=', userId).execute();
    if (endSessions) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await appendAudit(trx, ctx.seam, ctx, { action, entityType: 'user', entityId: userId });
  });
}
