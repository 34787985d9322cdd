import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type UnitsAction = 'units.read' | 'units.read_personal' | 'units.manage' | 'units.manage_staff';

/** The unit as the rules see it: its platform, and the user account of its director (if linked). */
export interface UnitResource {
  platformId: string;
  directorUserId?: string | null;
}

/**
 * Pure rule. Unit names, kinds and fields are public. Directors and staff are for those with a role on
 * the platform. The platform's admins create, edit and delete units; a lab director also keeps the
 * staff and fields of the unit they direct (their account is linked to the unit's director).
 */
export function can(actor: Actor, action: UnitsAction, unit: UnitResource): boolean {
  if (action === 'units.read') return true;
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const admin = hasRole(actor, 'platform_admin', unit.platformId);
  switch (action) {
    case 'units.read_personal':
      return actor.roles.some((r) => r.platformId === unit.platformId);
    case 'units.manage':
      return admin;
    case 'units.manage_staff':
      return (
        admin ||
        (hasRole(actor, 'lab_director', unit.platformId) &&
          !!unit.directorUserId &&
          unit.directorUserId === actor.userId)
      );
  }
}
