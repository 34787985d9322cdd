import type { Ctx, UserActor } from '../../http/context.js';
import { loadActorAndAccount } from '../users/users.accounts.js';
import { type AuthCache, createAuthCache } from './auth.cache.js';
import {
  deleteSession,
  findSession,
  findTokenByHash,
  type Session,
  touchSession,
  touchToken,
} from './auth.repository.js';
import { mfaRequiredFor, secondFactorEnabled } from './mfa.gate.js';
import { passwordStateOf } from './password-expiry.js';
import { sessionKey, tokenHash } from './secrets.js';

/**
 * Who a request's credential is: the per-request lookups of sessions and API tokens, behind the cache of
 * auth.cache.ts (revocation bound in docs/sign-in.md 'Lookup cache').
 */

const MINUTE = 60_000;

export type SessionLookup =
  | {
      state: 'valid';
      actor: UserActor;
      csrfToken: string;
      sessionId: string;
      expiresAt: string;
      mfaPending: boolean;
      /** The password is expired or someone else set it: only changing it is open (mfa.gate). */
      passwordMustChange: boolean;
      /** Whether the user has a second factor, when a role of theirs requires one (else not read). */
      factorEnabled?: boolean;
    }
  | { state: 'expired' | 'missing' };

type LookupCtx = Pick<Ctx, 'db' | 'config' | 'clock'>;

interface CachedSession {
  session: Session;
  actor: UserActor;
  password: { passwordChangedAt: string; passwordChangeRequired: boolean };
  factorEnabled: boolean | undefined;
}
interface CachedToken {
  id: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  actor: UserActor;
}

// One cache per database handle: a test worker runs several apps, each on its own database.
const sessionCaches = new WeakMap<object, AuthCache<CachedSession>>();
const tokenCaches = new WeakMap<object, AuthCache<CachedToken>>();

function cacheOf<V>(registry: WeakMap<object, AuthCache<V>>, ctx: LookupCtx): AuthCache<V> {
  let cache = registry.get(ctx.db);
  if (!cache) {
    cache = createAuthCache<V>(ctx.config.authCacheMs);
    registry.set(ctx.db, cache);
  }
  return cache;
}

/** Whether a session is neither past its absolute end nor idle for longer than allowed at `now`. */
function isLive(session: Session, now: Date, idleMinutes: number): boolean {
  const idleLimit = new Date(now.getTime() - idleMinutes * MINUTE).toISOString();
  return session.expiresAt > now.toISOString() && session.lastSeenAt >= idleLimit;
}

/** Resolves a session cookie; idle or absolute expiry ends the session. */
export async function resolveSession(ctx: LookupCtx, token: string): Promise<SessionLookup> {
  const { db, config, clock } = ctx;
  const id = sessionKey(config.sessionSecret, token);
  const now = clock.now();
  const cache = cacheOf(sessionCaches, ctx);
  let found = cache.get(id, now.getTime());
  // Expiry is judged on every request, cached or not; an ending session goes the uncached way below.
  if (found && !isLive(found.session, now, config.sessionIdleMinutes)) found = undefined;
  if (!found) {
    const generation = cache.generation();
    const session = await findSession(db, id);
    if (!session) return { state: 'missing' };
    if (!isLive(session, now, config.sessionIdleMinutes)) {
      cache.delete(id);
      await deleteSession(db, id);
      return { state: 'expired' };
    }
    const loaded = await loadActorAndAccount(db, session.userId, 'session', ['read', 'write']);
    if (!loaded) return { state: 'missing' };
    const { actor, account } = loaded;
    // The MFA gate's read, done here so a cached session needs none (only for users it concerns).
    const factorEnabled = mfaRequiredFor(actor, config.mfaRequiredRoles)
      ? await secondFactorEnabled(db, actor.userId)
      : undefined;
    const password = {
      passwordChangedAt: account.passwordChangedAt,
      passwordChangeRequired: account.passwordChangeRequired,
    };
    found = { session, actor, password, factorEnabled };
    cache.set(id, found, now.getTime(), generation);
  }
  const { session, actor } = found;
  // Touch at most once a minute: idle expiry needs no more precision and reads stay write-free. The
  // entry holds the old time, so it goes and the next request reads the session again.
  if (new Date(session.lastSeenAt).getTime() < now.getTime() - MINUTE) {
    cache.delete(id);
    await touchSession(db, id, now.toISOString());
  }
  return {
    state: 'valid',
    actor,
    csrfToken: session.csrfToken,
    sessionId: id,
    expiresAt: session.expiresAt,
    mfaPending: session.mfaPending,
    passwordMustChange: passwordStateOf(found.password, config.passwordMaxAgeDays, now).mustChange,
    factorEnabled: found.factorEnabled,
  };
}

/** Resolves a personal API token (Authorization: Bearer clt_…). */
export async function resolveApiToken(ctx: LookupCtx, token: string): Promise<UserActor | null> {
  const hash = tokenHash(token);
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  const cache = cacheOf(tokenCaches, ctx);
  let found = cache.get(hash, nowDate.getTime());
  if (found?.expiresAt && found.expiresAt <= now) found = undefined;
  if (!found) {
    const generation = cache.generation();
    const row = await findTokenByHash(ctx.db, hash);
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
    const loaded = await loadActorAndAccount(ctx.db, row.userId, 'token', row.scopes);
    if (!loaded) return null;
    found = { id: row.id, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, actor: loaded.actor };
    cache.set(hash, found, nowDate.getTime(), generation);
  }
  if (!found.lastUsedAt || found.lastUsedAt.slice(0, 16) !== now.slice(0, 16)) {
    cache.delete(hash);
    await touchToken(ctx.db, found.id, now);
  }
  return found.actor;
}
