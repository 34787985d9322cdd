import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { CommitteeMembersTable, DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

/** A committee appointment as the service sees it (camelCase). */
export type Member = RowValue<CommitteeMembersTable>;

export async function membersOfPlatform(db: Kysely<DB>, platformId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('committee_members')
    .selectAll()
    .where('platform_id', '=', platformId)
    .execute();
  return rows.map(camelRow);
}

export async function findMember(db: Kysely<DB>, id: string): Promise<Member | undefined> {
  const row = await db.selectFrom('committee_members').selectAll().where('id', '=', id).executeTakeFirst();
  return row && camelRow(row);
}

/** Whether the person already sits on the platform's committee (one appointment per person). */
export async function isMember(db: Kysely<DB>, platformId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('committee_members')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertMember(db: Kysely<DB>, member: Member): Promise<void> {
  await db.insertInto('committee_members').values(insertRow<CommitteeMembersTable>(member)).execute();
}

export async function updateMemberRow(db: Kysely<DB>, id: string, patch: Partial<Member>): Promise<void> {
  await db
    .updateTable('committee_members')
    .set(updateRow<CommitteeMembersTable>(patch))
    .where('id', '=', id)
    .execute();
}

export async function deleteMember(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('committee_members').where('id', '=', id).execute();
}

export async function memberFieldIds(db: Kysely<DB>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('committee_member_fields')
    .select('field_id')
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.field_id);
}

/** The (member, field) pairs of the given members. */
export async function fieldLinksOf(
  db: Kysely<DB>,
  memberIds: readonly string[],
): Promise<Array<{ memberId: string; fieldId: string }>> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('committee_member_fields')
    .select(['member_id', 'field_id'])
    .where('member_id', 'in', [...memberIds])
    .execute();
  return rows.map(camelRow);
}

/** Replaces a member's fields with `ids`. */
export async function setMemberFields(
  db: Kysely<DB>,
  memberId: string,
  ids: readonly string[],
): Promise<void> {
  await db.deleteFrom('committee_member_fields').where('member_id', '=', memberId).execute();
  if (ids.length)
    await db
      .insertInto('committee_member_fields')
      .values(ids.map((field_id) => ({ member_id: memberId, field_id })))
      .execute();
}

/** The platform of every committee seat each person holds (the people directory's placements). */
export async function committeePlatformsOfPeople(
  db: Kysely<DB>,
  personIds: readonly string[],
): Promise<Array<{ personId: string; platformId: string }>> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('committee_members')
    .select(['person_id as personId', 'platform_id as platformId'])
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
}

/** Ids of the people on the platform's committee. */
export async function committeePeopleOfPlatform(db: Kysely<DB>, platformId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('committee_members')
    .select('person_id')
    .where('platform_id', '=', platformId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** How many committee seats the person holds. */
export async function committeeSeatCount(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('committee_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The platform of every committee seat held for the organisation (one entry a seat). */
export async function committeePlatformsOfOrganisation(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('committee_members')
    .select(['organisation_id as organisationId', 'platform_id as platformId'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
