import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { distributionsPaying } from '../agreements/agreements.lookup.js';
import { contactEntriesOf, invitationsTo } from '../applications/applications.contacts.lookup.js';
import { committeePeopleOf, committeePlatformsOf, committeeSeatsOf } from '../committee/committee.lookup.js';
import { inventorEntriesOf } from '../ip/ip.lookup.js';
import { projectContactEntriesOf } from '../projects/projects.people.lookup.js';
import { declaredConflictsAgainst, expertProfileOf, expertsAmong } from '../review/experts/experts.lookup.js';
import { seatsOfExpert } from '../review/runs/runs.lookup.js';
import { scorecardsOfExpert } from '../review/scoring/scoring.lookup.js';
import { unitPeopleOf, unitPlatformsOf, unitReferencesTo } from '../units/units.lookup.js';

/**
 * What the rest of the platform records about people, read through the owning modules (docs/adr/0015):
 * where each person works (the policy decides from it), an expert's review history, and the records
 * that keep a person from being deleted. Part of the people service; it holds no SQL. The owners'
 * lookups import only their repositories, so these reads make no import cycle.
 */

/** Where a person works and whether they are an expert: what the people policy decides from. */
export interface Placement {
  platformIds: string[];
  unitPlatformIds: string[];
  committeePlatformIds: string[];
  isExpert: boolean;
}

/** Placements of each person: unit staff or director, committee member, expert profile. */
export async function placements(
  db: Kysely<DB>,
  personIds: readonly string[],
): Promise<Map<string, Placement>> {
  if (personIds.length === 0) return new Map();
  const ids = [...new Set(personIds)];
  const units = new Map(ids.map((id) => [id, new Set<string>()]));
  const committees = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const l of await unitPlatformsOf(db, ids)) units.get(l.personId)?.add(l.platformId);
  for (const l of await committeePlatformsOf(db, ids)) committees.get(l.personId)?.add(l.platformId);
  const isExpert = await expertsAmong(db, ids);
  return new Map(
    ids.map((id) => {
      const u = [...units.get(id)!].sort();
      const c = [...committees.get(id)!].sort();
      const platformIds = [...new Set([...u, ...c])].sort();
      return [id, { platformIds, unitPlatformIds: u, committeePlatformIds: c, isExpert: isExpert.has(id) }];
    }),
  );
}

/**
 * The review history an expert's account carries through the person: seats and scorecards. A link that
 * would move it to another account is refused (people.link_has_history).
 */
export async function expertHistory(db: Kysely<DB>, personId: string) {
  const expertId = await expertProfileOf(db, personId);
  if (!expertId) return { seats: 0, scorecards: 0 };
  return { seats: await seatsOfExpert(db, expertId), scorecards: await scorecardsOfExpert(db, expertId) };
}

/** Ids of the people linked to a platform: unit staff and directors, committee members. */
export async function peopleOfPlatform(db: Kysely<DB>, platformId: string): Promise<string[]> {
  return [
    ...new Set([...(await unitPeopleOf(db, platformId)), ...(await committeePeopleOf(db, platformId))]),
  ];
}

/**
 * Every record that points at a person and keeps them from being deleted, in the order the 409 names
 * them. A module that refers to people (experts, application contacts…) adds its count here.
 */
export const PERSON_REFERENCES: ReadonlyArray<{
  usedBy: string;
  /** The column the count reads: people.references.test.ts checks them against the foreign keys. */
  column: string;
  count: (db: Kysely<DB>, id: string) => Promise<number>;
}> = [
  {
    usedBy: 'unit_staff',
    column: 'unit_staff.person_id',
    count: async (db, id) => (await unitReferencesTo(db, id)).staff,
  },
  {
    usedBy: 'unit_directors',
    column: 'org_units.director_person_id',
    count: async (db, id) => (await unitReferencesTo(db, id)).directs,
  },
  { usedBy: 'ip_inventors', column: 'ip_inventors.person_id', count: inventorEntriesOf },
  { usedBy: 'committee_members', column: 'committee_members.person_id', count: committeeSeatsOf },
  {
    usedBy: 'application_contacts',
    column: 'application_members.contact_person_id',
    count: contactEntriesOf,
  },
  {
    usedBy: 'expert_profile',
    column: 'experts.person_id',
    count: async (db, id) => ((await expertProfileOf(db, id)) ? 1 : 0),
  },
  // The foreign key would silently drop these conflict-of-interest declarations with the person.
  {
    usedBy: 'declared_conflicts',
    column: 'expert_declared_conflicts.person_id',
    count: declaredConflictsAgainst,
  },
  { usedBy: 'distribution_recipients', column: 'distributions.person_id', count: distributionsPaying },
  { usedBy: 'application_invitations', column: 'application_invitations.person_id', count: invitationsTo },
  // The foreign key would set the contact to null: the member's reports would have no one to submit them.
  { usedBy: 'project_contacts', column: 'project_members.contact_person_id', count: projectContactEntriesOf },
];

/**
 * Columns that point at a person and do not keep them: the row belongs to the person and goes with
 * them (cascade), or it keeps the name as text and loses only the link (set null). people.references.test.ts
 * checks that every foreign key to people is in one list or the other.
 */
export const PERSON_RELEASES: ReadonlyArray<{ column: string; why: string }> = [
  { column: 'person_link_requests.person_id', why: 'proposals to link this person go with them' },
  { column: 'expert_output_collaborators.person_id', why: 'the collaborator keeps their name as text' },
  {
    column: 'registrations.person_id',
    why: 'a decided self-registration keeps the name and e-mail it was made with (ADR 0045)',
  },
];

/** The kinds of record that refer to the person, with how many of each (none: it may be deleted). */
export async function personUsage(
  db: Kysely<DB>,
  id: string,
): Promise<Array<{ usedBy: string; count: number }>> {
  const out: Array<{ usedBy: string; count: number }> = [];
  for (const ref of PERSON_REFERENCES) {
    const count = await ref.count(db, id);
    if (count > 0) out.push({ usedBy: ref.usedBy, count });
  }
  return out;
}
