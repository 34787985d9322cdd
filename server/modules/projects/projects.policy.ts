import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type ProjectsAction = 'projects.read' | 'projects.register' | 'projects.manage';

/**
 * The project (or, for registration, the unit) as the rules see it: its platform, its kind and the
 * user account of its unit's director (if any is linked).
 */
export interface ProjectUnit {
  platformId: string;
  directorUserId: string | null;
  kind?: 'intramural' | 'extramural';
}

/**
 * Pure rule. Projects are read by anyone with a role on the platform. An intramural project is
 * registered by the platform's admins for any unit, or by a lab director for the unit they direct.
 * The state of a project is moved (projects.manage) by the funder's side: the platform's admins, its
 * program officers for extramural projects, and the unit's director for an intramural one.
 */
export function can(actor: Actor, action: ProjectsAction, unit: ProjectUnit): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (action === 'projects.read') return actor.roles.some((r) => r.platformId === unit.platformId);
  if (hasRole(actor, 'platform_admin', unit.platformId)) return true;
  if (action === 'projects.manage' && unit.kind === 'extramural')
    return hasRole(actor, 'program_officer', unit.platformId);
  return (
    hasRole(actor, 'lab_director', unit.platformId) &&
    !!unit.directorUserId &&
    unit.directorUserId === actor.userId
  );
}
