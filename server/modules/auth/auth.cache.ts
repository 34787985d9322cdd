import { generationOf } from '../../db/table-changes.js';

/**
 * The tables whose rows a cached lookup is made of: the session or token, the account, its roles and its
 * second factor. A `write` that changes one of them drops every entry; other writes leave the cache alone.
 */
export const CREDENTIAL_TABLES = ['sessions', 'api_tokens', 'users', 'role_assignments', 'user_mfa'] as const;
const credentialWrites = generationOf(CREDENTIAL_TABLES);

/**
 * The per-process cache of resolved sessions and API tokens (docs/sign-in.md 'Lookup cache'): a request
 * that carries a credential seen in the last second skips the 3–5 point reads of the session or token, the
 * account, its roles and its second factor.
 *
 * The revocation bound:
 * - in this process, immediate: an entry is used only while no `write` (server/db/write.ts) that changed one
 *   of CREDENTIAL_TABLES has finished since it was read, and every change that revokes (sign-out, token
 *   revoked, account disabled, roles or administrator flags changed, password reset, factor reset) is such
 *   a write. A write that finishes while a lookup is reading leaves that lookup's entry stale from the
 *   start, so it is never served. Writes to other tables (a submission, a review) keep the entries.
 * - written by another process (a second server, the CLI) or outside `write`: at most `ttlMs` (AUTH_CACHE_MS,
 *   at most 1,000 ms), measured on the app's clock.
 * Only valid credentials are cached: a missing or expired one is read again each time, so a new session or
 * token is never refused from the cache. Entries are frozen, so no request can change another's actor.
 */
export interface AuthCache<V> {
  /** The entry for `key`, if read since the last committed write and within the bound. */
  get(key: string, nowMs: number): V | undefined;
  /** The write generation to pass to `set` (take it before reading the database). */
  generation(): number;
  set(key: string, value: V, nowMs: number, generation: number): void;
  delete(key: string): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  at: number;
  generation: number;
}

/** A bounded LRU (a Map in use order); `ttlMs` 0 turns the cache off. */
export function createAuthCache<V>(ttlMs: number, maxEntries = 10_000): AuthCache<V> {
  const entries = new Map<string, Entry<V>>();
  return {
    get(key, nowMs) {
      if (ttlMs <= 0) return undefined;
      const e = entries.get(key);
      if (!e) return undefined;
      const age = nowMs - e.at;
      // A clock set back (age < 0) must not stretch the bound either.
      if (e.generation !== credentialWrites() || age < 0 || age >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, e);
      return e.value;
    },
    generation: credentialWrites,
    set(key, value, nowMs, generation) {
      if (ttlMs <= 0 || generation !== credentialWrites()) return;
      entries.delete(key);
      entries.set(key, { value: deepFreeze(value), at: nowMs, generation });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
