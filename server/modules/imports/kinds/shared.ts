import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Credit codes of organisations by id, with one query. */
export async function creditCodesOf(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'credit_code'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.flatMap((r) => (r.credit_code ? [[r.id, r.credit_code] as const] : [])));
}
