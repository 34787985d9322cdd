import type { Kysely } from 'kysely';
import { type Camel, camelRow, jsonColumn } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { type ResultRow, resultFieldLinks } from './results.repository.js';

/**
 * The results the portal may show (public and published) with their field ids, in id order: what the
 * open-data projection reads. A result made internal, withdrawn or deleted drops out of this list.
 * Keys are camelCase; the licensing terms (JSON text columns) come as lists of text, [] when a column holds no list.
 */
export type PublicResultRow = Camel<Omit<ResultRow, 'licence_types' | 'licence_kinds'>> & {
  licenceTypes: string[];
  licenceKinds: string[];
  fieldIds: string[];
};

const textList = (text: string): string[] => {
  const v = jsonColumn<unknown>(text);
  return Array.isArray(v) ? v.map(String) : [];
};

export async function publishedPublicResults(db: Kysely<DB>): Promise<PublicResultRow[]> {
  const rows = await db
    .selectFrom('results')
    .selectAll()
    .where('visibility', '=', 'public')
    .where('state', '=', 'published')
    .orderBy('id')
    .execute();
  const links = rows.length
    ? await resultFieldLinks(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map(({ licence_types, licence_kinds, ...r }) => ({
    ...camelRow(r),
    licenceTypes: textList(licence_types),
    licenceKinds: textList(licence_kinds),
    fieldIds: links
      .filter((l) => l.resultId === r.id)
      .map((l) => l.fieldId)
      .sort(),
  }));
}
