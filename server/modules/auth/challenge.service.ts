import { createHmac } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Config } from '../../config.js';
import { clearBucket, hitsIn, hitWindow, windowStartOf } from '../../db/rate-limit-windows.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { claimChallenge } from './auth.recovery.repository.js';

/**
 * The proof-of-work challenge a sign-in needs after failures (docs/adr/0032): ALTCHA's, created and
 * verified here with an HMAC key of this deployment, solved by the `<altcha-widget>` on the sign-in page.
 * Failures are counted per user name (existing or not, so the need for a challenge tells nothing about
 * which names exist) and per client address, in the shared rate_limit_windows table, for
 * LOGIN_LOCKOUT_MINUTES; a success clears the name's count. A solved challenge is spent once
 * (used_challenges) and expires after CHALLENGE_MINUTES, judged by the app's clock.
 */
export const CHALLENGE_MINUTES = 10;
const FAILED_NAME = 'signin-failed-name';
const FAILED_IP = 'signin-failed-ip';

/** The challenges' HMAC keys: CHALLENGE_HMAC_KEY, else derived from the session secret. */
function keysOf(config: Config) {
  const master =
    config.challengeHmacKey ?? createHmac('sha256', config.sessionSecret).update('altcha').digest('hex');
  return {
    hmacSignatureSecret: master,
    hmacKeySignatureSecret: createHmac('sha256', master).update('altcha-derived-key').digest('hex'),
  };
}

const windowOf = (ctx: Pick<Ctx, 'clock' | 'config'>) =>
  windowStartOf(ctx.clock.now().getTime(), ctx.config.loginLockoutMinutes * 60_000);
const nameKey = (username: string) => username.trim().toLowerCase();

/** A new challenge for the widget (the JSON it fetches). */
export async function newChallenge(
  ctx: Pick<Ctx, 'clock' | 'config'>,
): Promise<Challenge & { signature: string }> {
  const d = ctx.config.loginChallengeDifficulty;
  const exp = Math.floor(ctx.clock.now().getTime() / 1000) + CHALLENGE_MINUTES * 60;
  const c = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(Math.floor(d / 2), d),
    deriveKey,
    // The expiry travels signed in `data` and is checked against the app's clock below; ALTCHA's own
    // expiresAt would be checked against the machine's.
    data: { exp },
    ...keysOf(ctx.config),
  });
  return { ...c, signature: c.signature! };
}

/** Whether a sign-in of this name from this address must carry a solved challenge. */
export async function challengeNeeded(ctx: Ctx, username: string, ip: string | null): Promise<boolean> {
  const n = ctx.config.loginChallengeAfterFailures;
  if (n === 0) return false;
  const start = windowOf(ctx);
  if ((await hitsIn(ctx.db, `${FAILED_NAME}:${nameKey(username)}`, start)) >= n) return true;
  return ip !== null && (await hitsIn(ctx.db, `${FAILED_IP}:${ip}`, start)) >= n;
}

/** Counts a refused sign-in against the name and the address. */
export async function countFailedSignIn(ctx: Ctx, username: string, ip: string | null): Promise<void> {
  if (ctx.config.loginChallengeAfterFailures === 0) return;
  const start = windowOf(ctx);
  await hitWindow(ctx.db, FAILED_NAME, nameKey(username), start);
  if (ip !== null) await hitWindow(ctx.db, FAILED_IP, ip, start);
}

/** A completed sign-in: the name needs no challenge any more (the address's count stays). */
export async function forgetFailedSignIns(ctx: Ctx, username: string): Promise<void> {
  if (ctx.config.loginChallengeAfterFailures === 0) return;
  await clearBucket(ctx.db, `${FAILED_NAME}:${nameKey(username)}`);
}

const challengeProblem = (code: 'auth.challenge_required' | 'auth.challenge_invalid') =>
  new AppError(401, code, { errors: [{ in: 'body', pointer: '/challenge', code, message: '' }] });

function parsePayload(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const p = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      challenge?: Challenge;
      solution?: Solution;
    };
    if (!p?.challenge?.parameters || typeof p.challenge.signature !== 'string' || !p.solution) return null;
    return { challenge: p.challenge, solution: p.solution };
  } catch {
    return null;
  }
}

/**
 * Refuses the sign-in unless `payload` (the widget's base64 answer) solves a challenge of this deployment
 * that has not expired and was not answered before: 401 auth.challenge_required without one, 401
 * auth.challenge_invalid otherwise. The answer is spent here, before the password is checked.
 */
export async function requireSolvedChallenge(ctx: Ctx, payload: string | undefined): Promise<void> {
  if (!payload) throw challengeProblem('auth.challenge_required');
  const p = parsePayload(payload);
  if (!p) throw challengeProblem('auth.challenge_invalid');
  const result = await verifySolution({
    challenge: p.challenge,
    solution: p.solution,
    deriveKey,
    ...keysOf(ctx.config),
  }).catch(() => null);
  if (!result?.verified) throw challengeProblem('auth.challenge_invalid');
  const exp = Number(p.challenge.parameters.data?.exp);
  const now = ctx.clock.now();
  if (!Number.isFinite(exp) || exp * 1000 <= now.getTime()) throw challengeProblem('auth.challenge_invalid');
  const spent = await claimChallenge(
    ctx.db,
    p.challenge.signature!,
    new Date(exp * 1000).toISOString(),
    now.toISOString(),
  );
  if (!spent) throw challengeProblem('auth.challenge_invalid');
}
