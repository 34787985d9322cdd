import type { RequestSide } from '../../../common/services.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

/** A unit as the rules see it: its platform and the account of its director. */
export interface UnitSide {
  platformId: string;
  directorUserId: string | null;
}

/**
 * Pure rule. A unit's catalog is kept, and its requests answered, by the unit's director (a lab director
 * whose account is linked to the unit's director) and the platform's admins; system admins do all.
 */
export function actsForUnit(actor: Actor, unit: UnitSide): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin || hasRole(actor, 'platform_admin', unit.platformId)) return true;
  return hasRole(actor, 'lab_director', unit.platformId) && unit.directorUserId === actor.userId;
}

/** Enterprises of the platform ask for its published services. */
export const mayRequest = (actor: Actor, platformId: string) =>
  !!actor && (actor.isSystemAdmin || hasRole(actor, 'enterprise_user', platformId));

/** The platform's admins and its supervisor read every request of the platform. */
export const overseesPlatform = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    hasRole(actor, 'platform_admin', platformId) ||
    hasRole(actor, 'supervisor', platformId));

/** A service request as the rules see it. */
export interface RequestResource extends UnitSide {
  requesterId: string;
  organisationId: string | null;
}

/**
 * The sides the actor acts on for a request: the enterprise that asked (the requester, or an account
 * of the same organisation), the unit that serves it, and the platform (admins resolve disputes and
 * close). Empty when the actor may not see the request; the supervisor reads but acts on no side.
 */
export function sidesOf(actor: Actor, r: RequestResource, actorOrganisationId: string | null): RequestSide[] {
  if (!actor) return [];
  const sides: RequestSide[] = [];
  const sameOrg = !!r.organisationId && r.organisationId === actorOrganisationId;
  if (actor.userId === r.requesterId || (sameOrg && hasRole(actor, 'enterprise_user', r.platformId)))
    sides.push('enterprise');
  if (actsForUnit(actor, r)) sides.push('unit');
  if (actor.isSystemAdmin || hasRole(actor, 'platform_admin', r.platformId)) sides.push('platform');
  return sides;
}

/** Whether the actor may read the request at all. */
export const mayReadRequest = (actor: Actor, r: RequestResource, actorOrganisationId: string | null) =>
  sidesOf(actor, r, actorOrganisationId).length > 0 || overseesPlatform(actor, r.platformId);
