import type { Kysely } from 'kysely';
import type { AdminKind } from '../../../common/roles.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { hasFactor, removeFactor } from '../auth/mfa.service.js';
import { can } from './users.policy.js';
import { findAccountById, updateAccount } from './users.repository.js';

const FLAG = {
  system_admin: 'isSystemAdmin',
  security_admin: 'isSecurityAdmin',
  audit_admin: 'isAuditAdmin',
} as const satisfies Record<AdminKind, string>;

const exclusive = (pointer: string) =>
  new AppError(422, 'users.admin_kinds_exclusive', {
    errors: [{ in: 'body', pointer, code: 'users.admin_kinds_exclusive', message: '' }],
  });

/** Who may create this account: system admins, with the right to grant whatever it starts with. */
export function assertCreateAllowed(
  ctx: Ctx,
  kinds: { system: boolean; security: boolean; audit: boolean },
  roles: ReadonlyArray<{ platformId: string }>,
): void {
  if (!can(ctx.actor, 'users.create')) throw forbidden();
  const held = Object.entries(kinds).filter(([, on]) => on);
  if (held.length > 1) throw exclusive('/isSystemAdmin');
  if (held.length === 1 && !can(ctx.actor, 'users.assign_admin_kinds')) throw forbidden();
  const platformIds = [...new Set(roles.map((r) => r.platformId))];
  if (platformIds.length && !can(ctx.actor, 'users.assign_roles', { platformIds })) throw forbidden();
}

async function userOrNotFound(db: Kysely<DB>, id: string) {
  const u = await findAccountById(db, id);
  if (!u) throw notFound('users.not_found');
  return u;
}

/**
 * Makes an account one of the three administrators (security admins, CLI). An account holding another
 * kind is refused with 409: the kind it has must be revoked first, by a deliberate second step.
 */
export async function grantAdminKind(ctx: Ctx, userId: string, kind: AdminKind): Promise<void> {
  if (!can(ctx.actor, 'users.assign_admin_kinds')) throw forbidden();
  await write(ctx, async (trx, audit) => {
    const u = await userOrNotFound(trx, userId);
    const other = (Object.keys(FLAG) as AdminKind[]).find((k) => k !== kind && u[FLAG[k]]);
    if (other) {
      throw new AppError(409, 'users.admin_kinds_exclusive', {
        holds: other,
        errors: [{ in: 'body', pointer: '/adminKind', code: 'users.admin_kinds_exclusive', message: '' }],
      });
    }
    if (u[FLAG[kind]]) return;
    await updateAccount(trx, userId, { [FLAG[kind]]: true, updatedAt: isoNow(ctx.clock) });
    await audit({
      action: 'user.admin_kind_granted',
      entityType: 'user',
      entityId: userId,
      after: { adminKind: kind },
    });
  });
}

/** Takes an administrator kind away (security admins, CLI); nothing to do when it is not held. */
export async function revokeAdminKind(ctx: Ctx, userId: string, kind: AdminKind): Promise<void> {
  if (!can(ctx.actor, 'users.assign_admin_kinds')) throw forbidden();
  await write(ctx, async (trx, audit) => {
    const u = await userOrNotFound(trx, userId);
    if (!u[FLAG[kind]]) return;
    await updateAccount(trx, userId, { [FLAG[kind]]: false, updatedAt: isoNow(ctx.clock) });
    await audit({
      action: 'user.admin_kind_revoked',
      entityType: 'user',
      entityId: userId,
      before: { adminKind: kind },
    });
  });
}

/** Lifts a lockout before it runs out (security admins); the account's password is not touched. */
export async function unlockUser(ctx: Ctx, userId: string): Promise<void> {
  if (!can(ctx.actor, 'users.unlock')) throw forbidden();
  await write(ctx, async (trx, audit) => {
    const u = await userOrNotFound(trx, userId);
    if (!u.lockedUntil || u.lockedUntil <= isoNow(ctx.clock)) throw new AppError(409, 'users.not_locked');
    await updateAccount(trx, userId, { lockedUntil: null, failedLoginCount: 0 });
    await audit({
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      before: { lockedUntil: u.lockedUntil },
    });
  });
}

/** Removes someone's second factor (security admins): they enrol again at their next sign-in. */
export async function resetUserMfa(ctx: Ctx, userId: string): Promise<void> {
  if (!can(ctx.actor, 'users.reset_mfa')) throw forbidden();
  await userOrNotFound(ctx.db, userId);
  if (!(await hasFactor(ctx.db, userId))) throw new AppError(409, 'auth.mfa_not_enrolled');
  await removeFactor(ctx, userId, 'auth.mfa_reset', true);
}
