import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type InquiriesAction = 'inquiries.manage';

/**
 * Pure rule. Inquiries carry a visitor's name and e-mail, so only the platform's tech-transfer officers and
 * admins (and system admins) read and move them; anyone may send one through the public portal.
 */
export function can(actor: Actor, _action: InquiriesAction, inquiry: { platformId: string }): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  return (
    hasRole(actor, 'tech_transfer_officer', inquiry.platformId) ||
    hasRole(actor, 'platform_admin', inquiry.platformId)
  );
}
