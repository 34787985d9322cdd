import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ALL } from './results.index.repository.js';
import type { ResultRow } from './results.repository.js';

const num = (v: unknown) => Number(v ?? 0);

/** BM25's inverse document frequency as an integer (× 1000): identical on both databases. */
export const idfOf = (n: number, df: number) =>
  Math.round(Math.log(1 + (n - df + 0.5) / (df + 0.5)) * 1000) + 1;

/**
 * How many of the rarest term's postings, in weight order (whole weights), seed the threshold of a page of
 * several terms; a test passes a smaller one to take every branch on a few records.
 */
const SEED = 2_000;

/**
 * How many matches of several words are counted exactly (ADR 0040, "Totals beyond 10,000"): beyond it the
 * total is this bound and its relation `gte`, as Elasticsearch's `track_total_hits`.
 */
export const EXACT_UP_TO = 10_000;

/** Whether `total` is the number of matches (`eq`) or a lower bound of it (`gte`). */
export type TotalRelation = 'eq' | 'gte';

export interface PortalOptions {
  /** The seed's size in postings (a test passes a few). */
  seedSize?: number;
  /** The total counted exactly up to here (a test passes a few to cross the bound). */
  exactUpTo?: number;
}

interface Ranked {
  ids: string[];
  total: number;
  totalRelation: TotalRelation;
}

/**
 * The same answer as the general search for the portal's unfiltered query, from the index alone (ADR
 * 0040): the set's size and each term's document frequency are read from the kept counts, not counted;
 * one term is a walk down its postings in weight order, stopping at the page; several terms are counted by
 * one merge of their postings in result order and ranked from the top of the rarest term's postings.
 */
export async function portalSearch(
  db: Kysely<DB>,
  terms: string[],
  limit: number,
  offset: number,
  { seedSize = SEED, exactUpTo = EXACT_UP_TO }: PortalOptions = {},
): Promise<{ rows: ResultRow[]; total: number; totalRelation: TotalRelation; terms: string[] }> {
  const counts = await db
    .selectFrom('result_search_counts')
    .select(['term', 'docs'])
    .where('term', 'in', [ALL, ...terms])
    .execute();
  const docs = new Map(counts.map((c) => [c.term, num(c.docs)]));
  const n = docs.get(ALL) ?? 0;
  if (terms.some((t) => !docs.get(t))) return { rows: [], total: 0, totalRelation: 'eq', terms };
  const byRarity = [...terms].sort((a, b) => docs.get(a)! - docs.get(b)! || (a < b ? -1 : 1));
  const idf = new Map(terms.map((t) => [t, idfOf(n, docs.get(t)!)]));
  const { ids, total, totalRelation } =
    byRarity.length === 1
      ? await oneTerm(db, byRarity[0]!, docs.get(byRarity[0]!)!, limit, offset)
      : await severalTerms(db, byRarity, idf, docs.get(byRarity[0]!)!, {
          limit,
          offset,
          seedSize,
          exactUpTo,
        });
  if (ids.length === 0) return { rows: [], total, totalRelation, terms };
  const rows = await db.selectFrom('results').selectAll().where('id', 'in', ids).execute();
  return { rows: ids.map((id) => rows.find((r) => r.id === id)!), total, totalRelation, terms };
}

