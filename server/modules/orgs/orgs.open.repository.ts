import type { Kysely } from 'kysely';
import { camelRow } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';

/** An organisation's public identity (names, type, country): never its contacts or address. */
export interface OrgIdentity {
  id: string;
  nameZh: string;
  nameEn: string | null;
  type: string;
  country: string;
}

/** The public identity of the given organisations, by id. */
export async function orgIdentities(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, OrgIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name_zh', 'name_en', 'type', 'country'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, camelRow(r)]));
}
