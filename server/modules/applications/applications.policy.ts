import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type ApplicationAction = 'read' | 'edit' | 'screen';
/**
 * How the caller relates to one application: its owner (who made it for the lead organisation), the
 * contact of a member who confirmed its part, or an officer of the call's platform.
 */
export type Relation = 'owner' | 'member' | 'officer';

/** Program officers and admins of the platform (and system admins) screen and see all applications. */
export function isOfficer(actor: Actor, platformId: string): boolean {
  if (!actor) return false;
  return (
    actor.isSystemAdmin ||
    hasRole(actor, 'program_officer', platformId) ||
    hasRole(actor, 'platform_admin', platformId)
  );
}

/** Applying is an applicant's act on the call's platform; administrators do not apply. */
export const canApply = (actor: Actor, platformId: string) => hasRole(actor, 'applicant', platformId);

/** Pure rule over the caller's relations to the application. */
export function can(relations: ReadonlySet<Relation>, action: ApplicationAction): boolean {
  if (action === 'read') return relations.size > 0;
  if (action === 'edit') return relations.has('owner');
  return relations.has('officer');
}
