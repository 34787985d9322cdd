import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../server/db/database.js';
import type { DB } from '../../server/db/schema.js';
import { newId } from '../../server/http/context.js';
import { containersOf } from '../../server/modules/results/results.bits.js';
import { LAST_DOC } from '../../server/modules/results/results.bits.repository.js';
import type { Corpus } from './search-corpus.js';

/**
 * public-search-1m's loader: the synthetic catalog written straight into the tables the results module
 * keeps (results, result_terms, result_search_docs, result_search_counts, result_term_bits), in bulk,
 * as the module's writes would leave them one record at a time.
 */

const BATCH = 20_000;

const now = new Date().toISOString();
const platformRow = (id: string) => ({
  id,
  code: 'BENCH',
  name_zh: '基准',
  name_en: 'Bench',
  model: 'gov_institute',
  fiscal_year_start_month: 1,
  default_currency: 'CNY',
  created_at: now,
  updated_at: now,
});
const resultCols = [
  'id',
  'platform_id',
  'type',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'visibility',
  'state',
  'published_at',
  'created_at',
  'updated_at',
] as const;
const resultValues = (c: Corpus, i: number, platformId: string) => {
  const t = c.texts(i);
  return [
    c.id(i),
    platformId,
    'technology',
    t.title_zh,
    t.title_en,
    t.summary_zh,
    t.summary_en,
    c.isPublic(i) ? 'public' : 'internal',
    'published',
    now,
    now,
    now,
  ];
};

/**
 * The counts the results module keeps as it writes (ADR 0040), computed once after the bulk load, as
 * migration 0056 computes them for existing records.
 */
const KEPT_COUNTS = [
  'delete from result_search_counts',
  `insert into result_search_counts (term, docs)
    select term, count(*) from result_terms where searchable = 1 group by term`,
  `insert into result_search_counts (term, docs)
    select '*', count(*) from results where visibility = 'public' and state = 'published'`,
  `insert into result_search_counts (term, docs) select '${LAST_DOC}', count(*) from result_search_docs`,
];

/** Record i's search number (ADR 0038): the order of loading, which is also the order of the ids here. */
const docOf = (i: number) => i + 1;

/**
 * The containers of the public records' postings (ADR 0038), computed from the corpus as the index rows
 * are, and written in batches: what replaceResultTerms keeps one record at a time.
 */
async function loadContainers(db: Kysely<DB>, c: Corpus) {
  const byTerm = new Map<string, Map<number, number[]>>();
  for (let i = 0; i < c.n; i++) {
    if (!c.isPublic(i)) continue;
    for (const { term, weight } of c.terms(i)) {
      const weights = byTerm.get(term) ?? byTerm.set(term, new Map()).get(term)!;
      (weights.get(weight) ?? weights.set(weight, []).get(weight)!).push(docOf(i));
    }
  }
  for (const [term, weights] of byTerm) {
    const postings = [...weights.keys()]
      .sort((a, b) => a - b)
      .flatMap((weight) => weights.get(weight)!.map((doc) => ({ weight, doc })));
    const rows = containersOf(postings).map((r) => ({ term, ...r }));
    for (let k = 0; k < rows.length; k += 200)
      await db
        .insertInto('result_term_bits')
        .values(rows.slice(k, k + 200))
        .execute();
  }
}

/** SQLite: one transaction of prepared single-row inserts on a second connection (better-sqlite3 runs them in C). */
function loadSqlite(file: string, c: Corpus, platformId: string) {
  const db = new SQLite(file);
  db.pragma('synchronous = OFF');
  const ins = db.prepare(
    `insert into results (${resultCols.join(', ')}) values (${resultCols.map(() => '?').join(', ')})`,
  );
  const term = db.prepare(
    'insert into result_terms (result_id, term, weight, searchable) values (?, ?, ?, ?)',
  );
  const doc = db.prepare('insert into result_search_docs (result_id, doc) values (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < c.n; i++) {
      ins.run(...resultValues(c, i, platformId));
      const id = c.id(i);
      doc.run(id, docOf(i));
      const searchable = c.isPublic(i) ? 1 : 0;
      for (const t of c.terms(i)) term.run(id, t.term, t.weight, searchable);
    }
    for (const statement of KEPT_COUNTS) db.exec(statement);
  })();
  db.exec('analyze');
  db.close();
}

/** PostgreSQL: batches of 20,000 rows as arrays through unnest, in one transaction. */
async function loadPostgres(url: string, c: Corpus, platformId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (let i = 0; i < c.n; i += BATCH) {
      const cols: unknown[][] = resultCols.map(() => []);
      const tr: [string[], string[], number[], number[]] = [[], [], [], []];
      const docs: [string[], number[]] = [[], []];
      for (let k = i; k < Math.min(c.n, i + BATCH); k++) {
        for (const [j, v] of resultValues(c, k, platformId).entries()) cols[j]!.push(v);
        docs[0].push(c.id(k));
        docs[1].push(docOf(k));
        for (const t of c.terms(k)) {
          tr[0].push(c.id(k));
          tr[1].push(t.term);
          tr[2].push(t.weight);
          tr[3].push(c.isPublic(k) ? 1 : 0);
        }
      }
      await client.query(
        `insert into results (${resultCols.join(', ')}) select * from unnest(${resultCols
          .map((_, j) => `$${j + 1}::text[]`)
          .join(', ')})`,
        cols,
      );
      await client.query(
        'insert into result_terms (result_id, term, weight, searchable) select * from unnest($1::text[], $2::text[], $3::int[], $4::int[])',
        tr,
      );
      await client.query(
        'insert into result_search_docs (result_id, doc) select * from unnest($1::text[], $2::int[])',
        docs,
      );
    }
    for (const statement of KEPT_COUNTS) await client.query(statement);
    await client.query('commit');
    await client.query('analyze results');
    await client.query('analyze result_terms');
    await client.query('analyze result_search_docs');
  } finally {
    await client.end();
  }
}

/**
 * Writes the corpus into an empty, migrated database: a platform, then the rows by the database's own
 * bulk path, then the containers.
 */
export async function loadCatalog(database: Database, pgUrl: string | null, corpus: Corpus): Promise<void> {
  const platformId = newId();
  await database.db.insertInto('platforms').values(platformRow(platformId)).execute();
  if (database.file) loadSqlite(database.file, corpus, platformId);
  else await loadPostgres(pgUrl!, corpus, platformId);
  await loadContainers(database.db, corpus);
}
