import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  allFields,
  fieldAndChildIds,
  fieldsByIds,
  fieldsByIdsOrCodes,
  findField,
} from './fields.repository.js';

/**
 * Reads of the field taxonomy for other modules (part of the service, docs/adr/0015): IP, experts,
 * importers and the assignment check fields without naming the table. Summaries and reference
 * resolution with error pointers are in fields.service (fieldSummaries, resolveFieldRefs).
 */

export async function fieldExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await findField(db, id)) !== undefined;
}

/** Ids of the given fields that exist and are not retired. */
export async function liveFieldIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await fieldsByIds(db, ids)).filter((f) => f.retiredAt === null).map((f) => f.id));
}

/** Lower-case code → id of the live (not retired) fields holding one of the codes. */
export async function liveFieldIdsByCode(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = new Set(codes);
  const fields = await fieldsByIdsOrCodes(db, [], codes);
  return new Map(fields.filter((f) => f.retiredAt === null && wanted.has(f.code)).map((f) => [f.code, f.id]));
}

/** The field's id and those of its direct subfields; empty when the field does not exist. */
export const fieldWithChildren = (db: Kysely<DB>, id: string): Promise<string[]> => fieldAndChildIds(db, id);

/** Field id → `parent.child` code path (the taxonomy the assignment's field overlap compares). */
export async function fieldPaths(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await allFields(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    rows.map((r) => {
      const parent = r.parentId ? byId.get(r.parentId) : undefined;
      return [r.id, parent ? `${parent.code}.${r.code}` : r.code];
    }),
  );
}
