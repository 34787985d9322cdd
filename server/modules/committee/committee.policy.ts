import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type CommitteeAction = 'committee.read' | 'committee.manage';

/**
 * Pure rule. Members are people, so the member list is for those with a role on the platform; the
 * composition by category is public through the organisation chart. The platform's admins appoint.
 */
export function can(actor: Actor, action: CommitteeAction, platform: { id: string }): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (action === 'committee.manage') return hasRole(actor, 'platform_admin', platform.id);
  return actor.roles.some((r) => r.platformId === platform.id);
}
