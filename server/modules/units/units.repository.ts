import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, OrgUnitsTable, UnitStaffTable } from '../../db/schema.js';

/** A lab, centre or office as the service sees it (camelCase). */
export type Unit = RowValue<OrgUnitsTable>;
/** One person's place on a unit's staff. */
export type StaffEntry = RowValue<UnitStaffTable>;

export async function findUnit(db: Kysely<DB>, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && camelRow(row);
}

/** A platform's units by sort order, then English name. */
export async function unitsOfPlatform(db: Kysely<DB>, platformId: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('org_units')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('sort_order')
    .orderBy('name_en')
    .execute();
  return rows.map(camelRow);
}

/** The id of the platform's unit named `value` in the given language, if any. */
export async function unitIdByName(
  db: Kysely<DB>,
  platformId: string,
  language: 'nameZh' | 'nameEn',
  value: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('platform_id', '=', platformId)
    .where(language === 'nameZh' ? 'name_zh' : 'name_en', '=', value)
    .executeTakeFirst();
  return row?.id;
}

export async function insertUnit(db: Kysely<DB>, unit: Unit): Promise<void> {
  await db.insertInto('org_units').values(insertRow<OrgUnitsTable>(unit)).execute();
}

export async function updateUnitRow(db: Kysely<DB>, id: string, patch: Partial<Unit>): Promise<void> {
  await db.updateTable('org_units').set(updateRow<OrgUnitsTable>(patch)).where('id', '=', id).execute();
}

/** Deletes a unit; its staff list and field tags go with it (ON DELETE CASCADE). */
export async function deleteUnitRow(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('org_units').where('id', '=', id).execute();
}

/** The (unit, field) pairs of the given units. */
export async function unitFieldLinks(
  db: Kysely<DB>,
  unitIds: readonly string[],
): Promise<Array<{ unitId: string; fieldId: string }>> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('unit_fields')
    .select(['unit_id', 'field_id'])
    .where('unit_id', 'in', [...unitIds])
    .execute();
  return rows.map(camelRow);
}

/** Replaces a unit's fields with `ids`. */
export async function setUnitFieldIds(db: Kysely<DB>, unitId: string, ids: readonly string[]): Promise<void> {
  await db.deleteFrom('unit_fields').where('unit_id', '=', unitId).execute();
  if (ids.length)
    await db
      .insertInto('unit_fields')
      .values(ids.map((field_id) => ({ unit_id: unitId, field_id })))
      .execute();
}

/** How many staff each of the given units has (units without staff are absent). */
export async function staffCounts(db: Kysely<DB>, unitIds: readonly string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit_staff')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', [...unitIds])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

export async function staffEntries(db: Kysely<DB>, unitId: string): Promise<StaffEntry[]> {
  const rows = await db.selectFrom('unit_staff').selectAll().where('unit_id', '=', unitId).execute();
  return rows.map(camelRow);
}

export async function findStaffEntry(
  db: Kysely<DB>,
  unitId: string,
  staffId: string,
): Promise<StaffEntry | undefined> {
  const row = await db
    .selectFrom('unit_staff')
    .selectAll()
    .where('id', '=', staffId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row && camelRow(row);
}

export async function isStaff(db: Kysely<DB>, unitId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('unit_staff')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertStaffEntry(db: Kysely<DB>, entry: StaffEntry): Promise<void> {
  await db.insertInto('unit_staff').values(insertRow<UnitStaffTable>(entry)).execute();
}

export async function setStaffPosition(db: Kysely<DB>, staffId: string, position: string): Promise<void> {
  await db.updateTable('unit_staff').set({ position }).where('id', '=', staffId).execute();
}

export async function deleteStaffEntry(db: Kysely<DB>, staffId: string): Promise<void> {
  await db.deleteFrom('unit_staff').where('id', '=', staffId).execute();
}

/** How many units each platform has (platforms without units are absent). */
export async function unitCountsByPlatform(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('org_units')
    .select(['platform_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('platform_id')
    .execute();
  return new Map(rows.map((r) => [r.platform_id, Number(r.n)]));
}

/** Id and names of the given units. */
export async function unitNameRows(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<{ id: string; nameZh: string; nameEn: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name_zh', 'name_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(camelRow);
}

/** Names and platform of the given units (unknown ids are absent). */
export async function unitPlatformNameRows(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<{ id: string; platformId: string; nameZh: string; nameEn: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'platform_id', 'name_zh', 'name_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(camelRow);
}

/** Whether the unit exists and belongs to the platform. */
export async function unitBelongsTo(db: Kysely<DB>, unitId: string, platformId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', '=', unitId)
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The platform of every unit each person staffs or directs (the people directory's placements). */
export async function unitPlatformsOfPeople(
  db: Kysely<DB>,
  personIds: readonly string[],
): Promise<Array<{ personId: string; platformId: string }>> {
  if (personIds.length === 0) return [];
  const ids = [...new Set(personIds)];
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
  return [...staff, ...directors].flatMap((l) =>
    l.personId ? [{ personId: l.personId, platformId: l.platformId }] : [],
  );
}

/** Ids of the people who staff or direct a unit of the platform (repeats possible). */
export async function unitPeopleOfPlatform(db: Kysely<DB>, platformId: string): Promise<string[]> {
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
  return [...staff, ...directors].flatMap((r) => (r.id ? [r.id] : []));
}

/** How many staff entries name the person, and how many units they direct (what keeps them on file). */
export async function unitReferencesToPerson(
  db: Kysely<DB>,
  personId: string,
): Promise<{ staff: number; directs: number }> {
  const staff = await db
    .selectFrom('unit_staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const directs = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('director_person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return { staff: Number(staff.n), directs: Number(directs.n) };
}
