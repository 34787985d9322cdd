import type { Kysely } from 'kysely';
import type { Locale, TokenScope } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, newId, type UserActor } from '../../http/context.js';
import * as repo from './users.repository.js';
import * as grants from './users.roles.repository.js';

/**
 * The accounts as other modules read and change them (sign-in, notifications, the home page): part of
 * the users service that imports nothing from those modules, so they can import it without a cycle
 * (users.service itself calls auth to end sessions and revoke tokens). Functions take the `trx` (or
 * `db`) of the caller's transaction.
 */
export type { Account, RoleGrant } from './users.repository.js';
export const { rolesOf } = grants;

export const {
  findAccountById,
  findAccountByUsername,
  findAccountsByEmail,
  claimSignInAttempt,
  releaseSignInAttempt,
  addSignInFailure,
  contactsOf,
  countAccounts,
} = repo;

/** The actor for a user id, or null when the user is gone or disabled. */
export async function loadActor(
  db: Kysely<DB>,
  userId: string,
  via: UserActor['via'],
  scopes: readonly TokenScope[],
): Promise<UserActor | null> {
  return (await loadActorAndAccount(db, userId, via, scopes))?.actor ?? null;
}

/** The actor and the account it was read from (a session also needs the password's age), in one read. */
export async function loadActorAndAccount(
  db: Kysely<DB>,
  userId: string,
  via: UserActor['via'],
  scopes: readonly TokenScope[],
): Promise<{ actor: UserActor; account: repo.Account } | null> {
  const user = await repo.findAccountById(db, userId);
  if (!user || user.disabledAt) return null;
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    isSystemAdmin: user.isSystemAdmin,
    isSecurityAdmin: user.isSecurityAdmin,
    isAuditAdmin: user.isAuditAdmin,
    roles: await grants.rolesOf(db, user.id),
    via,
    scopes,
  };
  return { actor, account: user };
}

/** Clears the failure count and any lockout (a completed sign-in). */
export const clearSignInFailures = (db: Kysely<DB>, userId: string) =>
  repo.updateAccount(db, userId, { failedLoginCount: 0, lockedUntil: null });

/** Locks the account until the given time and starts the count over (too many wrong codes). */
export const lockAccount = (db: Kysely<DB>, userId: string, lockedUntil: string) =>
  repo.updateAccount(db, userId, { failedLoginCount: 0, lockedUntil });

/** Stores a password the user chose (the admin reset is users.service resetPassword): it is theirs now. */
export const setPasswordHash = (db: Kysely<DB>, userId: string, hash: string, now: string) =>
  repo.updateAccount(db, userId, {
    passwordHash: hash,
    passwordChangedAt: now,
    passwordChangeRequired: false,
    updatedAt: now,
  });

/** The user's own e-mail, changed after re-authentication (auth/account.service). */
export const setEmail = (db: Kysely<DB>, userId: string, email: string | null, now: string) =>
  repo.updateAccount(db, userId, { email, updatedAt: now });

export const setLocale = (db: Kysely<DB>, userId: string, locale: Locale, now: string) =>
  repo.updateAccount(db, userId, { locale, updatedAt: now });

/**
 * Who on a platform hears of work for a role: the holders of `role` there, or the platform's admins
 * when nobody holds it (so the news is not lost).
 */
export async function roleHoldersOrAdmins(
  db: Kysely<DB>,
  platformId: string,
  role: string,
): Promise<string[]> {
  const rows = await grants.roleHolders(db, platformId, [role, 'platform_admin']);
  const holders = rows.filter((r) => r.role === role);
  return (holders.length ? holders : rows).map((r) => r.userId);
}

/**
 * The account of an approved self-registration (registrations.review, docs/adr/0045), inside the
 * approval's transaction: the user name is the verified e-mail address, the password the hash the person
 * chose (never seen by anyone else, so no change is required), and the one role is applicant on the
 * platform registered on — never a staff role or an administrator kind. The caller has checked that the
 * name is free; the unique index decides a race.
 */
export async function insertSelfRegisteredAccount(
  trx: Kysely<DB>,
  ctx: Ctx,
  input: {
    email: string;
    displayName: string;
    passwordHash: string;
    locale: Locale;
    platformId: string;
    now: string;
  },
): Promise<string> {
  const id = newId();
  await repo.insertAccount(trx, {
    id,
    username: input.email,
    displayName: input.displayName,
    email: input.email,
    passwordHash: input.passwordHash,
    isSystemAdmin: false,
    isSecurityAdmin: false,
    isAuditAdmin: false,
    locale: input.locale,
    passwordChangedAt: input.now,
    createdAt: input.now,
    updatedAt: input.now,
  });
  const roles = [{ platformId: input.platformId, role: 'applicant' as const }];
  await grants.insertRoles(trx, id, roles, input.now);
  await appendAudit(trx, ctx.seam, ctx, {
    action: 'user.created',
    entityType: 'user',
    entityId: id,
    after: { username: input.email, displayName: input.displayName, roles, via: 'registration' },
  });
  return id;
}
