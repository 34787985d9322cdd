import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type ProjectsAction =
  | 'projects.list'
  | 'projects.read'
  | 'projects.register'
  | 'projects.manage'
  | 'projects.configure';

/**
 * The project (or, for registration, the unit) as the rules see it: its platform, its kind, the user
 * account of its unit's director (if any is linked) and whether the caller is on it (their person or
 * organisation in the consortium, or the owner of the application it came from).
 */
export interface ProjectUnit {
  platformId: string;
  directorUserId: string | null;
  kind?: 'intramural' | 'extramural';
  onProject?: boolean;
}

/** The platform's roles that read every project of it: the funder's side and the supervisors. */
const READ_ALL = ['platform_admin', 'program_officer', 'supervisor'] as const;

/** Whether the actor reads every project of the platform (the list is not narrowed to their own). */
export function readsAllProjects(actor: Actor, platformId: string): boolean {
  if (!actor) return false;
  return actor.isSystemAdmin || READ_ALL.some((r) => hasRole(actor, r, platformId));
}

const directs = (actor: NonNullable<Actor>, unit: ProjectUnit) =>
  hasRole(actor, 'lab_director', unit.platformId) &&
  !!unit.directorUserId &&
  unit.directorUserId === actor.userId;

/**
 * Pure rule. Anyone with a role on the platform may ask for its list (projects.list), which shows them
 * only what they may read. A project is read (projects.read) by the platform's admins, program officers
 * and supervisors, by the director of its unit, and by those on it (lead and members of the consortium);
 * to anyone else it does not exist. An intramural project is registered by the platform's admins for
 * any unit, or by a lab director for the unit they direct. The state of a project is moved
 * (projects.manage) by the funder's side: the platform's admins, its program officers for extramural
 * projects, and the unit's director for an intramural one. The platform's settings for its projects (the
 * reminders of reports due) are configured (projects.configure) by its admins alone.
 */
export function can(actor: Actor, action: ProjectsAction, unit: ProjectUnit): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const hasAnyRole = actor.roles.some((r) => r.platformId === unit.platformId);
  if (action === 'projects.list') return hasAnyRole;
  if (action === 'projects.read')
    return (
      readsAllProjects(actor, unit.platformId) || (hasAnyRole && (!!unit.onProject || directs(actor, unit)))
    );
  if (hasRole(actor, 'platform_admin', unit.platformId)) return true;
  if (action === 'projects.configure') return false;
  if (action === 'projects.manage' && unit.kind === 'extramural')
    return hasRole(actor, 'program_officer', unit.platformId);
  return directs(actor, unit);
}
