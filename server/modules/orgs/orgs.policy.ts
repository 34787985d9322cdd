import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

export type OrgsAction = 'orgs.read' | 'orgs.manage' | 'orgs.view_contacts';

/** The roles that keep a platform's part of the registry: they register applicants' organisations. */
const KEEPER_ROLES = ['platform_admin', 'program_officer'] as const;

/**
 * The registry is deployment-wide: system admins, and platform admins and program officers of any
 * platform, keep it (they register applicants' organisations); everyone signed in reads it. Contact
 * people, phones and e-mails are personal data, so only the keepers see them.
 */
export function can(actor: Actor, action: OrgsAction): boolean {
  if (!actor) return false;
  if (action === 'orgs.read') return true;
  return actor.isSystemAdmin || platformIdsWithRole(actor, [...KEEPER_ROLES]).length > 0;
}

/** One organisation as the editing rule sees it (`keepingPlatformsOf` in orgs.repository.ts). */
export interface OrgKeeping {
  /** The platforms whose records (applications, projects, agreements, committees, staff) refer to it. */
  platformIds: readonly string[];
  /** Whether anything refers to it, also records of no platform (the deployment-wide expert data). */
  referred: boolean;
}

/**
 * Who may edit or merge one organisation (docs/adr/0013-curating-shared-records.md): system admins
 * always; otherwise a registry keeper (platform admin or program officer) of EVERY platform whose
 * records refer to it, so putting an organisation on one's application or committee never hands over
 * a record another platform uses. Referred to only by deployment-wide records (an expert's declared
 * conflicts or output collaborators), it is the system admins'. While nothing refers to it, it is a
 * draft any registry keeper may complete, as an unplaced person is.
 */
export function canEdit(actor: Actor, org: OrgKeeping): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const keeps = platformIdsWithRole(actor, [...KEEPER_ROLES]);
  if (!org.referred) return keeps.length > 0;
  return org.platformIds.length > 0 && org.platformIds.every((p) => keeps.includes(p));
}
