import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { DB, ResultsTable } from '../../db/schema.js';
import { blockOf, type Container, changed, lowOf } from './results.bits.js';
import type { ContainerSize } from './results.bits-rank.js';

/**
 * The portal's search containers (ADR 0038): result_search_docs (each result's search number) and
 * result_term_bits (the public results holding a term at one weight, per block of numbers). Written only
 * through results.index.repository.ts, in the transaction of the write that changes a result.
 */

/** The key of result_search_counts that holds the last search number given. */
export const LAST_DOC = '#doc';

/** A term at a weight: one posting of a result, or a container's key within a block. */
export interface Posting {
  term: string;
  weight: number;
}

/** The result's search number, given once, in the order results are indexed (the next after LAST_DOC). */
export async function searchDocOf(db: Kysely<DB>, resultId: string): Promise<number> {
  const found = await findSearchDoc(db, resultId);
  if (found !== undefined) return found;
  // One statement takes the number and, on PostgreSQL, holds the counter's row until commit.
  const { docs } = await db
    .insertInto('result_search_counts')
    .values({ term: LAST_DOC, docs: 1 })
    .onConflict((oc) => oc.column('term').doUpdateSet({ docs: sql`result_search_counts.docs + 1` }))
    .returning('docs')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('result_search_docs')
    .values({ result_id: resultId, doc: Number(docs) })
    .execute();
  return Number(docs);
}

export const findSearchDoc = async (db: Kysely<DB>, resultId: string): Promise<number | undefined> => {
  const row = await db
    .selectFrom('result_search_docs')
    .select('doc')
    .where('result_id', '=', resultId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.doc);
};

const BATCH = 200;
const keyOf = (p: Posting) => `${p.weight}\u0000${p.term}`;
const pairs = (ps: readonly Posting[]) => sql.join(ps.map((p) => sql`(${p.term}, ${p.weight})`));

/**
 * Puts one doc into the containers of `add` and takes it out of those of `remove` (a posting in both is
 * left as it is). On PostgreSQL the containers are created if missing and locked in key order first, so
 * two transactions changing the same container wait for each other instead of losing a doc.
 */
export async function changeContainers(
  db: Kysely<DB>,
  doc: number,
  add: readonly Posting[],
  remove: readonly Posting[],
): Promise<void> {
  const change = new Map<string, Posting & { added: boolean }>();
  for (const p of remove) change.set(keyOf(p), { ...p, added: false });
  for (const p of add) {
    if (change.get(keyOf(p))?.added === false) change.delete(keyOf(p));
    else change.set(keyOf(p), { ...p, added: true });
  }
  const all = [...change.values()].sort((a, b) =>
    a.term < b.term ? -1 : a.term > b.term ? 1 : a.weight - b.weight,
  );
  const block = blockOf(doc);
  const low = lowOf(doc);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const adds = batch.filter((p) => p.added);
    if (postgres && adds.length)
      await db
        .insertInto('result_term_bits')
        .values(adds.map(({ term, weight }) => ({ term, weight, block, docs: 0, bits: Buffer.alloc(0) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    const read = db
      .selectFrom('result_term_bits')
      .select(['term', 'weight', 'docs', 'bits'])
      .where('block', '=', block)
      .where(sql<boolean>`(term, weight) in (${pairs(batch)})`)
      .orderBy('term')
      .orderBy('weight');
    const rows = await (postgres ? read.forUpdate() : read).execute();
    const before = new Map(rows.map((r) => [keyOf(r), { docs: Number(r.docs), bits: r.bits }]));
    const after = batch.map((p) => ({
      ...p,
      c: changed(before.get(keyOf(p)), p.added ? [low] : [], p.added ? [] : [low]),
    }));
    const kept = after.flatMap(({ term, weight, c }) => (c ? [{ term, weight, block, ...c }] : []));
    const emptied = after.filter((p) => p.c === null);
    if (kept.length)
      await db
        .insertInto('result_term_bits')
        .values(kept)
        .onConflict((oc) =>
          oc.columns(['term', 'weight', 'block']).doUpdateSet({
            docs: sql`excluded.docs`,
            bits: sql`excluded.bits`,
          }),
        )
        .execute();
    if (emptied.length)
      await db
        .deleteFrom('result_term_bits')
        .where('block', '=', block)
        .where(sql<boolean>`(term, weight) in (${pairs(emptied)})`)
        .execute();
  }
}

const container = (r: { weight: unknown; block: unknown; docs: unknown; bits: Uint8Array }): Container => ({
  weight: Number(r.weight),
  block: Number(r.block),
  docs: Number(r.docs),
  bits: r.bits,
});

/** Every container of these terms, by term. */
export async function containersOfTerms(db: Kysely<DB>, terms: readonly string[]) {
  const rows = await db
    .selectFrom('result_term_bits')
    .select(['term', 'weight', 'block', 'docs', 'bits'])
    .where('term', 'in', [...terms])
    .execute();
  const out = new Map<string, Container[]>(terms.map((t) => [t, []]));
  for (const r of rows) out.get(r.term)!.push(container(r));
  return out;
}

/** One term's containers without their bytes, in its order: weight descending, block descending. */
export async function containerSizes(db: Kysely<DB>, term: string): Promise<ContainerSize[]> {
  const rows = await db
    .selectFrom('result_term_bits')
    .select(['weight', 'block', 'docs'])
    .where('term', '=', term)
    .orderBy('weight', 'desc')
    .orderBy('block', 'desc')
    .execute();
  return rows.map((r) => ({ weight: Number(r.weight), block: Number(r.block), docs: Number(r.docs) }));
}

/** These containers of one term with their bytes, in the order given. */
export async function containersAt(
  db: Kysely<DB>,
  term: string,
  at: readonly ContainerSize[],
): Promise<Container[]> {
  if (at.length === 0) return [];
  const rows = await db
    .selectFrom('result_term_bits')
    .select(['weight', 'block', 'docs', 'bits'])
    .where('term', '=', term)
    .where(sql<boolean>`(weight, block) in (${sql.join(at.map((c) => sql`(${c.weight}, ${c.block})`))})`)
    .execute();
  const read = new Map(rows.map((r) => [`${r.weight}/${r.block}`, container(r)]));
  // A container a concurrent write emptied since its size was read is passed over.
  return at.flatMap((c) => read.get(`${c.weight}/${c.block}`) ?? []);
}

/** The results of these search numbers, in the order given. */
export async function resultsOfDocs(
  db: Kysely<DB>,
  docs: readonly number[],
): Promise<Selectable<ResultsTable>[]> {
  if (docs.length === 0) return [];
  const rows = await db
    .selectFrom('result_search_docs as d')
    .innerJoin('results as r', 'r.id', 'd.result_id')
    .selectAll('r')
    .select('d.doc as search_doc')
    .where('d.doc', 'in', [...docs])
    .execute();
  const byDoc = new Map(rows.map(({ search_doc, ...r }) => [Number(search_doc), r]));
  return docs.flatMap((d) => byDoc.get(d) ?? []);
}
