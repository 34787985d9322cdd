import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { changeContainers, findSearchDoc, type Posting, searchDocOf } from './results.bits.repository.js';

/**
 * The write side of the results search index (ADR 0040): the postings in result_terms, each marked
 * searchable when its result is public and published; result_search_counts — the document frequency
 * of each term in that set and, under ALL, the set's size; and the searchable postings as containers of
 * search numbers (result_term_bits, ADR 0038). Every write of a result goes through these functions
 * inside its transaction, so the counts and containers always equal the postings.
 */

/** The key of result_search_counts that holds the size of the public, published set. */
export const ALL = '*';

type Visible = { visibility: string; state: string };
const searchableOf = (r: Visible | undefined) =>
  r !== undefined && r.visibility === 'public' && r.state === 'published' ? 1 : 0;

const findVisible = (db: Kysely<DB>, id: string) =>
  db.selectFrom('results').select(['visibility', 'state']).where('id', '=', id).executeTakeFirst();

/**
 * Adds each delta to its count, in term order (two transactions touching the same terms take their
 * row locks in the same order on PostgreSQL, so they wait rather than deadlock).
 */
async function addToCounts(db: Kysely<DB>, deltas: Map<string, number>): Promise<void> {
  const rows = [...deltas]
    .filter(([, d]) => d !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, docs]) => ({ term, docs }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('result_search_counts')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('term').doUpdateSet({ docs: sql`result_search_counts.docs + excluded.docs` }),
      )
      .execute();
}

const postingsOf = async (
  db: Kysely<DB>,
  resultId: string,
): Promise<Array<Posting & { searchable: number }>> =>
  (
    await db
      .selectFrom('result_terms')
      .select(['term', 'weight', 'searchable'])
      .where('result_id', '=', resultId)
      .execute()
  ).map((r) => ({ term: r.term, weight: Number(r.weight), searchable: Number(r.searchable) }));

/** Replaces the postings of a result (in batches: SQLite caps bound parameters) and moves the counts. */
export async function replaceResultTerms(
  db: Kysely<DB>,
  resultId: string,
  terms: ReadonlyArray<{ term: string; weight: number }>,
): Promise<void> {
  const searchable = searchableOf(await findVisible(db, resultId));
  const doc = await searchDocOf(db, resultId);
  const before = (await postingsOf(db, resultId)).filter((p) => p.searchable);
  const deltas = new Map<string, number>();
  for (const { term } of before) deltas.set(term, -1);
  await db.deleteFrom('result_terms').where('result_id', '=', resultId).execute();
  for (let i = 0; i < terms.length; i += 200)
    await db
      .insertInto('result_terms')
      .values(terms.slice(i, i + 200).map((t) => ({ result_id: resultId, ...t, searchable })))
      .execute();
  if (searchable) for (const { term } of terms) deltas.set(term, (deltas.get(term) ?? 0) + 1);
  await addToCounts(db, deltas);
  await changeContainers(db, doc, searchable ? terms : [], before);
}

/**
 * Runs a write of a result's row and keeps the index in step when the write moves the result into or out
 * of the public, published set (publish, withdraw, a change of visibility, insertion, deletion).
 */
export async function withSearchableKept(
  db: Kysely<DB>,
  resultId: string,
  write: () => Promise<void>,
): Promise<void> {
  const before = searchableOf(await findVisible(db, resultId));
  // Read before the write: a deletion takes the postings and the search number with it (on delete cascade).
  const postings = await postingsOf(db, resultId);
  const doc = await findSearchDoc(db, resultId);
  await write();
  const after = searchableOf(await findVisible(db, resultId));
  if (before === after) return;
  await db.updateTable('result_terms').set({ searchable: after }).where('result_id', '=', resultId).execute();
  const delta = after - before;
  await addToCounts(db, new Map([[ALL, delta], ...postings.map((p) => [p.term, delta] as const)]));
  if (doc !== undefined) await changeContainers(db, doc, after ? postings : [], after ? [] : postings);
}
