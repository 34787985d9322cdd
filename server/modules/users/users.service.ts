import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { passwordProblem } from '../../../common/password-policy.js';
import type { Role } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB, UsersTable } from '../../db/schema.js';
import { type Ctx, isoNow, newId, platformIdsWithRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { rolesOf } from '../auth/auth.repository.js';
import { hashPassword } from '../auth/password.js';
import { revokeAllTokensOf } from '../auth/tokens.service.js';
import { can } from './users.policy.js';
import type { UserView } from './users.schema.js';
import { assertCreateAllowed } from './users.security.service.js';

type RoleInput = { platformId: string; role: Role };

function assertPassword(password: string, username: string, pointer = '/password') {
  const problem = passwordProblem(password, username);
  if (problem)
    throw new AppError(400, problem, { errors: [{ in: 'body', pointer, code: problem, message: '' }] });
}

async function assertPlatformsExist(trx: Kysely<DB>, roles: RoleInput[]) {
  const ids = [...new Set(roles.map((r) => r.platformId))];
  if (ids.length === 0) return;
  const found = new Set(
    (await trx.selectFrom('platforms').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
  );
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
function visibleRoles<R extends { platform_id: string }>(ctx: Ctx, roles: R[]): R[] {
  if (ctx.actor?.isSystemAdmin || ctx.actor?.isSecurityAdmin) return roles;
  const scope = new Set(platformIdsWithRole(ctx.actor, ['platform_admin']));
  return roles.filter((r) => scope.has(r.platform_id));
}

function toView(
  u: Selectable<UsersTable>,
  roles: ReadonlyArray<{ platform_id: string; role: string }>,
): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    isSystemAdmin: u.is_system_admin === 1,
    isSecurityAdmin: u.is_security_admin === 1,
    isAuditAdmin: u.is_audit_admin === 1,
    disabled: u.disabled_at !== null,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
    roles: roles.map((r) => ({ platformId: r.platform_id, role: r.role as Role })),
  };
}

type RoleRow = { platform_id: string; role: string };

async function viewOf(db: Kysely<DB>, id: string, show = (roles: RoleRow[]) => roles): Promise<UserView> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('users.not_found');
  const roles = await db
    .selectFrom('role_assignments')
    .select(['platform_id', 'role'])
    .where('user_id', '=', id)
    .orderBy('platform_id')
    .orderBy('role')
    .execute();
  return toView(u, show(roles));
}

/**
 * Creates an account (system admins; also the CLI and the demo seed). Initial roles need the right to
 * grant them and administrator kinds the security admin's, so creating accounts grants nothing by itself.
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
  },
): Promise<UserView> {
  const kinds = {
    system: input.isSystemAdmin,
    security: !!input.isSecurityAdmin,
    audit: !!input.isAuditAdmin,
  };
  assertCreateAllowed(ctx, kinds, input.roles);
  const username = input.username.toLowerCase();
  assertPassword(input.password, username);
  const hash = await hashPassword(input.password);
  const id = newId();
  const usernameTaken = () =>
    new AppError(409, 'users.username_taken', {
      errors: [{ in: 'body', pointer: '/username', code: 'users.username_taken', message: '' }],
    });
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst();
      if (taken) throw usernameTaken();
      await assertPlatformsExist(trx, input.roles);
      const now = isoNow(ctx.clock);
      await trx
        .insertInto('users')
        .values({
          id,
          username,
          display_name: input.displayName,
          email: input.email ?? null,
          password_hash: hash,
          is_system_admin: kinds.system ? 1 : 0,
          is_security_admin: kinds.security ? 1 : 0,
          is_audit_admin: kinds.audit ? 1 : 0,
          locale: 'zh-CN',
          locked_until: null,
          disabled_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await insertRoles(trx, id, input.roles, now);
      await appendAudit(trx, ctx.seam, ctx, {
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
    })
    .catch((err: unknown) => {
      // Two creations of one name can both pass the check above; the unique index decides, and the loser gets 409.
      throw ctx.seam.isUniqueViolation(err) ? usernameTaken() : err;
    });
  return viewOf(ctx.db, id);
}

async function insertRoles(trx: Kysely<DB>, userId: string, roles: RoleInput[], now: string) {
  const unique = [...new Map(roles.map((r) => [`${r.platformId}:${r.role}`, r])).values()];
  if (unique.length === 0) return;
  await trx
    .insertInto('role_assignments')
    .values(
      unique.map((r) => ({
        id: newId(),
        user_id: userId,
        platform_id: r.platformId,
        role: r.role,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * Replaces a user's roles. A platform admin may only touch assignments on platforms they administer;
 * the user's roles elsewhere are kept as they are.
 */
