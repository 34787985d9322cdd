import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { nameKey } from './orgs.names.js';

/**
 * Set-based reads of the registry for other modules (imports, exports), so they need neither this
 * module's repository nor its table.
 */
export interface OrgCandidate {
  id: string;
  name_zh: string;
  name_en: string | null;
  name_key: string;
  credit_code: string | null;
}

/** Live (unmerged) organisations holding one of the codes, or named one of the names (either language, or its name key). */
export async function findOrgsByCodeOrName(
  db: Kysely<DB>,
  codes: string[],
  names: string[],
): Promise<OrgCandidate[]> {
  if (!codes.length && !names.length) return [];
  const keys = names.map(nameKey).filter(Boolean);
  const none = [''];
  return db
    .selectFrom('organisations')
    .select(['id', 'name_zh', 'name_en', 'name_key', 'credit_code'])
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('credit_code', 'in', codes.length ? codes : none),
        eb('name_zh', 'in', names.length ? names : none),
        eb(eb.fn('lower', ['name_en']), 'in', names.length ? names.map((n) => n.toLowerCase()) : none),
        eb('name_key', 'in', keys.length ? keys : none),
      ]),
    )
    .execute();
}

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
