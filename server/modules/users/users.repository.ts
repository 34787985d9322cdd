import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { camelRow, flag, insertRow, type RowValue, toFlag, updateRow } from '../../db/rows.js';
import type { DB, UsersTable } from '../../db/schema.js';
import { writeCommittedOutside } from '../../db/write.js';
import { type RoleGrant, rolesOfMany } from './users.roles.repository.js';

type AccountFlag = 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin' | 'passwordChangeRequired';

/** An account as the code uses it: its row in camelCase, flags as booleans. */
export interface Account extends Omit<RowValue<UsersTable>, AccountFlag> {
  isSystemAdmin: boolean;
  isSecurityAdmin: boolean;
  isAuditAdmin: boolean;
  /** A password someone else set: the user must replace it at the next sign-in. */
  passwordChangeRequired: boolean;
}

export type { RoleGrant } from './users.roles.repository.js';

const toAccount = (u: Selectable<UsersTable>): Account => ({
  ...camelRow(u),
  isSystemAdmin: flag(u.is_system_admin),
  isSecurityAdmin: flag(u.is_security_admin),
  isAuditAdmin: flag(u.is_audit_admin),
  failedLoginCount: Number(u.failed_login_count),
  passwordChangeRequired: flag(u.password_change_required),
});

/** The columns an account's patch may set, by their domain names. */
export type AccountPatch = Partial<Omit<Account, 'id' | 'username' | 'createdAt'>>;

const flagOf = (b: boolean | undefined) => (b === undefined ? undefined : toFlag(b));

/** The 0/1 columns of an account's patch (undefined where the patch leaves a flag alone). */
const storedFlags = (a: Partial<Pick<Account, AccountFlag>>) => ({
  isSystemAdmin: flagOf(a.isSystemAdmin),
  isSecurityAdmin: flagOf(a.isSecurityAdmin),
  isAuditAdmin: flagOf(a.isAuditAdmin),
  passwordChangeRequired: flagOf(a.passwordChangeRequired),
});

export async function findAccountById(db: Kysely<DB>, id: string): Promise<Account | undefined> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return u && toAccount(u);
}

/** User names are stored lower-case; the lookup is case-insensitive. */
export async function findAccountByUsername(db: Kysely<DB>, username: string): Promise<Account | undefined> {
  const u = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return u && toAccount(u);
}

/** The accounts with this e-mail address, compared case-insensitively (forgot password). */
export async function findAccountsByEmail(db: Kysely<DB>, email: string): Promise<Account[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy('id')
    .execute();
  return rows.map(toAccount);
}

export async function insertAccount(
  db: Kysely<DB>,
  a: Omit<Account, 'failedLoginCount' | 'lockedUntil' | 'disabledAt' | 'passwordChangeRequired'> & {
    passwordChangeRequired?: boolean;
  },
): Promise<void> {
  const row = insertRow<UsersTable>({
    ...a,
    isSystemAdmin: toFlag(a.isSystemAdmin),
    isSecurityAdmin: toFlag(a.isSecurityAdmin),
    isAuditAdmin: toFlag(a.isAuditAdmin),
    failedLoginCount: 0,
    lockedUntil: null,
    disabledAt: null,
    passwordChangeRequired: toFlag(!!a.passwordChangeRequired),
  });
  await db.insertInto('users').values(row).execute();
}

export async function updateAccount(db: Kysely<DB>, id: string, patch: AccountPatch): Promise<void> {
  await db
    .updateTable('users')
    .set(updateRow<UsersTable>({ ...patch, ...storedFlags(patch) }))
    .where('id', '=', id)
    .execute();
}

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
  // Run outside `write` (a refused sign-in commits nothing else), yet it may set or lift `locked_until`,
  // which the users list shows: the caches of `users` drop what they read before it, as after a `write`
  // (the list's answer cache, docs/adr/0037). Counted after the statement, which commits on its own.
  if (row) writeCommittedOutside(['users']);
  return row ? row.failed_login_count : null;
}

/** Gives back one claimed attempt (never below 0) and lifts the lock that claim may have set. */
export async function releaseSignInAttempt(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_login_count: sql<number>`case when failed_login_count > 0 then failed_login_count - 1 else 0 end`,
      locked_until: null,
    })
    .where('id', '=', userId)
    .execute();
}

/** Adds one failure to the count in one statement and returns the new count. */
export async function addSignInFailure(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow();
  return row.failed_login_count;
}

export async function countAccounts(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Name, address, language and state of the given accounts (those that exist). */
export async function contactsOf(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<{ id: string; name: string; email: string | null; locale: string; disabled: boolean }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'locale', 'disabled_at'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    email: r.email,
    locale: r.locale,
    disabled: r.disabled_at !== null,
  }));
}

/** An account as the users list shows it: the columns of its view (no password hash) and its roles. */
export type AccountListItem = Pick<Account, ListKey> & { roles: RoleGrant[] };
type ListKey =
  | 'id'
  | 'username'
  | 'displayName'
  | 'email'
  | 'disabledAt'
  | 'lockedUntil'
  | 'createdAt'
  | ListFlag;
type ListFlag = 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin';

/**
 * A page of accounts with their roles, by user name: those holding a role on one of `platformIds` (all
 * when null) whose user name or display name contains `q`, matched literally (% and _ are escaped, not
 * wildcards). Reads only the columns the list shows (not the password hash or the counters), and the roles
 * of the page in one statement. One statement joining the roles to the page was slower on SQLite: it
 * repeats the account's columns on every role row and sorts them (bench/README.md, issue 16 round 13).
 */
export async function findAccountPage(
  db: Kysely<DB>,
  f: { platformIds: readonly string[] | null; q?: string; limit: number; offset: number },
): Promise<{ items: AccountListItem[]; total: number }> {
  let base = db.selectFrom('users');
  const platformIds = f.platformIds;
  if (platformIds) {
    base = base.where('id', 'in', (eb) =>
      eb
        .selectFrom('role_assignments')
        .select('user_id')
        .where('platform_id', 'in', [...platformIds]),
    );
  }
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(${sql.ref('username')} like ${like} escape '\\' or lower(${sql.ref('display_name')}) like ${like} escape '\\')`,
    );
  }
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base
    .select(['id', 'username', 'display_name', 'email', 'disabled_at', 'locked_until', 'created_at'])
    .select(['is_system_admin', 'is_security_admin', 'is_audit_admin'])
    .orderBy('username')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const roles = await rolesOfMany(
    db,
    rows.map((r) => r.id),
  );
  // As toAccount does: an object rest (`{ is_system_admin, ...u }`) here cost V8's slow copy path per row.
  const items = rows.map((r) => ({
    ...camelRow(r),
    isSystemAdmin: flag(r.is_system_admin),
    isSecurityAdmin: flag(r.is_security_admin),
    isAuditAdmin: flag(r.is_audit_admin),
    roles: roles.get(r.id)!,
  }));
  return { items, total };
}
