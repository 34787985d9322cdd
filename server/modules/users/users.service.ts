import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId, platformIdsWithRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { endSessionsOf } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { rememberPassword } from '../auth/password-history.js';
import { assertPasswordAllowed } from '../auth/password-rules.js';
import { revokeAllTokensOf } from '../auth/tokens.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { toView } from './users.list.js';
import { can } from './users.policy.js';
import {
  findAccountById,
  findAccountByUsername,
  insertAccount,
  type RoleGrant,
  updateAccount,
} from './users.repository.js';
import { deleteRoles, insertRoles, rolesOf } from './users.roles.repository.js';
import type { UserView } from './users.schema.js';
import { assertCreateAllowed } from './users.security.service.js';

type RoleInput = RoleGrant;

async function assertPlatformsExist(trx: Kysely<DB>, roles: RoleInput[]) {
  const ids = [...new Set(roles.map((r) => r.platformId))];
  if (ids.length === 0) return;
  const found = new Set((await platformSummaries(trx, ids)).keys());
  const i = roles.findIndex((r) => !found.has(r.platformId));
  if (i >= 0) {
    throw new AppError(400, 'users.unknown_platform', {
      errors: [
        { in: 'body', pointer: `/roles/${i}/platformId`, code: 'users.unknown_platform', message: '' },
      ],
    });
  }
}

/** A platform admin sees a user's roles on the platforms they administer, not the user's roles elsewhere. */
function visibleRoles(ctx: Ctx, roles: RoleGrant[]): RoleGrant[] {
  if (ctx.actor?.isSystemAdmin || ctx.actor?.isSecurityAdmin) return roles;
  const scope = new Set(platformIdsWithRole(ctx.actor, ['platform_admin']));
  return roles.filter((r) => scope.has(r.platformId));
}

async function viewOf(db: Kysely<DB>, id: string, show = (roles: RoleGrant[]) => roles): Promise<UserView> {
  const u = await findAccountById(db, id);
  if (!u) throw notFound('users.not_found');
  return toView(u, show(await rolesOf(db, id)));
}

/**
 * Creates an account (system admins; also the CLI and the demo seed). Initial roles need the right to
 * grant them and administrator kinds the security admin's, so creating accounts grants nothing by itself.
 * `options.demoSeed` is for the demo seed alone: its shared password is printed in the README and holds
 * the product name, and its applicants' random ones may by chance hold a platform code; the policy
 * refuses both to everyone else (docs/sign-in.md).
 */
export async function createUser(
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    email?: string | null;
    password: string;
    isSystemAdmin: boolean;
    isSecurityAdmin?: boolean;
    isAuditAdmin?: boolean;
    roles: RoleInput[];
    /** An administrator chose the password for someone else (the API): it must be replaced at first sign-in. */
    passwordChangeRequired?: boolean;
  },
  options: { demoSeed?: boolean } = {},
): Promise<UserView> {
  const kinds = {
    system: input.isSystemAdmin,
    security: !!input.isSecurityAdmin,
    audit: !!input.isAuditAdmin,
  };
  assertCreateAllowed(ctx, kinds, input.roles);
  const username = input.username.toLowerCase();
  if (!options.demoSeed) {
    const account = { username, email: input.email, displayName: input.displayName };
    await assertPasswordAllowed(ctx, input.password, account, '/password');
  }
  const hash = await hashPassword(input.password);
  const id = newId();
  const usernameTaken = () =>
    new AppError(409, 'users.username_taken', {
      errors: [{ in: 'body', pointer: '/username', code: 'users.username_taken', message: '' }],
    });
  await write(ctx, async (trx, audit) => {
    if (await findAccountByUsername(trx, username)) throw usernameTaken();
    await assertPlatformsExist(trx, input.roles);
    const now = isoNow(ctx.clock);
    await insertAccount(trx, {
      id,
      username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash: hash,
      isSystemAdmin: kinds.system,
      isSecurityAdmin: kinds.security,
      isAuditAdmin: kinds.audit,
      locale: 'zh-CN',
      passwordChangedAt: now,
      passwordChangeRequired: !!input.passwordChangeRequired,
      createdAt: now,
      updatedAt: now,
    });
    await insertRoles(trx, id, input.roles, now);
    await audit({
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      after: {
        username,
        displayName: input.displayName,
        isSystemAdmin: kinds.system,
        isSecurityAdmin: kinds.security,
        isAuditAdmin: kinds.audit,
        roles: input.roles,
      },
    });
  }).catch((err: unknown) => {
    // Two creations of one name can both pass the check above; the unique index decides, and the loser gets 409.
    throw ctx.seam.isUniqueViolation(err) ? usernameTaken() : err;
  });
  return viewOf(ctx.db, id);
}

/**
 * Replaces a user's roles. A platform admin may only touch assignments on platforms they administer;
 * the user's roles elsewhere are kept as they are.
 */
