import { type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { ExpertCategory } from '../../../../common/review.js';
import { camelRow, flag, insertRow, type RowValue, toFlag, updateRow } from '../../../db/rows.js';
import type { ExpertsTable } from '../../../db/schema/experts.js';
import type { DB } from '../../../db/schema.js';
import type { ListExpertsQuery } from './experts.schema.js';

/** An expert's profile row as the review modules use it (docs/adr/0015: conversion lives here). */
export interface Expert extends Omit<RowValue<ExpertsTable>, 'category' | 'active'> {
  category: ExpertCategory;
  active: boolean;
}

function toExpert(row: Selectable<ExpertsTable>): Expert {
  const e = camelRow(row);
  return { ...e, category: e.category as ExpertCategory, active: flag(e.active) };
}

export async function findExpert(db: Kysely<DB>, id: string): Promise<Expert | undefined> {
  const row = await db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toExpert(row);
}

/** The rows of these ids (list pages fetch ids first, then the rows). */
export async function expertsByIds(db: Kysely<DB>, ids: string[]): Promise<Expert[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('experts').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toExpert(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function expertIdOfPerson(db: Kysely<DB>, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('experts')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The people among these who have an expert profile (the people directory's placements). */
export async function peopleWithProfile(db: Kysely<DB>, personIds: readonly string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectFrom('experts')
    .select('person_id')
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function insertExpert(db: Kysely<DB>, e: Expert): Promise<void> {
  await db
    .insertInto('experts')
    .values(insertRow<ExpertsTable>({ ...e, active: toFlag(e.active) }))
    .execute();
}

/** Sets the given profile columns; the person and creation date never change. */
export async function updateExpertRow(
  db: Kysely<DB>,
  id: string,
  {
    category,
    expertiseZh,
    expertiseEn,
    loadMax,
    active,
    notes,
    updatedAt,
  }: Partial<Omit<Expert, 'id' | 'personId' | 'createdAt'>>,
): Promise<void> {
  const set = updateRow<ExpertsTable>({
    category,
    expertiseZh,
    expertiseEn,
    loadMax,
    active: active === undefined ? undefined : toFlag(active),
    notes,
    updatedAt,
  });
  await db.updateTable('experts').set(set).where('id', '=', id).execute();
}

/**
 * What the assignment engine's instance needs of every expert, in id order (reproducible instances):
 * the profile row, availability windows, outputs (title, abstract) and field links.
 */
export async function assignmentProfiles(db: Kysely<DB>) {
  const experts = await db.selectFrom('experts').selectAll().orderBy('id').execute();
  const windows = await db
    .selectFrom('expert_availability')
    .select(['expert_id', 'starts_on', 'ends_on'])
    .execute();
  const outputs = await db
    .selectFrom('expert_outputs')
    .select(['expert_id', 'title', 'abstract'])
    .orderBy('id')
    .execute();
  const fields = await db.selectFrom('expert_fields').select(['expert_id', 'field_id']).execute();
  return {
    experts: experts.map(toExpert),
    windows: windows.map(camelRow),
    outputs: outputs.map(camelRow),
    fields: fields.map(camelRow),
  };
}

/** The field links of the given experts (the views name the fields through the fields module). */
export async function expertFieldLinks(
  db: Kysely<DB>,
  expertIds: readonly string[],
): Promise<{ expertId: string; fieldId: string }[]> {
  if (expertIds.length === 0) return [];
  const rows = await db
    .selectFrom('expert_fields')
    .select(['expert_id', 'field_id'])
    .where('expert_id', 'in', [...expertIds])
    .execute();
  return rows.map(camelRow);
}

/**
 * Filters and sort key on the expert's person, as query fragments the people module builds on its own
 * table (docs/adr/0015): the ids of the people matching the organisation or text, and their name.
 */
export interface PersonFragments {
  /** People of the organisation (when filtered by one). */
  ofOrganisation?: SelectQueryBuilder<DB, 'people', { id: string }>;
  /** People whose Chinese or English name contains the text (when searched). */
  named?: SelectQueryBuilder<DB, 'people', { id: string }>;
  /** The Chinese name of the person whose id is `experts.person_id`. */
  sortName: SelectQueryBuilder<DB, 'people', { name_zh: string }>;
}

/**
 * The expert database filtered by organisation, field ids (a field with its sub-fields) and text: the
 * counts by category and active flag before those two filters, then the total and one page of ids
 * after them.
 */
export async function expertListPage(
  db: Kysely<DB>,
  q: ListExpertsQuery,
  person: PersonFragments,
  fieldIds: readonly string[] | undefined,
) {
  let base = db.selectFrom('experts');
  if (person.ofOrganisation) base = base.where('experts.person_id', 'in', person.ofOrganisation);
  if (fieldIds) {
    const ids = fieldIds.length ? [...fieldIds] : [''];
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('expert_fields as ef')
          .select('ef.field_id')
          .whereRef('ef.expert_id', '=', 'experts.id')
          .where('ef.field_id', 'in', ids),
      ),
    );
  }
  if (q.q) {
    // Matched literally: % and _ are escaped, not wildcards.
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    const col = (c: string) => sql`lower(coalesce(${sql.ref(c)}, ''))`;
    const named = person.named!;
    base = base.where((eb) =>
      eb.or([
        eb('experts.person_id', 'in', named),
        sql<SqlBool>`(${col('experts.expertise_zh')} like ${like} escape '\\' or ${col('experts.expertise_en')} like ${like} escape '\\')`,
      ]),
    );
  }
  const tally = await base
    .select(['experts.category', 'experts.active', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['experts.category', 'experts.active'])
    .execute();
  if (q.category) base = base.where('experts.category', '=', q.category);
  if (q.active !== undefined) base = base.where('experts.active', '=', toFlag(q.active));
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const page = await base
    .select('experts.id')
    .orderBy(person.sortName)
    .orderBy('experts.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { tally, total, ids: page.map((r) => r.id) };
}

/** Each expert's person and category, by expert id (unknown ids are absent). */
export async function expertPersons(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, { personId: string; category: Expert['category'] }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('experts')
    .select(['id', 'person_id', 'category'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map(({ id, ...r }) => {
      const { personId, category } = camelRow(r);
      return [id, { personId, category: category as Expert['category'] }];
    }),
  );
}
