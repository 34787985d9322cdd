import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

/**
 * Who decides on registrations (docs/adr/0045): the organisation registry's keepers (ADR 0013) of the
 * platform the person registers on — its platform admins and program officers, the roles that register
 * applicants' organisations — and system admins (who run the accounts, ADR 0014). Approving one that
 * names an existing organisation also needs the right to curate that organisation (orgs' canEdit,
 * checked in the service inside the write).
 */
const KEEPER_ROLES = ['platform_admin', 'program_officer'] as const;

/** The platforms whose registrations the actor sees and decides on; null = every platform. */
export function reviewablePlatforms(actor: Actor): string[] | null {
  if (!actor) return [];
  if (actor.isSystemAdmin) return null;
  return platformIdsWithRole(actor, [...KEEPER_ROLES]);
}

export function canReview(actor: Actor, platformId?: string): boolean {
  const platforms = reviewablePlatforms(actor);
  if (platforms === null) return true;
  return platformId === undefined ? platforms.length > 0 : platforms.includes(platformId);
}
