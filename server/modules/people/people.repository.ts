import { type Kysely, type SqlBool, sql } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, PeopleTable } from '../../db/schema.js';

/**
 * The people directory's table (docs/adr/0015). Where people work, and what refers to them, is read
 * through the owning modules in people.placements.ts; the link proposals are in
 * people.links.repository.ts.
 */
export type Person = RowValue<PeopleTable>;
type Row = Person;

export async function findPersonRow(db: Kysely<DB>, id: string): Promise<Row | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && camelRow(row);
}

export async function insertPersonRow(db: Kysely<DB>, row: Row): Promise<void> {
  await db.insertInto('people').values(insertRow<PeopleTable>(row)).execute();
}

/** Stores every column of the person but its id and creation time. */
export async function updatePersonRow(db: Kysely<DB>, row: Row): Promise<void> {
  const { id, createdAt: _c, ...patch } = row;
  await db.updateTable('people').set(updateRow<PeopleTable>(patch)).where('id', '=', id).execute();
}

export async function deletePersonRow(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('people').where('id', '=', id).execute();
}

/** Links the person to an account (an accepted proposal). */
export async function setPersonAccount(
  db: Kysely<DB>,
  id: string,
  userId: string,
  at: string,
): Promise<void> {
  await db.updateTable('people').set({ user_id: userId, updated_at: at }).where('id', '=', id).execute();
}

/**
 * A page of the directory by Chinese name, with the total: among `ids` when given, of one organisation,
 * or matching the text in either name (literally: % and _ are escaped, not wildcards; e-mail is not
 * searched, it may be hidden).
 */
export async function peoplePage(
  db: Kysely<DB>,
  q: { ids?: readonly string[]; organisationId?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  let base = db.selectFrom('people');
  if (q.ids) base = base.where('id', 'in', [...q.ids]);
  if (q.organisationId) base = base.where('organisation_id', '=', q.organisationId);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(lower(${sql.ref('name_zh')}) like ${like} escape '\\' or lower(coalesce(${sql.ref('name_en')}, '')) like ${like} escape '\\')`,
    );
  }
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base
    .selectAll()
    .orderBy('name_zh')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows: rows.map(camelRow), total };
}

/** `%text%` for LIKE, lower-case and matched literally (% and _ escaped, not wildcards). */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Query fragments on the table for other modules' lists (docs/adr/0015: the owner writes the SQL, the
 * reader embeds it): ids of an organisation's people, of people whose name contains a text, and the
 * Chinese name of the person whose id is in a column of the reader's query.
 */
export const personIdsOfOrganisation = (db: Kysely<DB>, organisationId: string) =>
  db.selectFrom('people').select('people.id').where('people.organisation_id', '=', organisationId);

export const personIdsOfOrganisations = (db: Kysely<DB>, organisationIds: readonly string[]) =>
  db
    .selectFrom('people')
    .select(['people.id', 'people.organisation_id'])
    .where('people.organisation_id', 'in', organisationIds);

export const personIdsNamed = (db: Kysely<DB>, text: string) => {
  const like = likePattern(text);
  const col = (c: string) => sql`lower(coalesce(${sql.ref(c)}, ''))`;
  return db
    .selectFrom('people')
    .select('people.id')
    .where(
      sql<SqlBool>`(${col('people.name_zh')} like ${like} escape '\\' or ${col('people.name_en')} like ${like} escape '\\')`,
    );
};

export const personNameZhAt = (db: Kysely<DB>, personIdColumn: string) =>
  db.selectFrom('people').select('people.name_zh').where('people.id', '=', sql.ref<string>(personIdColumn));

/** The people of an organisation by name (at most 500), without contact details. */
export async function organisationPeople(db: Kysely<DB>, organisationId: string) {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title', 'user_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name_zh')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(({ user_id, ...r }) => ({ ...camelRow(r), hasAccount: user_id !== null }));
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
  return rows.map(camelRow);
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
  return rows.map(camelRow);
}

/** The people by id (peopleViews applies the contact policy to these values). */
export async function peopleRowsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(camelRow);
}

/** The person record linked to a user account (an account has at most one). */
export async function personRowOfUser(db: Kysely<DB>, userId: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && camelRow(row);
}

/** The person records linked to the user accounts (an account has at most one). */
export async function peopleRowsOfUsers(db: Kysely<DB>, userIds: readonly string[]): Promise<Person[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return rows.map(camelRow);
}
