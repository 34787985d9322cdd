import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, TechFieldsTable } from '../../db/schema.js';

/** A technology field as the service sees it (camelCase; retiredAt null while active). */
export type Field = RowValue<TechFieldsTable>;

export async function allFields(db: Kysely<DB>): Promise<Field[]> {
  return (await db.selectFrom('tech_fields').selectAll().execute()).map(camelRow);
}

export async function findField(db: Kysely<DB>, id: string): Promise<Field | undefined> {
  const row = await db.selectFrom('tech_fields').selectAll().where('id', '=', id).executeTakeFirst();
  return row && camelRow(row);
}

/** The id of the field holding `code`, if any. */
export async function fieldIdByCode(db: Kysely<DB>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('tech_fields').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function hasSubfields(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('tech_fields').select('id').where('parent_id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The fields named by id or by code, in any order. */
export async function fieldsByIdsOrCodes(
  db: Kysely<DB>,
  ids: readonly string[],
  codes: readonly string[],
): Promise<Field[]> {
  if (!ids.length && !codes.length) return [];
  const rows = await db
    .selectFrom('tech_fields')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', 'in', ids.length ? [...ids] : ['']),
        eb('code', 'in', codes.length ? [...codes] : ['']),
      ]),
    )
    .execute();
  return rows.map(camelRow);
}

/** The given fields ordered by code. */
export async function fieldsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Field[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('tech_fields')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('code')
    .execute();
  return rows.map(camelRow);
}

export async function insertField(db: Kysely<DB>, field: Field): Promise<void> {
  await db.insertInto('tech_fields').values(insertRow<TechFieldsTable>(field)).execute();
}

export async function updateFieldRow(db: Kysely<DB>, field: Field): Promise<void> {
  const { id, createdAt: _c, ...patch } = field;
  await db.updateTable('tech_fields').set(updateRow<TechFieldsTable>(patch)).where('id', '=', id).execute();
}

/** Retires a field with its active sub-fields, which cannot outlive their parent. */
export async function retireWithSubfields(db: Kysely<DB>, id: string, now: string): Promise<void> {
  await db
    .updateTable('tech_fields')
    .set({ retired_at: now, updated_at: now })
    .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
    .where('retired_at', 'is', null)
    .execute();
}

export async function reactivateField(db: Kysely<DB>, id: string, now: string): Promise<void> {
  await db
    .updateTable('tech_fields')
    .set({ retired_at: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteFieldRow(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('tech_fields').where('id', '=', id).execute();
}

/** The field and its direct subfields (a search by a field also finds records on its subfields). */
export async function fieldAndChildIds(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tech_fields')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
    .execute();
  return rows.map((r) => r.id);
}
