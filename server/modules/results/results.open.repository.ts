import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type ResultRow, resultFieldLinks } from './results.repository.js';

/**
 * The results the portal may show (public and published) with their field ids, in id order: what the
 * open-data projection reads. A result made internal, withdrawn or deleted drops out of this list.
 */
export async function publishedPublicResults(
  db: Kysely<DB>,
): Promise<Array<ResultRow & { fieldIds: string[] }>> {
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
  return rows.map((r) => ({
    ...r,
    fieldIds: links
      .filter((l) => l.resultId === r.id)
      .map((l) => l.fieldId)
      .sort(),
  }));
}
