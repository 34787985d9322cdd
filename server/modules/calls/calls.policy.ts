import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type CallsAction = 'calls.manage';

/**
 * Pure rule. Published calls are public. Drafts, the staff list, the screening checklist and every
 * change belong to the platform's program officers and admins (and system admins).
 */
export function can(actor: Actor, _action: CallsAction, platform: { id: string }): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  return hasRole(actor, 'platform_admin', platform.id) || hasRole(actor, 'program_officer', platform.id);
}
