import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  type Unit,
  unitBelongsTo,
  unitFieldLinks,
  unitNameRows,
  unitPeopleOfPlatform,
  unitPlatformNameRows,
  unitPlatformsOfPeople,
  unitReferencesToPerson,
  unitsOfPlatform,
} from './units.repository.js';

/**
 * Reads of the units for other modules (part of the service, docs/adr/0015): results, IP and agreements
 * name a unit and check that it belongs to their platform without naming the table; the people
 * directory places people on platforms through their units. It imports only the repository, so the
 * people module, which the units service calls, reads it without an import cycle.
 */
export interface UnitName {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** Names of the given units by id (one query; unknown ids are absent). */
export async function unitNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, UnitName>> {
  return new Map((await unitNameRows(db, ids)).map((u) => [u.id, u]));
}

/** Names and platform of the given units by id (the results portal's unit facet). */
export async function unitNamesWithPlatform(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, UnitName & { platformId: string }>> {
  return new Map((await unitPlatformNameRows(db, ids)).map((u) => [u.id, u]));
}

/** Whether `unitId` is a unit of the platform (records of a platform may only name its own units). */
export const unitOnPlatform = (db: Kysely<DB>, unitId: string, platformId: string): Promise<boolean> =>
  unitBelongsTo(db, unitId, platformId);

/** The platform of every unit each person staffs or directs, one entry per link. */
export const unitPlatformsOf = (db: Kysely<DB>, personIds: readonly string[]) =>
  unitPlatformsOfPeople(db, personIds);

/** Ids of the people who staff or direct a unit of the platform (repeats possible). */
export const unitPeopleOf = (db: Kysely<DB>, platformId: string): Promise<string[]> =>
  unitPeopleOfPlatform(db, platformId);

/** Staff entries naming the person and units they direct: references that keep a person on file. */
export const unitReferencesTo = (db: Kysely<DB>, personId: string) => unitReferencesToPerson(db, personId);
/** The platform's units with their field ids (the needs matching ranks units, docs/needs.md). */
export async function unitsWithFields(
  db: Kysely<DB>,
  platformId: string,
): Promise<Array<Unit & { fieldIds: string[] }>> {
  const units = await unitsOfPlatform(db, platformId);
  const links = await unitFieldLinks(
    db,
    units.map((u) => u.id),
  );
  return units.map((u) => ({ ...u, fieldIds: links.filter((l) => l.unitId === u.id).map((l) => l.fieldId) }));
}
