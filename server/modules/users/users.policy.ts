import type { Actor } from '../../http/context.js';
import { hasRole, platformIdsWithRole } from '../../http/context.js';

export type UsersAction =
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.reset_password'
  | 'users.assign_roles'
  | 'users.assign_admin_kinds'
  | 'users.reset_mfa'
  | 'users.unlock';

/**
 * Pure rule, separated by duty (三权分立, docs/adr/0014): the system administrator runs the accounts
 * themselves; the security administrator decides who may do what (roles, administrator kinds) and
 * handles second factors and lockouts; platform admins grant roles on their own platforms.
 */
export function can(actor: Actor, action: UsersAction, resource: { platformIds?: string[] } = {}): boolean {
  if (!actor) return false;
  const platformAdminOf = platformIdsWithRole(actor, ['platform_admin']);
  switch (action) {
    case 'users.create':
    case 'users.update':
    case 'users.reset_password':
      return actor.isSystemAdmin;
    case 'users.assign_admin_kinds':
    case 'users.reset_mfa':
    case 'users.unlock':
      return actor.isSecurityAdmin;
    case 'users.list':
      return actor.isSystemAdmin || actor.isSecurityAdmin || platformAdminOf.length > 0;
    case 'users.assign_roles':
      if (actor.isSecurityAdmin) return true;
      return (
        platformAdminOf.length > 0 &&
        (resource.platformIds ?? []).every((p) => hasRole(actor, 'platform_admin', p))
      );
  }
}
