import type { Kysely, Selectable } from 'kysely';
import type { StaffPosition } from '../../../common/platforms.js';
import type { DB, OrgUnitsTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { UnitResource } from './units.policy.js';
import type { StaffView } from './units.schema.js';

/** A unit row and what the policy needs to know about it; 404 when missing. */
export async function unitResource(
  db: Kysely<DB>,
  id: string,
): Promise<{ row: Selectable<OrgUnitsTable>; resource: UnitResource }> {
  const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('units.not_found');
  const director = row.director_person_id
    ? await db
        .selectFrom('people')
        .select('user_id')
        .where('id', '=', row.director_person_id)
        .executeTakeFirst()
    : undefined;
  return { row, resource: { platformId: row.platform_id, directorUserId: director?.user_id ?? null } };
}

/** The staff of a unit with contact details; callers decide whether the viewer may see them. */
export async function staffOf(db: Kysely<DB>, unitId: string): Promise<StaffView[]> {
  const rows = await db
    .selectFrom('unit_staff')
    .innerJoin('people', 'people.id', 'unit_staff.person_id')
    .select([
      'unit_staff.id',
      'unit_staff.person_id',
      'unit_staff.position',
      'unit_staff.created_at',
      'people.name_zh',
      'people.name_en',
      'people.title',
      'people.email',
      'people.phone',
    ])
    .where('unit_staff.unit_id', '=', unitId)
    .orderBy('people.name_zh')
    .orderBy('unit_staff.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    title: r.title,
    position: r.position as StaffPosition,
    email: r.email,
    phone: r.phone,
    createdAt: r.created_at,
  }));
}