/** One term: the total is its kept count; the page is a walk down its postings in weight order. */
async function oneTerm(
  db: Kysely<DB>,
  term: string,
  docs: number,
  limit: number,
  offset: number,
): Promise<Ranked> {
  const rows = await db
    .selectFrom('result_terms')
    .select('result_id')
    .where('term', '=', term)
    .where('searchable', '=', 1)
    .orderBy('weight', 'desc')
    .orderBy('result_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { ids: rows.map((r) => r.result_id), total: docs, totalRelation: 'eq' };
}

/**
 * Several terms (ADR 0040, "Several words"). The total is the size of the intersection of the terms'
 * searchable postings, one merge of their ranges of the index in result order (`result_terms_by_result`).
 * The page (the first `offset + limit` by score, ties by id descending) is ranked from the top of the
 * rarest term's postings in weight order: the matches among its postings of weight ≥ w (w the weight of
 * its SEED-th posting) give θ, the score of the page's last place; a result whose rarest-term weight x has
 * x × idf plus the other terms' greatest weights × their idf below θ cannot reach the page, so the page is
 * ranked again over the postings down to that bound only when some weight below w is within it — the
 * postings below w only, merged with the seed's ranking.
 */
async function severalTerms(
  db: Kysely<DB>,
  [first, ...others]: string[],
  idf: Map<string, number>,
  firstDocs: number,
  {
    limit,
    offset,
    seedSize,
    exactUpTo,
  }: { limit: number; offset: number; seedSize: number; exactUpTo: number },
): Promise<Ranked> {
  const k = offset + limit;
  const { total, totalRelation } = await countUpTo(db, [first!, ...others], Math.max(exactUpTo, k));
  if (total === 0 || offset >= total) return { ids: [], total, totalRelation };
  const joins = joinOthers(others);
  const score = sql.join(
    [first!, ...others].map((t, i) => sql`${alias(i)}.weight * ${sql.lit(idf.get(t)!)}`),
    sql` + `,
  );
  const ranked = async (least: number, under?: number) =>
    (
      await sql<{ id: string; score: unknown }>`select t0.result_id as id, ${score} as score
        from result_terms t0 ${joins}
        where t0.term = ${first!} and t0.searchable = 1 and t0.weight >= ${sql.lit(least)}
        ${under === undefined ? sql`` : sql`and t0.weight < ${sql.lit(under)}`}
        order by score desc, t0.result_id desc limit ${k}`.execute(db)
    ).rows;
  const page = (rows: Array<{ id: string }>) => rows.slice(offset).map((r) => r.id);
  if (firstDocs <= seedSize) return { ids: page(await ranked(0)), total, totalRelation };
  const top = sql`select weight from result_terms where term = ${first!} and searchable = 1
    order by weight desc, result_id desc limit 1 offset ${sql.lit(seedSize - 1)}`;
  const most = (t: string) =>
    sql`(select max(weight) from result_terms where term = ${t} and searchable = 1)`;
  const bounds = (
    await sql<Record<string, unknown>>`select (${top}) as w, (select max(weight) from result_terms
      where term = ${first!} and searchable = 1 and weight < (${top})) as below,
      ${sql.join(others.map((t, i) => sql`${most(t)} as ${sql.raw(`m${i}`)}`))}`.execute(db)
  ).rows[0]!;
  const w = num(bounds.w);
  const seed = await ranked(w);
  // Ranked again, only the postings below the seed's are probed; their best k and the seed's make the page.
  const withSeed = async (least: number) => byScore([...seed, ...(await ranked(least, w))]).slice(0, k);
  // The seed found every match there is (a bound says nothing of that), or none below w can reach the page.
  if (totalRelation === 'eq' && seed.length === total) return { ids: page(seed), total, totalRelation };
  if (seed.length < k) return { ids: page(await withSeed(0)), total, totalRelation };
  const rest = others.reduce((a, t, i) => a + num(bounds[`m${i}`]) * idf.get(t)!, 0);
  const least = Math.ceil((num(seed[k - 1]!.score) - rest) / idf.get(first!)!);
  if (least > num(bounds.below)) return { ids: page(seed), total, totalRelation };
  return { ids: page(await withSeed(least)), total, totalRelation };
}

/** Score descending, ties by result id descending: the order of `ranked`'s statement. */
const byScore = <T extends { id: string; score: unknown }>(rows: T[]) =>
  rows.sort((a, b) => num(b.score) - num(a.score) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

/**
 * The number of results holding every term, counted up to `upTo` + 1 and no further (ADR 0040, "Totals
 * beyond 10,000"): `eq` when there are at most `upTo`, else `upTo` as a lower bound (`gte`). The
 * intersection is read from `result_terms_by_result` in result order and stops at the bound.
 */
async function countUpTo(
  db: Kysely<DB>,
  terms: string[],
  upTo: number,
): Promise<{ total: number; totalRelation: TotalRelation }> {
  const cap = sql.lit(upTo + 1);
  // SQLite merges the two ranges of the index when the compound is ordered (no temporary b-tree) and
  // stops the merge at the limit. PostgreSQL hashes an intersection whole before any limit (1.9 s for
  // chip ∧ battery at 1 M); a join ordered by result id is a merge join of the ranges that stops there.
  const counted =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql<{ n: unknown }>`select count(*) as n from (select t0.result_id from result_terms t0
          ${joinOthers(terms.slice(1))} where t0.term = ${terms[0]!} and t0.searchable = 1
          order by t0.result_id limit ${cap}) m`.execute(db)
      : await sql<{ n: unknown }>`select count(*) as n from (${sql.join(
          terms.map((t) => sql`select result_id from result_terms where term = ${t} and searchable = 1`),
          sql` intersect `,
        )} order by 1 limit ${cap}) m`.execute(db);
  const n = num(counted.rows[0]?.n);
  return n > upTo ? { total: upTo, totalRelation: 'gte' } : { total: n, totalRelation: 'eq' };
}

const alias = (i: number) => sql.raw(`t${i}`);

/** The other terms' searchable postings of t0's result, joined as t1, t2, …. */
const joinOthers = (others: string[]) =>
  sql.join(
    others.map(
      (t, i) => sql`join result_terms ${alias(i + 1)} on ${alias(i + 1)}.term = ${t}
        and ${alias(i + 1)}.searchable = 1 and ${alias(i + 1)}.result_id = t0.result_id`,
    ),
    sql` `,
  );
