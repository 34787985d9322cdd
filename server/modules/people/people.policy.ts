import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

export type PeopleAction =
  | 'people.list'
  | 'people.read'
  | 'people.read_contact'
  | 'people.create'
  | 'people.update'
  | 'people.delete'
  | 'people.propose_link'
  | 'people.link_account';

/** The person as the rules see it: where they work, whether they are an expert, and their account. */
export interface PersonResource {
  /** Every platform they work on or for (unit staff, unit director, committee member). */
  platformIds: readonly string[];
  /** The platforms whose units they staff or direct: where their record is kept. */
  unitPlatformIds?: readonly string[];
  /** The platforms whose committees they sit on. */
  committeePlatformIds?: readonly string[];
  /** Has an expert profile: the record is then used by every platform's review. */
  isExpert?: boolean;
  userId: string | null;
}

const DIRECTORY_ROLES = ['platform_admin', 'supervisor', 'lab_director', 'program_officer'] as const;

/**
 * The platforms that keep a person's record (docs/adr/0013-curating-shared-records.md): those whose
 * units employ or are directed by them; a person in no unit is kept by the platforms of their
 * committees. An expert, or a person on no platform at all, has no keeping platform.
 */
export function keepingPlatforms(person: PersonResource): readonly string[] {
  if (person.isExpert) return [];
  if (person.unitPlatformIds?.length) return person.unitPlatformIds;
  return person.committeePlatformIds ?? [];
}

/**
 * Pure rule. The directory (names, titles, organisations) serves those who staff units and committees
 * and those who curate the expert database: admins, supervisors, lab directors and program officers of
 * any platform. Contact details go only to people who work with the person (any role on one of their
 * platforms) and to the person themself.
 *
 * Editing and deleting (ADR 0013): system admins always; a platform admin only when they administer
 * every platform that keeps the record, so putting someone on one's committee or unit never hands over
 * a record another platform keeps. An expert's record is used by every platform's review and is kept by
 * system admins alone. A person on no platform who is not an expert is a draft any platform admin may
 * complete. Linking an account directly, unlinking or relinking is for system admins; a platform admin
 * who may edit the record only proposes a link, which the account's owner accepts.
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
  const keepers = keepingPlatforms(person);
  const draft = !person.isExpert && person.platformIds.length === 0;
  const keeps = draft ? admins.length > 0 : keepers.length > 0 && keepers.every((p) => admins.includes(p));
  switch (action) {
    case 'people.list':
      return platformIdsWithRole(actor, [...DIRECTORY_ROLES]).length > 0;
    case 'people.read':
      return platformIdsWithRole(actor, [...DIRECTORY_ROLES]).length > 0 || own || onTheirPlatform;
    case 'people.read_contact':
      return own || onTheirPlatform || keeps;
    case 'people.create':
      return platformIdsWithRole(actor, ['platform_admin', 'lab_director']).length > 0;
    case 'people.update':
    case 'people.delete':
      return keeps;
    case 'people.propose_link':
      return keeps && person.userId === null;
    case 'people.link_account':
      return false;
  }
}
