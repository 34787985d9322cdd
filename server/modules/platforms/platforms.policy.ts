import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type PlatformsAction =
  | 'platforms.read'
  | 'platforms.create'
  | 'platforms.update'
  | 'platforms.read_personal';

/**
 * Pure rule. Profiles, ratings, funding, units and fields are public (the comparison and the
 * organisation chart are). System admins create platforms and appoint their admins through the user
 * roles; a platform admin edits their own platform. Anything personal about the people of a platform
 * is for those who hold a role on it.
 */
export function can(actor: Actor, action: PlatformsAction, platform: { id: string } | null = null): boolean {
  if (action === 'platforms.read') return true;
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  switch (action) {
    case 'platforms.create':
      return false;
    case 'platforms.update':
      return !!platform && hasRole(actor, 'platform_admin', platform.id);
    case 'platforms.read_personal':
      return !!platform && actor.roles.some((r) => r.platformId === platform.id);
  }
}
