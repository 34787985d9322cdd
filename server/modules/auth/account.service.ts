import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../../common/error-codes.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { findAccountById, setEmail } from '../users/users.accounts.js';
import type { OwnSession } from './account.schema.js';
import { deleteSession, deleteSessionsOf, liveSessionsOf, type Session } from './auth.repository.js';
import { secondFactorEnabled } from './mfa.gate.js';
import { countFailure, proveWithCode } from './mfa.service.js';
import { verifyPassword } from './password.js';
import { requireInteractive } from './tokens.service.js';
import { describeUserAgent } from './user-agent.js';

/*
 * One's own account: the sessions signed in (ASVS 7.5.2) and the changes that need the password again
 * (ASVS 7.5.1). Sessions are the browser's: an API token may not list or end them (auth.session_required).
 */

const MINUTE = 60_000;

/**
 * The id a session is shown and ended by. The stored key is an HMAC of the cookie's secret; it never
 * leaves the server, so the list names each session by a UUID derived from the key instead (a path
 * parameter is a UUID everywhere in the API, and a log of the DELETE gives nothing to replay).
 */
export function sessionRef(sessionKey: string): string {
  const h = createHash('sha256').update(`session-ref\0${sessionKey}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

async function ownSessions(ctx: Ctx): Promise<Session[]> {
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - ctx.config.sessionIdleMinutes * MINUTE).toISOString();
  return liveSessionsOf(ctx.db, ctx.actor!.userId, now.toISOString(), idleSince);
}

export async function listOwnSessions(ctx: Ctx, currentKey: string | null): Promise<OwnSession[]> {
  requireInteractive(ctx);
  return (await ownSessions(ctx)).map((s) => ({
    id: sessionRef(s.id),
    device: describeUserAgent(s.userAgent),
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === currentKey,
  }));
}

/** Ends one of one's own sessions; someone else's (or an unknown id) is 404, as if it did not exist. */
export async function endOwnSession(ctx: Ctx, ref: string): Promise<void> {
  requireInteractive(ctx);
  const session = (await ownSessions(ctx)).find((s) => sessionRef(s.id) === ref);
  if (!session) throw notFound('auth.session_not_found');
  await write(ctx, async (trx, audit) => {
    await deleteSession(trx, session.id);
    await audit({
      action: 'auth.session_ended',
      entityType: 'user',
      entityId: session.userId,
      after: { session: ref, device: describeUserAgent(session.userAgent), ip: session.ip },
    });
  });
}

/** Ends every session of mine but the one asking; returns how many ended. */
export async function endOtherSessions(ctx: Ctx, currentKey: string | null): Promise<{ ended: number }> {
  requireInteractive(ctx);
  const userId = ctx.actor!.userId;
  return write(ctx, async (trx, audit) => {
    const ended = await deleteSessionsOf(trx, userId, { exceptId: currentKey });
    await audit({
      action: 'auth.other_sessions_ended',
      entityType: 'user',
      entityId: userId,
      after: { ended },
    });
    return { ended };
  });
}

const proofError = (status: 403 | 422, code: ErrorCode, pointer: string) =>
  new AppError(status, code, { errors: [{ in: 'body', pointer, code, message: '' }] });

/**
 * Re-authentication before a change to how the account is reached or signed in to (ASVS 7.5.1): the
 * current password, or a current code from the second factor for a user who has one. Missing proof is
 * 422 `auth.reauthentication_required`; a wrong one is 403 `auth.reauthentication_failed` and counts
 * towards the lockout, so a stolen session cannot guess the password here.
 */
export async function assertReauthenticated(
  ctx: Ctx,
  proof: { password?: string | undefined; code?: string | undefined },
): Promise<void> {
  requireInteractive(ctx);
  const userId = ctx.actor!.userId;
  if (proof.code !== undefined) {
    if (!(await secondFactorEnabled(ctx.db, userId))) {
      throw proofError(422, 'auth.mfa_not_enrolled', '/code');
    }
    if (!(await proveWithCode(ctx, userId, proof.code))) {
      throw proofError(403, 'auth.reauthentication_failed', '/code');
    }
    return;
  }
  if (proof.password === undefined) throw proofError(422, 'auth.reauthentication_required', '/password');
  const user = (await findAccountById(ctx.db, userId))!;
  if (!(await verifyPassword(proof.password, user.passwordHash))) {
    await countFailure(ctx, userId, 'password');
    throw proofError(403, 'auth.reauthentication_failed', '/password');
  }
}

/** Changes one's own e-mail after re-authentication; audited with the old and new address. */
export async function changeOwnEmail(
  ctx: Ctx,
  input: { email: string | null; password?: string | undefined; code?: string | undefined },
): Promise<{ email: string | null }> {
  await assertReauthenticated(ctx, input);
  const userId = ctx.actor!.userId;
  return write(ctx, async (trx, audit) => {
    const before = (await findAccountById(trx, userId))!;
    await setEmail(trx, userId, input.email, isoNow(ctx.clock));
    await audit({
      action: 'user.email_changed',
      entityType: 'user',
      entityId: userId,
      before: { email: before.email },
      after: { email: input.email },
    });
    return { email: input.email };
  });
}
