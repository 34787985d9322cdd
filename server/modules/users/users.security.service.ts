import type { Kysely } from 'kysely';
import type { AdminKind } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { removeFactor } from '../auth/mfa.service.js';
import { can } from './users.policy.js';

const COLUMN = {
  system_admin: 'is_system_admin',
  security_admin: 'is_security_admin',
  audit_admin: 'is_audit_admin',
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
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('users.not_found');
  return u;
}

/**
 * Makes an account one of the three administrators (security admins, CLI). An account holding another
 * kind is refused with 409: the kind it has must be revoked first, by a deliberate second step.
 */
export async function grantAdminKind(ctx: Ctx, userId: string, kind: AdminKind): Promise<void> {
  if (!can(ctx.actor, 'users.assign_admin_kinds')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const u = await userOrNotFound(trx, userId);
    const other = (Object.keys(COLUMN) as AdminKind[]).find((k) => k !== kind && u[COLUMN[k]] === 1);
    if (other) {
      throw new AppError(409, 'users.admin_kinds_exclusive', {
        holds: other,
        errors: [{ in: 'body', pointer: '/adminKind', code: 'users.admin_kinds_exclusive', message: '' }],
      });
    }
    if (u[COLUMN[kind]] === 1) return;
    await trx
      .updateTable('users')
      .set({ [COLUMN[kind]]: 1, updated_at: isoNow(ctx.clock) })
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
  await ctx.db.transaction().execute(async (trx) => {
    const u = await userOrNotFound(trx, userId);
    if (u[COLUMN[kind]] !== 1) return;
    await trx
      .updateTable('users')
      .set({ [COLUMN[kind]]: 0, updated_at: isoNow(ctx.clock) })
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
  await ctx.db.transaction().execute(async (trx) => {
    const u = await userOrNotFound(trx, userId);
    if (!u.locked_until || u.locked_until <= isoNow(ctx.clock)) throw new AppError(409, 'users.not_locked');
    await trx
      .updateTable('users')
      .set({ locked_until: null, failed_login_count: 0 })
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      before: { lockedUntil: u.locked_until },
    });
  });
}

/** Removes someone's second factor (security admins): they enrol again at their next sign-in. */
export async function resetUserMfa(ctx: Ctx, userId: string): Promise<void> {
  if (!can(ctx.actor, 'users.reset_mfa')) throw forbidden();
  await userOrNotFound(ctx.db, userId);
  const row = await ctx.db
    .selectFrom('user_mfa')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError(409, 'auth.mfa_not_enrolled');
  await removeFactor(ctx, userId, 'auth.mfa_reset', true);
}
