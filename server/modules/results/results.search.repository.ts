import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { ResultRow } from './results.repository.js';
import { idfOf, portalSearch } from './results.search-portal.repository.js';
import { queryTerms } from './results.terms.js';

/** Which results a search may see and the filters the caller chose. */
export interface SearchScope {
  /** Only public, published results (the portal). */
  publicOnly: boolean;
  /** Restrict to these platforms (staff); undefined means every platform. */
  platformIds?: readonly string[];
  q?: string;
  type?: string;
  fieldId?: string;
  unitId?: string;
  platformId?: string;
  trlMin?: number;
  trlMax?: number;
  yearFrom?: number;
  yearTo?: number;
  state?: string;
  visibility?: string;
}

/**
 * A scope whose field filter is resolved: `fieldIds` are the chosen field and its sub-fields as the
 * fields module gives them (fields.lookup fieldWithChildren), so no query here names its table.
 */
export type ResolvedScope = SearchScope & { fieldIds: readonly string[] | undefined };

/** The WHERE conditions on `results r`, as portable SQL (the same text on SQLite and PostgreSQL). */
export function scopeConditions(s: ResolvedScope): RawBuilder<unknown> {
  if (s.trlMin !== undefined && s.trlMax !== undefined && s.trlMin > s.trlMax)
    throw new AppError(400, 'request.validation_failed', {
      errors: [{ in: 'querystring', pointer: '/trlMin', code: 'results.trl_range', message: '' }],
    });
  const c: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (s.publicOnly) c.push(sql`r.visibility = 'public' and r.state = 'published'`);
  if (s.platformIds !== undefined)
    c.push(s.platformIds.length ? sql`r.platform_id in (${sql.join([...s.platformIds])})` : sql`1 = 0`);
  if (s.type) c.push(sql`r.type = ${s.type}`);
  if (s.platformId) c.push(sql`r.platform_id = ${s.platformId}`);
  if (s.unitId) c.push(sql`r.unit_id = ${s.unitId}`);
  if (s.trlMin !== undefined) c.push(sql`r.trl >= ${s.trlMin}`);
  if (s.trlMax !== undefined) c.push(sql`r.trl <= ${s.trlMax}`);
  if (s.yearFrom !== undefined) c.push(sql`r.year >= ${s.yearFrom}`);
  if (s.yearTo !== undefined) c.push(sql`r.year <= ${s.yearTo}`);
  if (s.state) c.push(sql`r.state = ${s.state}`);
  if (s.visibility) c.push(sql`r.visibility = ${s.visibility}`);
  // A field includes its sub-fields; an unknown field matches nothing.
  if (s.fieldIds !== undefined)
    c.push(
      s.fieldIds.length
        ? sql`exists (select 1 from result_fields rf where rf.result_id = r.id
      and rf.field_id in (${sql.join([...s.fieldIds])}))`
        : sql`1 = 0`,
    );
  return sql.join(c, sql` and `);
}

export interface SearchPage {
  rows: ResultRow[];
  /** The number of matches. */
  total: number;
  terms: string[];
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * Ranked search over the result_terms index. Every query term must occur (AND); the score sums each
 * term's stored weight (field boosts, saturated frequency) times its inverse document frequency in the
 * searchable set, BM25-style; equal scores go newest first, by search number (ADR 0038). Without a query the
 * newest come first.
 */
export async function searchResults(
  db: Kysely<DB>,
  scope: ResolvedScope,
  page: { page: number; pageSize: number },
  order: 'published' | 'updated',
): Promise<SearchPage> {
  const where = scopeConditions(scope);
  const offset = (page.page - 1) * page.pageSize;
  const terms = queryTerms(scope.q);
  if (terms.length === 0) {
    const total = num(
      (await sql<{ n: unknown }>`select count(*) as n from results r where ${where}`.execute(db)).rows[0]?.n,
    );
    const orderBy =
      order === 'published'
        ? sql`coalesce(r.published_at, r.updated_at) desc, r.id desc`
        : sql`r.updated_at desc, r.id desc`;
    const rows = await sql<ResultRow>`select r.* from results r where ${where}
      order by ${orderBy} limit ${page.pageSize} offset ${offset}`.execute(db);
    return { rows: rows.rows, total, terms };
  }
  if (isPlainPortalSearch(scope)) return portalSearch(db, terms, page.pageSize, offset);
  const termList = sql.join(terms);
  const n = num(
    (await sql<{ n: unknown }>`select count(*) as n from results r where ${where}`.execute(db)).rows[0]?.n,
  );
  const dfRows = await sql<{ term: string; df: unknown }>`select t.term as term, count(*) as df
    from result_terms t join results r on r.id = t.result_id
    where t.term in (${termList}) and ${where} group by t.term`.execute(db);
  const df = new Map(dfRows.rows.map((r) => [r.term, num(r.df)]));
  if (terms.some((t) => !df.get(t))) return { rows: [], total: 0, terms };
  // idf as an integer literal: no floating-point parameters, identical on both databases.
  const idf = (t: string) => idfOf(n, df.get(t)!);
  const weightCase = sql`case t.term ${sql.join(
    terms.map((t) => sql`when ${t} then ${sql.lit(idf(t))}`),
    sql` `,
  )} else 0 end`;
  const matches = sql`select t.result_id as id, sum(t.weight * ${weightCase}) as score
    from result_terms t join results r on r.id = t.result_id
    where t.term in (${termList}) and ${where}
    group by t.result_id having count(*) = ${sql.lit(terms.length)}`;
  const total = num(
    (await sql<{ n: unknown }>`select count(*) as n from (${matches}) m`.execute(db)).rows[0]?.n,
  );
  const ranked = await sql<{ id: string }>`select m.id as id from (${matches}) m
    join result_search_docs d on d.result_id = m.id
    order by m.score desc, d.doc desc limit ${page.pageSize} offset ${offset}`.execute(db);
  const ids = ranked.rows.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total, terms };
  const rows = await db.selectFrom('results').selectAll().where('id', 'in', ids).execute();
  return { rows: ids.map((id) => rows.find((r) => r.id === id)!), total, terms };
}

/** The portal's search with no filter but the query: the public, published set as a whole. */
function isPlainPortalSearch(s: ResolvedScope): boolean {
  return (
    s.publicOnly &&
    s.platformIds === undefined &&
    s.fieldIds === undefined &&
    !s.type &&
    !s.platformId &&
    !s.unitId &&
    !s.state &&
    !s.visibility &&
    [s.trlMin, s.trlMax, s.yearFrom, s.yearTo].every((v) => v === undefined)
  );
}
