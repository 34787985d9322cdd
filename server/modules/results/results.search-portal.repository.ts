import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { containerSizes, containersAt, containersOfTerms, resultsOfDocs } from './results.bits.repository.js';
import { containersOfPage, docsOfPage, rankMatches } from './results.bits-rank.js';
import { ALL } from './results.index.repository.js';
import type { ResultRow } from './results.repository.js';

const num = (v: unknown) => Number(v ?? 0);

/** BM25's inverse document frequency as an integer (× 1000): identical on both databases. */
export const idfOf = (n: number, df: number) =>
  Math.round(Math.log(1 + (n - df + 0.5) / (df + 0.5)) * 1000) + 1;

/**
 * The same answer as the general search for the portal's unfiltered query, from the kept counts and the
 * containers (ADR 0038): the set's size and each term's document frequency are read from the counts; one
 * term's page is read from the few containers that hold it (weight descending, newest first); several
 * terms are matched and scored block by block over their containers, every match counted.
 */
export async function portalSearch(
  db: Kysely<DB>,
  terms: string[],
  limit: number,
  offset: number,
): Promise<{ rows: ResultRow[]; total: number; terms: string[] }> {
  const counts = await db
    .selectFrom('result_search_counts')
    .select(['term', 'docs'])
    .where('term', 'in', [ALL, ...terms])
    .execute();
  const docs = new Map(counts.map((c) => [c.term, num(c.docs)]));
  const n = docs.get(ALL) ?? 0;
  if (terms.some((t) => !docs.get(t))) return { rows: [], total: 0, terms };
  if (terms.length === 1) {
    const sizes = await containerSizes(db, terms[0]!);
    const { containers, skip } = containersOfPage(sizes, offset, limit);
    const page = docsOfPage(await containersAt(db, terms[0]!, containers), skip, limit);
    return { rows: await resultsOfDocs(db, page), total: docs.get(terms[0]!)!, terms };
  }
  const containers = await containersOfTerms(db, terms);
  // The rarest term first: the blocks visited are its blocks that every other term has too.
  const byRarity = [...terms].sort((a, b) => docs.get(a)! - docs.get(b)!);
  const { total, best } = rankMatches(
    byRarity.map((t) => ({ idf: idfOf(n, docs.get(t)!), containers: containers.get(t)! })),
    offset + limit,
  );
  const page = best.slice(offset).map((s) => s.doc);
  return { rows: await resultsOfDocs(db, page), total, terms };
}
