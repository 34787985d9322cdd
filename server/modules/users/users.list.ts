import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { answerCache, type CacheableAnswer } from '../../http/answer-cache.js';
import { type Ctx, platformIdsWithRole, type UserActor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { can } from './users.policy.js';
import { type AccountListItem, findAccountPage, type RoleGrant } from './users.repository.js';
import type { UserView } from './users.schema.js';

/**
 * The accounts list (GET /api/users): what a caller may see of it, the page, and its answer cache
 * (server/http/answer-cache.ts, docs/adr/0037).
 */

export interface ListUsersQuery {
  q?: string;
  platformId?: string;
  limit: number;
  offset: number;
}

/**
 * All that the list depends on about its caller: every account with every role (system and security
 * admins), or the holders of a role on the platforms the caller administers, with those platforms' roles
 * only. Two callers with the same view see the same list; the answer is computed from the view alone.
 */
interface ListView {
  all: boolean;
  platformIds: readonly string[];
}

function listViewOf(actor: UserActor): ListView {
  const all = actor.isSystemAdmin || actor.isSecurityAdmin;
  return { all, platformIds: all ? [] : platformIdsWithRole(actor, ['platform_admin']).sort() };
}

export function toView(u: Omit<AccountListItem, 'roles'>, roles: readonly RoleGrant[]): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    isSystemAdmin: u.isSystemAdmin,
    isSecurityAdmin: u.isSecurityAdmin,
    isAuditAdmin: u.isAuditAdmin,
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    roles: [...roles],
  };
}

/**
 * The tables the list's answer is read from: the accounts and their roles (platform ids only, no names),
 * and `platforms`, whose deletion would remove role assignments by `on delete cascade` without naming
 * them (no code deletes a platform today; docs/adr/0036 'Consequences').
 */
export const userListAnswers = answerCache({ tables: ['users', 'role_assignments', 'platforms'] });

/**
 * The list for this caller and query, after the policy allowed it (403 otherwise): its cache key — the
 * caller's view and the validated query, each field by name — and how to read it.
 */
export function listUsersAnswer(
  ctx: Ctx,
  q: ListUsersQuery,
): CacheableAnswer<{ items: UserView[]; total: number }> {
  if (!can(ctx.actor, 'users.list')) throw forbidden();
  const view = listViewOf(ctx.actor!);
  const query = { q: q.q ?? null, platformId: q.platformId ?? null, limit: q.limit, offset: q.offset };
  return { key: JSON.stringify({ view, query }), compute: () => listIn(ctx.db, view, query) };
}

/** Lists accounts the caller may manage: all for system admins, role holders of their platforms otherwise. */
export const listUsers = (ctx: Ctx, q: ListUsersQuery) => listUsersAnswer(ctx, q).compute();

async function listIn(
  db: Kysely<DB>,
  view: ListView,
  q: { q: string | null; platformId: string | null; limit: number; offset: number },
): Promise<{ items: UserView[]; total: number }> {
  let platformIds: readonly string[] | null = view.all ? null : view.platformIds;
  if (q.platformId)
    platformIds = platformIds ? platformIds.filter((p) => p === q.platformId) : [q.platformId];
  if (platformIds?.length === 0) return { items: [], total: 0 };
  const page = await findAccountPage(db, {
    platformIds,
    q: q.q ?? undefined,
    limit: q.limit,
    offset: q.offset,
  });
  // A platform admin sees a user's roles on the platforms they administer, not the user's roles elsewhere.
  const shown = view.all ? null : new Set(view.platformIds);
  const items = page.items.map((u) =>
    toView(u, shown ? u.roles.filter((r) => shown.has(r.platformId)) : u.roles),
  );
  return { items, total: page.total };
}
