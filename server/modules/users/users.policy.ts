import type { Actor } from '../../http/context.js';
import { hasRole, platformIdsWithRole } from '../../http/context.js';

export type UsersAction =
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.reset_password'
  | 'users.assign_roles';

/** Pure rule: system admins manage every account; platform admins grant roles on their own platforms. */
export function can(actor: Actor, action: UsersAction, resource: { platformIds?: string[] } = {}): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  switch (action) {
    case 'users.list':
      return platformIdsWithRole(actor, ['platform_admin']).length > 0;
    case 'users.assign_roles':
      return (
        platformIdsWithRole(actor, ['platform_admin']).length > 0 &&
        (resource.platformIds ?? []).every((p) => hasRole(actor, 'platform_admin', p))
      );
    default:
      return false;
  }
}
