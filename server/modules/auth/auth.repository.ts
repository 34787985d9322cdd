import type { Insertable, Kysely, Selectable } from 'kysely';
import type { TokenScope } from '../../../common/roles.js';
import { camelRow, flag, insertRow, jsonColumn, type RowValue, toFlag, toJsonColumn } from '../../db/rows.js';
import type { ApiTokensTable, DB, SessionsTable } from '../../db/schema.js';
import { newId } from '../../http/context.js';

/** Sessions, API tokens, second factors and password history: the sign-in's own tables. */

/** A session: its row in camelCase, the pending flag a boolean. */
export interface Session extends Omit<RowValue<SessionsTable>, 'mfaPending'> {
  mfaPending: boolean;
}

const toSession = (s: Selectable<SessionsTable>): Session => ({
  ...camelRow(s),
  mfaPending: flag(s.mfa_pending),
});

export async function findSession(db: Kysely<DB>, id: string): Promise<Session | undefined> {
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return s && toSession(s);
}

/** The session, only while it waits for its second factor. */
export async function findPendingSession(db: Kysely<DB>, id: string): Promise<Session | undefined> {
  const s = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('mfa_pending', '=', 1)
    .executeTakeFirst();
  return s && toSession(s);
}

export async function insertSession(db: Kysely<DB>, s: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values(insertRow<SessionsTable>({ ...s, mfaPending: toFlag(s.mfaPending) }))
    .execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function touchSession(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Deletes a user's sessions (but `exceptId`; only pending ones when `onlyPending`); returns how many. */
export async function deleteSessionsOf(
  db: Kysely<DB>,
  userId: string,
  opts: { exceptId?: string | null; onlyPending?: boolean } = {},
): Promise<number> {
  let del = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (opts.exceptId) del = del.where('id', '!=', opts.exceptId);
  if (opts.onlyPending) del = del.where('mfa_pending', '=', 1);
  return Number((await del.executeTakeFirst()).numDeletedRows);
}

/** A user's signed-in sessions (not those waiting for the second factor) still alive at `now`, newest first. */
export async function liveSessionsOf(
  db: Kysely<DB>,
  userId: string,
  now: string,
  idleSince: string,
): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('mfa_pending', '=', 0)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>=', idleSince)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toSession);
}

/** Sessions neither expired nor idle since `idleSince`. */
export async function countLiveSessions(db: Kysely<DB>, now: string, idleSince: string): Promise<number> {
  const r = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expires_at', '>', now)
    .where('last_seen_at', '>=', idleSince)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** An API token: its row in camelCase, the scopes parsed. */
export interface ApiToken extends Omit<RowValue<ApiTokensTable>, 'scopes'> {
  scopes: TokenScope[];
}

const toToken = (t: Selectable<ApiTokensTable>): ApiToken => ({
  ...camelRow(t),
  scopes: jsonColumn<TokenScope[]>(t.scopes),
});

/** The row stored for a token, in column order (the audit entry of its creation is this row without the hash). */
export const tokenRow = (t: ApiToken): Insertable<ApiTokensTable> =>
  insertRow<ApiTokensTable>({ ...t, scopes: toJsonColumn(t.scopes) });

export async function insertToken(db: Kysely<DB>, t: ApiToken): Promise<void> {
  await db.insertInto('api_tokens').values(tokenRow(t)).execute();
}

export async function findTokenByHash(db: Kysely<DB>, hash: string): Promise<ApiToken | undefined> {
  const t = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  return t && toToken(t);
}

export async function findTokenOf(db: Kysely<DB>, userId: string, id: string): Promise<ApiToken | undefined> {
  const t = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return t && toToken(t);
}

/** A user's tokens, newest first. */
export async function tokensOf(db: Kysely<DB>, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toToken);
}

export async function setTokenRevoked(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function touchToken(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes every live token of a user; returns how many. */
export async function revokeTokensOf(db: Kysely<DB>, userId: string, at: string): Promise<number> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The `limit` newest earlier password hashes of a user. */
export async function earlierPasswordHashes(
  db: Kysely<DB>,
  userId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

/** Adds an outgoing hash (when `add`) and prunes the history to the `keep` newest. */
export async function keepPasswordHistory(
  db: Kysely<DB>,
  userId: string,
  outgoing: { hash: string; at: string } | null,
  keep: number,
): Promise<void> {
  if (outgoing) {
    await db
      .insertInto('password_history')
      .values({ id: newId(), user_id: userId, password_hash: outgoing.hash, created_at: outgoing.at })
      .execute();
  }
  const kept = await db
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(keep)
    .execute();
  let prune = db.deleteFrom('password_history').where('user_id', '=', userId);
  if (kept.length)
    prune = prune.where(
      'id',
      'not in',
      kept.map((r) => r.id),
    );
  await prune.execute();
}
