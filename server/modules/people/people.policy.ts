import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

export type PeopleAction =
  | 'people.list'
  | 'people.read'
  | 'people.read_contact'
  | 'people.create'
  | 'people.update'
  | 'people.delete';

/** The person as the rules see it: where they work (staff, director, committee) and their account. */
export interface PersonResource {
  platformIds: readonly string[];
  userId: string | null;
}

const DIRECTORY_ROLES = ['platform_admin', 'supervisor', 'lab_director', 'program_officer'] as const;

/**
 * Pure rule. The directory (names, titles, organisations) serves those who staff units and committees
 * and those who curate the expert database: admins, supervisors, lab directors and program officers of
 * any platform (an expert is a person of the directory; officers must find them, not copy them). Contact details go only to people who work
 * with the person (any role on one of their platforms) and to the person themself. People not yet
 * linked to any platform belong to no one, so any platform admin may complete or delete them.
 */
export function can(
  actor: Actor,
  action: PeopleAction,
  person: PersonResource = { platformIds: [], userId: null },
): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const admins = platformIdsWithRole(actor, ['platform_admin']);
  const own = actor.userId !== '' && person.userId === actor.userId;
  const onTheirPlatform = person.platformIds.some((p) => actor.roles.some((r) => r.platformId === p));
  const adminsOne =
    person.platformIds.some((p) => admins.includes(p)) ||
    (person.platformIds.length === 0 && admins.length > 0);
  switch (action) {
    case 'people.list':
      return platformIdsWithRole(actor, [...DIRECTORY_ROLES]).length > 0;
    case 'people.read':
      return platformIdsWithRole(actor, [...DIRECTORY_ROLES]).length > 0 || own || onTheirPlatform;
    case 'people.read_contact':
      return own || onTheirPlatform || adminsOne;
    case 'people.create':
      return platformIdsWithRole(actor, ['platform_admin', 'lab_director']).length > 0;
    case 'people.update':
    case 'people.delete':
      return adminsOne;
  }
}
