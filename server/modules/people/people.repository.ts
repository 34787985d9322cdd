import type { Kysely, Selectable } from 'kysely';
import type { DB, PeopleTable } from '../../db/schema.js';

/** Where a person works and whether they are an expert: what the people policy decides from. */
export interface Placement {
  platformIds: string[];
  unitPlatformIds: string[];
  committeePlatformIds: string[];
  isExpert: boolean;
}

/**
 * Placements of each person, one query per kind of link: unit staff, unit director, committee member,
 * expert profile.
 */
export async function placements(
  db: Kysely<DB>,
  personIds: readonly string[],
): Promise<Map<string, Placement>> {
  if (personIds.length === 0) return new Map();
  const ids = [...new Set(personIds)];
  const units = new Map(ids.map((id) => [id, new Set<string>()]));
  const committees = new Map(ids.map((id) => [id, new Set<string>()]));
  const staff = await db
    .selectFrom('unit_staff')
    .innerJoin('org_units', 'org_units.id', 'unit_staff.unit_id')
    .select(['unit_staff.person_id as personId', 'org_units.platform_id as platformId'])
    .where('unit_staff.person_id', 'in', ids)
    .execute();
  const directors = await db
    .selectFrom('org_units')
    .select(['director_person_id as personId', 'platform_id as platformId'])
    .where('director_person_id', 'in', ids)
    .execute();
  const members = await db
    .selectFrom('committee_members')
    .select(['person_id as personId', 'platform_id as platformId'])
    .where('person_id', 'in', ids)
    .execute();
  const experts = await db.selectFrom('experts').select('person_id').where('person_id', 'in', ids).execute();
  for (const l of [...staff, ...directors]) if (l.personId) units.get(l.personId)?.add(l.platformId);
  for (const l of members) committees.get(l.personId)?.add(l.platformId);
  const isExpert = new Set(experts.map((e) => e.person_id));
  return new Map(
    ids.map((id) => {
      const u = [...units.get(id)!].sort();
      const c = [...committees.get(id)!].sort();
      const platformIds = [...new Set([...u, ...c])].sort();
      return [id, { platformIds, unitPlatformIds: u, committeePlatformIds: c, isExpert: isExpert.has(id) }];
    }),
  );
}

/** Platforms each person works on or for (staff, unit director, committee member). */
export async function platformLinks(
  db: Kysely<DB>,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const all = await placements(db, personIds);
  return new Map([...all].map(([id, p]) => [id, p.platformIds]));
}

/**
 * The review history an expert's account carries through the person: seats and scorecards. A link that
 * would move it to another account is refused (people.link_has_history).
 */
export async function expertHistory(db: Kysely<DB>, personId: string) {
  const expert = await db
    .selectFrom('experts')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!expert) return { seats: 0, scorecards: 0 };
  const seats = await db
    .selectFrom('review_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expert_id', '=', expert.id)
    .executeTakeFirstOrThrow();
  const cards = await db
    .selectFrom('review_scorecards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expert_id', '=', expert.id)
    .executeTakeFirstOrThrow();
  return { seats: Number(seats.n), scorecards: Number(cards.n) };
}

/** People linked to a platform, as a subquery-friendly id list. */
export async function peopleOfPlatform(db: Kysely<DB>, platformId: string): Promise<string[]> {
  const staff = await db
    .selectFrom('unit_staff')
    .innerJoin('org_units', 'org_units.id', 'unit_staff.unit_id')
    .select('unit_staff.person_id as id')
    .where('org_units.platform_id', '=', platformId)
    .execute();
  const directors = await db
    .selectFrom('org_units')
    .select('director_person_id as id')
    .where('platform_id', '=', platformId)
    .execute();
  const members = await db
    .selectFrom('committee_members')
    .select('person_id as id')
    .where('platform_id', '=', platformId)
    .execute();
  return [
    ...new Set([...staff, ...directors, ...members].map((r) => r.id).filter((id): id is string => !!id)),
  ];
}

/**
 * Every column that points at a person and keeps them from being deleted. A module that refers to
 * people (experts, application contacts…) adds its column here.
 */
export const PERSON_REFERENCES = [
  {
    usedBy: 'unit_staff',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('unit_staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    usedBy: 'unit_directors',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('org_units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('director_person_id', '=', id),
  },
  {
    usedBy: 'ip_inventors',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('ip_inventors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    usedBy: 'committee_members',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('committee_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    usedBy: 'application_contacts',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('application_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contact_person_id', '=', id),
  },
  {
    usedBy: 'expert_profile',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('experts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    // The foreign key would silently drop these conflict-of-interest declarations with the person.
    usedBy: 'declared_conflicts',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('expert_declared_conflicts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    usedBy: 'distribution_recipients',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('distributions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
  {
    usedBy: 'application_invitations',
    count: (db: Kysely<DB>, id: string) =>
      db
        .selectFrom('application_invitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', id),
  },
] as const;

export async function personUsage(
  db: Kysely<DB>,
  id: string,
): Promise<Array<{ usedBy: string; count: number }>> {
  const out: Array<{ usedBy: string; count: number }> = [];
  for (const ref of PERSON_REFERENCES) {
    const count = Number((await ref.count(db, id).executeTakeFirstOrThrow()).n);
    if (count > 0) out.push({ usedBy: ref.usedBy, count });
  }
  return out;
}

/** Names and titles of people by id, for embedding in other records' views (the committee). */
export async function personNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Array<{ id: string; nameZh: string; nameEn: string | null; title: string | null }>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en, title: r.title }));
}

/** The person's organisation (null when none), or undefined when there is no such person. */
export async function personOrganisationId(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('people').select('organisation_id').where('id', '=', id).executeTakeFirst();
  return row ? row.organisation_id : undefined;
}

/** The organisation of the person linked to an account (null when none is linked or has none). */
export async function accountOrganisationId(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.organisation_id ?? null;
}

/** The account linked to each of the people (set-based, for policies of other modules). */
export async function personUserIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'user_id'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.user_id]));
}

/** Names, titles, contact details and linked account of people by id (callers decide who may see contacts). */
export async function personCards(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<
  Array<{
    id: string;
    nameZh: string;
    nameEn: string | null;
    title: string | null;
    email: string | null;
    phone: string | null;
    userId: string | null;
  }>
> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title', 'email', 'phone', 'user_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    title: r.title,
    email: r.email,
    phone: r.phone,
    userId: r.user_id,
  }));
}

/** The people by id as stored (peopleViews applies the contact policy to these rows). */
export async function peopleRowsByIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Selectable<PeopleTable>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** The person record linked to a user account (an account has at most one). */
export async function personRowOfUser(
  db: Kysely<DB>,
  userId: string,
): Promise<Selectable<PeopleTable> | undefined> {
  return db.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The person records linked to the user accounts (an account has at most one). */
export async function peopleRowsOfUsers(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<Selectable<PeopleTable>[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
}
