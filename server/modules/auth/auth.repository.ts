import { type Kysely, sql } from 'kysely';
import type { Role, TokenScope } from '../../../common/roles.js';
import type { DB } from '../../db/schema.js';
import type { UserActor } from '../../http/context.js';

export const findUserByUsername = (db: Kysely<DB>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function rolesOf(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['platform_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('platform_id')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ platformId: r.platform_id, role: r.role as Role }));
}

/** The actor for a user id, or null when the user is gone or disabled. */
export async function loadActor(
  db: Kysely<DB>,
  userId: string,
  via: UserActor['via'],
  scopes: readonly TokenScope[],
): Promise<UserActor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled_at) return null;
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    isSystemAdmin: user.is_system_admin === 1,
    isSecurityAdmin: user.is_security_admin === 1,
    isAuditAdmin: user.is_audit_admin === 1,
    roles: await rolesOf(db, user.id),
    via,
    scopes,
  };
}

export const findSession = (db: Kysely<DB>, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const findTokenByHash = (db: Kysely<DB>, hash: string) =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

/**
 * Claims one sign-in attempt in a single statement, so parallel attempts cannot read the same count:
 * returns the attempt's number, or null while the account is locked. The attempt that reaches `max`
 * locks the account at once (a success lifts it), so attempts beyond the limit are refused unchecked
 * and a crash mid-check leaves an ordinary lockout that expires. An expired lockout starts over at 1.
 */
export async function claimSignInAttempt(
  db: Kysely<DB>,
  userId: string,
  at: { now: string; lockUntil: string; max: number },
): Promise<number | null> {
  const next = sql<number>`case when locked_until is not null then 1 else failed_login_count + 1 end`;
  const row = await db
    .updateTable('users')
    .set({
      failed_login_count: next,
      locked_until: sql<string | null>`case when ${next} >= ${at.max} then ${at.lockUntil} else null end`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at.now)]))
    .returning('failed_login_count')
    .executeTakeFirst();
  return row ? row.failed_login_count : null;
}