export async function setRoles(ctx: Ctx, userId: string, roles: RoleInput[]): Promise<UserView> {
  const actor = ctx.actor;
  if (!can(actor, 'users.list')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rolesOf(trx, userId);
    if (!(await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())) {
      throw notFound('users.not_found');
    }
    // The security admin replaces every role; a platform admin (system admin or not) only their platforms'.
    const scope = actor!.isSecurityAdmin ? null : new Set(platformIdsWithRole(actor, ['platform_admin']));
    const touched = [...new Set([...roles.map((r) => r.platformId)])];
    if (!can(actor, 'users.assign_roles', { platformIds: touched })) throw forbidden();
    await assertPlatformsExist(trx, roles);
    let del = trx.deleteFrom('role_assignments').where('user_id', '=', userId);
    if (scope) del = del.where('platform_id', 'in', [...scope]);
    await del.execute();
    await insertRoles(trx, userId, roles, isoNow(ctx.clock));
    const after = await rolesOf(trx, userId);
    // One entry per platform whose roles changed, so each platform's own audit trail shows it.
    const platforms = [...new Set([...before, ...after].map((r) => r.platformId))].sort();
    for (const platformId of platforms) {
      const b = before.filter((r) => r.platformId === platformId).map((r) => r.role);
      const a = after.filter((r) => r.platformId === platformId).map((r) => r.role);
      if (b.join() === a.join()) continue;
      await appendAudit(trx, ctx.seam, ctx, {
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
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!before) throw notFound('users.not_found');
    const now = isoNow(ctx.clock);
    const patch = {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.disabled !== undefined && {
        disabled_at: input.disabled ? (before.disabled_at ?? now) : null,
      }),
      updated_at: now,
    };
    await trx.updateTable('users').set(patch).where('id', '=', userId).execute();
    if (input.disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      before: { displayName: before.display_name, email: before.email, disabledAt: before.disabled_at },
      after: { displayName: patch.display_name, email: patch.email, disabledAt: patch.disabled_at },
    });
  });
  return viewOf(ctx.db, userId);
}

/** Sets a new password for someone (system admins, CLI); clears lockout, ends their sessions, revokes their API tokens. */
export async function resetPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  if (!can(ctx.actor, 'users.reset_password')) throw forbidden();
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('users.not_found');
  assertPassword(password, user.username);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        password_changed_at: now,
        updated_at: now,
        failed_login_count: 0,
        locked_until: null,
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const revokedTokens = await revokeAllTokensOf(trx, userId, now);
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      after: { revokedTokens },
    });
  });
}

/** Lists accounts the caller may manage: all for system admins, role holders of their platforms otherwise. */
export async function listUsers(
  ctx: Ctx,
  q: { q?: string; platformId?: string; limit: number; offset: number },
) {
  if (!can(ctx.actor, 'users.list')) throw forbidden();
  const wide = ctx.actor!.isSystemAdmin || ctx.actor!.isSecurityAdmin;
  const scope = wide ? null : platformIdsWithRole(ctx.actor, ['platform_admin']);
  let base = ctx.db.selectFrom('users');
  if (scope || q.platformId) {
    const platforms = q.platformId
      ? scope
        ? scope.filter((p) => p === q.platformId)
        : [q.platformId]
      : scope!;
    if (platforms.length === 0) return { items: [], total: 0 };
    base = base.where('id', 'in', (eb) =>
      eb.selectFrom('role_assignments').select('user_id').where('platform_id', 'in', platforms),
    );
  }
  if (q.q) {
    // The search text is matched literally: % and _ are escaped, not wildcards.
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(${sql.ref('username')} like ${like} escape '\\' or lower(${sql.ref('display_name')}) like ${like} escape '\\')`,
    );
  }
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base.selectAll().orderBy('username').limit(q.limit).offset(q.offset).execute();
  const roleRows = rows.length
    ? await ctx.db
        .selectFrom('role_assignments')
        .select(['user_id', 'platform_id', 'role'])
        .where(
          'user_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('platform_id')
        .orderBy('role')
        .execute()
    : [];
  const items = rows.map((u) =>
    toView(
      u,
      visibleRoles(
        ctx,
        roleRows.filter((r) => r.user_id === u.id),
      ),
    ),
  );
  return { items, total };
}

/** One account as the users API shows it, after a change by the security admin. */
export const viewUser = (ctx: Ctx, id: string) => viewOf(ctx.db, id);

export const findUserIdByUsername = async (db: Kysely<DB>, username: string) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst()
  )?.id;
