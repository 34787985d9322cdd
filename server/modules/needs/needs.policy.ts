import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

/** A need as the rules see it. */
export interface NeedResource {
  platformId: string;
  organisationId: string;
  visibility: 'public' | 'staff';
}

/**
 * The platform's staff for needs: its tech-transfer officers (who broker them), admins and supervisor;
 * system admins everywhere. They read staff-only needs and the officers' attention list.
 */
export const isNeedsStaff = (actor: Actor, platformId: string) =>
  !!actor &&
  (actor.isSystemAdmin ||
    hasRole(actor, 'tech_transfer_officer', platformId) ||
    hasRole(actor, 'platform_admin', platformId) ||
    hasRole(actor, 'supervisor', platformId));

/** An enterprise user of the platform posts needs for its own organisation. */
export const mayPostNeed = (actor: Actor, platformId: string) =>
  hasRole(actor, 'enterprise_user', platformId);

/** The enterprise that posted the need: any enterprise account of the same organisation on the platform. */
export const ownsNeed = (actor: Actor, n: NeedResource, actorOrganisationId: string | null) =>
  !!actorOrganisationId &&
  actorOrganisationId === n.organisationId &&
  hasRole(actor, 'enterprise_user', n.platformId);

/** Public needs for everyone; staff-only ones for their enterprise and the platform's staff. */
export const mayReadNeed = (actor: Actor, n: NeedResource, actorOrganisationId: string | null) =>
  n.visibility === 'public' || ownsNeed(actor, n, actorOrganisationId) || isNeedsStaff(actor, n.platformId);

/** Matches are computed for the enterprise and the staff who broker the need. */
export const maySeeMatches = (actor: Actor, n: NeedResource, actorOrganisationId: string | null) =>
  ownsNeed(actor, n, actorOrganisationId) || isNeedsStaff(actor, n.platformId);

/** A contact as the rules see it: who answers it. */
export interface ContactResource {
  platformId: string;
  /** The unit's director answers (the platform's admins too), when the match belongs to a unit. */
  unit: { platformId: string; directorUserId: string | null } | null;
  /** The expert's own account, for an expert match. */
  providerUserId: string | null;
}

/**
 * Who answers a contact: the target's unit director or the platform's admins; the expert themself;
 * for a match with neither (a technology without unit), the platform's tech-transfer officers.
 */
export function answersContact(actor: Actor, c: ContactResource): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin || hasRole(actor, 'platform_admin', c.platformId)) return true;
  if (c.unit) return hasRole(actor, 'lab_director', c.platformId) && c.unit.directorUserId === actor.userId;
  if (c.providerUserId) return c.providerUserId === actor.userId;
  return hasRole(actor, 'tech_transfer_officer', c.platformId);
}
