import type { Kysely } from 'kysely';
import { camelRow } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { type Unit, unitFieldLinks } from './units.repository.js';

/** Every unit of every platform with its field ids, in id order: what the open-data projection reads. */
export async function unitsForOpenData(db: Kysely<DB>): Promise<Array<Unit & { fieldIds: string[] }>> {
  const units = (await db.selectFrom('org_units').selectAll().orderBy('id').execute()).map(camelRow);
  const links = await unitFieldLinks(
    db,
    units.map((u) => u.id),
  );
  return units.map((u) => ({
    ...u,
    fieldIds: links
      .filter((l) => l.unitId === u.id)
      .map((l) => l.fieldId)
      .sort(),
  }));
}
