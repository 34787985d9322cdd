import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

/**
 * Pure rules of the dashboards. Each one only gathers lists the caller may already read, through the
 * owning modules' services with the caller's own rights; these rules decide who gets which dashboard.
 */

/** The enterprise's dashboard: its enterprise users (system admins too, who see their own, empty). */
export const readsEnterpriseDashboard = (actor: Actor, platformId: string) =>
  !!actor && (actor.isSystemAdmin || hasRole(actor, 'enterprise_user', platformId));

/** The service unit's: a lab director (the units it directs) and the platform's admins (all units). */
export const readsUnitDashboard = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    hasRole(actor, 'platform_admin', platformId) ||
    hasRole(actor, 'lab_director', platformId));

/** The supervisor's: the platform's supervisor and admins, who read all of its services and vouchers. */
export const readsSupervisorDashboard = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    hasRole(actor, 'supervisor', platformId) ||
    hasRole(actor, 'platform_admin', platformId));