export async function setRoles(ctx: Ctx, userId: string, roles: RoleInput[]): Promise<UserView> {
  const actor = ctx.actor;
  if (!can(actor, 'users.list')) throw forbidden();
  await write(ctx, async (trx, audit) => {
    const before = await rolesOf(trx, userId);
    const target = await findAccountById(trx, userId);
    if (!target) throw notFound('users.not_found');
    // 三权分立 (ADR 0014): what the security and audit administrators may do is the security admin's
    // decision; a platform admin granting them a platform role would give the keeper of the audit log an
    // operating role (the security sweep found a NIST admin could, by id, for an account it never saw).
    if (!actor!.isSecurityAdmin && (target.isSecurityAdmin || target.isAuditAdmin))
      throw new AppError(403, 'users.administrator_roles');
    // The security admin replaces every role; a platform admin (system admin or not) only their platforms'.
    const scope = actor!.isSecurityAdmin ? null : new Set(platformIdsWithRole(actor, ['platform_admin']));
    const touched = [...new Set([...roles.map((r) => r.platformId)])];
    if (!can(actor, 'users.assign_roles', { platformIds: touched })) throw forbidden();
    await assertPlatformsExist(trx, roles);
    await deleteRoles(trx, userId, scope && [...scope]);
    await insertRoles(trx, userId, roles, isoNow(ctx.clock));
    const after = await rolesOf(trx, userId);
    // One entry per platform whose roles changed, so each platform's own audit trail shows it.
    const platforms = [...new Set([...before, ...after].map((r) => r.platformId))].sort();
    for (const platformId of platforms) {
      const b = before.filter((r) => r.platformId === platformId).map((r) => r.role);
      const a = after.filter((r) => r.platformId === platformId).map((r) => r.role);
      if (b.join() === a.join()) continue;
      await audit({
        action: 'user.roles_changed',
        entityType: 'user',
        entityId: userId,
        platformId,
        before: { roles: b },
        after: { roles: a },
      });
    }
  });
  return viewOf(ctx.db, userId, (roles) => visibleRoles(ctx, roles));
}

/** Edits profile fields or disables an account (system admins). Disabling ends its sessions. */
export async function updateUser(
  ctx: Ctx,
  userId: string,
  input: { displayName?: string; email?: string | null; disabled?: boolean },
): Promise<UserView> {
  if (!can(ctx.actor, 'users.update')) throw forbidden();
  await write(ctx, async (trx, audit) => {
    const before = await findAccountById(trx, userId);
    if (!before) throw notFound('users.not_found');
    // An administrator disabling their own account would end the session doing it and could leave no
    // one to enable it again; another system admin does it.
    if (input.disabled && userId === ctx.actor?.userId) throw new AppError(409, 'users.disable_self');
    // One's own e-mail changes with the password again (PUT /api/me/email, ASVS 7.5.1), admin or not.
    if (userId === ctx.actor?.userId && input.email !== undefined && input.email !== before.email) {
      throw new AppError(422, 'auth.reauthentication_required', {
        errors: [
          {
            in: 'body',
            pointer: '/email',
            code: 'auth.reauthentication_required',
            message: 'change your own e-mail at PUT /api/me/email with your password',
          },
        ],
      });
    }
    const now = isoNow(ctx.clock);
    const patch = {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.disabled !== undefined && {
        disabledAt: input.disabled ? (before.disabledAt ?? now) : null,
      }),
      updatedAt: now,
    };
    await updateAccount(trx, userId, patch);
    if (input.disabled) await endSessionsOf(trx, userId);
    await audit({
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      before: { displayName: before.displayName, email: before.email, disabledAt: before.disabledAt },
      after: { displayName: patch.displayName, email: patch.email, disabledAt: patch.disabledAt },
    });
  });
  return viewOf(ctx.db, userId);
}

/**
 * Sets a new password for someone (system admins, CLI); clears lockout, ends their sessions, revokes their
 * API tokens. The password is the administrator's choice, so its owner must replace it at the next sign-in.
 */
export async function resetPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  if (!can(ctx.actor, 'users.reset_password')) throw forbidden();
  const user = await findAccountById(ctx.db, userId);
  if (!user) throw notFound('users.not_found');
  await assertPasswordAllowed(ctx, password, user, '/password');
  const hash = await hashPassword(password);
  await write(ctx, async (trx, audit) => {
    const now = isoNow(ctx.clock);
    // The owner's own password goes to the history, so the reset is no way back to it.
    await rememberPassword(trx, userId, user.passwordHash, now, ctx.config.passwordHistory);
    await updateAccount(trx, userId, {
      passwordHash: hash,
      passwordChangedAt: now,
      passwordChangeRequired: true,
      updatedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    await endSessionsOf(trx, userId);
    const revokedTokens = await revokeAllTokensOf(trx, userId, now);
    await audit({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      after: { revokedTokens },
    });
  });
}

export { listUsers } from './users.list.js';

/** One account as the users API shows it, after a change by the security admin. */
export const viewUser = (ctx: Ctx, id: string) => viewOf(ctx.db, id);

export const findUserIdByUsername = async (db: Kysely<DB>, username: string) =>
  (await findAccountByUsername(db, username))?.id;
