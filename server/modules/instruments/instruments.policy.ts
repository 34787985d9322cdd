import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { actsForUnit, type UnitSide } from '../services/services.policy.js';

export { actsForUnit, type UnitSide };

/**
 * Pure rule. Who may book machine hours on a platform's instruments: its enterprise users (their
 * bookings count against the green channel's share) and its staff — anyone holding a role there.
 */
export function bookerKind(actor: Actor, platformId: string): 'enterprise' | 'staff' | null {
  if (!actor) return null;
  if (hasRole(actor, 'enterprise_user', platformId)) return 'enterprise';
  if (actor.isSystemAdmin || actor.roles.some((r) => r.platformId === platformId)) return 'staff';
  return null;
}

/** The platform's people (any role there) see drafts and retired instruments and every calendar. */
export const onPlatform = (actor: Actor, platformId: string) =>
  !!actor && (actor.isSystemAdmin || actor.roles.some((r) => r.platformId === platformId));

/** The platform's staff (any role there but enterprise user) see every booking; enterprises their own. */
export const seesAllBookings = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    actor.roles.some((r) => r.platformId === platformId && r.role !== 'enterprise_user'));

/** The platform's admins and supervisor oversee every unit's approval queue. */
export const overseesInstruments = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    hasRole(actor, 'platform_admin', platformId) ||
    hasRole(actor, 'supervisor', platformId));
