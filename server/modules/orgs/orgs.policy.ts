import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

export type OrgsAction = 'orgs.read' | 'orgs.manage' | 'orgs.view_contacts';

/**
 * The registry is deployment-wide: system admins, and platform admins and program officers of any
 * platform, keep it (they register applicants' organisations); everyone signed in reads it. Contact
 * people, phones and e-mails are personal data, so only the keepers see them.
 */
export function can(actor: Actor, action: OrgsAction): boolean {
  if (!actor) return false;
  if (action === 'orgs.read') return true;
  return actor.isSystemAdmin || platformIdsWithRole(actor, ['platform_admin', 'program_officer']).length > 0;
}
