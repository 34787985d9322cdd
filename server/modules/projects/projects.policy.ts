import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type ProjectsAction = 'projects.read' | 'projects.register';

/** The unit as the rules see it: its platform and the user account of its director (if linked). */
export interface ProjectUnit {
  platformId: string;
  directorUserId: string | null;
}

/**
 * Pure rule. Projects are read by anyone with a role on the platform. An intramural project is
 * registered by the platform's admins for any unit, or by a lab director for the unit they direct.
 */
export function can(actor: Actor, action: ProjectsAction, unit: ProjectUnit): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (action === 'projects.read') return actor.roles.some((r) => r.platformId === unit.platformId);
  return (
    hasRole(actor, 'platform_admin', unit.platformId) ||
    (hasRole(actor, 'lab_director', unit.platformId) &&
      !!unit.directorUserId &&
      unit.directorUserId === actor.userId)
  );
}
