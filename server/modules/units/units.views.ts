import type { Kysely } from 'kysely';
import type { StaffPosition } from '../../../common/platforms.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { accountsOfPeople, personDetails } from '../people/people.service.js';
import type { UnitResource } from './units.policy.js';
import { findUnit, staffEntries, type Unit } from './units.repository.js';
import type { StaffView } from './units.schema.js';

/** A unit and what the policy needs to know about it; 404 when missing. */
export async function unitResource(
  db: Kysely<DB>,
  id: string,
): Promise<{ row: Unit; resource: UnitResource }> {
  const row = await findUnit(db, id);
  if (!row) throw notFound('units.not_found');
  const director = row.directorPersonId
    ? (await accountsOfPeople(db, [row.directorPersonId])).get(row.directorPersonId)
    : undefined;
  return { row, resource: { platformId: row.platformId, directorUserId: director ?? null } };
}

/**
 * The staff of a unit with contact details, by Chinese name then id (binary order, as SQLite sorted
 * them when this was one join); callers decide whether the viewer may see them.
 */
export async function staffOf(db: Kysely<DB>, unitId: string): Promise<StaffView[]> {
  const entries = await staffEntries(db, unitId);
  const people = new Map(
    (
      await personDetails(
        db,
        entries.map((e) => e.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const views = entries.map((e) => {
    const p = people.get(e.personId)!;
    return {
      id: e.id,
      personId: e.personId,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      title: p.title,
      position: e.position as StaffPosition,
      email: p.email,
      phone: p.phone,
      createdAt: e.createdAt,
    };
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return views.sort((a, b) => order(a.nameZh, b.nameZh) || order(a.id, b.id));
}
