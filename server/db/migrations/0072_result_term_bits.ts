import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { containersOf } from '../../modules/results/results.bits.js';
import type { DB } from '../schema.js';

// Frozen once released. The portal's search from containers of search numbers (issue 16, ADR 0038): every
// result gets a search number (result_search_docs, in id order here, then in the order results are made;
// result_search_counts '#doc' holds the last one given), and the public results holding a term at one weight
// are kept per block of 65,536 numbers as a sorted array or a bitmap (result_term_bits). Filled from the
// postings with the container code this migration ships with (results.bits.ts, pure functions, as 0057
// runs the tokenizer); a later change of the format adds its own rebuild. The index that merged two terms'
// postings in result order (0070) served only the portal's count and goes.
const BATCH = 200;

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await untyped.schema
    .createTable('result_search_docs')
    .addColumn('result_id', 'text', (c) => c.primaryKey().references('results.id').onDelete('cascade'))
    .addColumn('doc', 'integer', (c) => c.notNull().unique())
    .execute();
  await sql`insert into result_search_docs (result_id, doc)
    select id, row_number() over (order by id) from results`.execute(db);
  await sql`insert into result_search_counts (term, docs)
    select '#doc', count(*) from results`.execute(db);
  await untyped.schema
    .createTable('result_term_bits')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .addColumn('bits', postgres ? sql`bytea` : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_term_bits_pk', ['term', 'weight', 'block'])
    .execute();
  const terms = await db
    .selectFrom('result_search_counts')
    .select('term')
    .where('term', 'not in', ['*', '#doc'])
    .where('docs', '>', 0)
    .orderBy('term')
    .execute();
  for (const { term } of terms) {
    const postings = await db
      .selectFrom('result_terms as t')
      .innerJoin('result_search_docs as d', 'd.result_id', 't.result_id')
      .select(['t.weight as weight', 'd.doc as doc'])
      .where('t.term', '=', term)
      .where('t.searchable', '=', 1)
      .orderBy('t.weight')
      .orderBy('d.doc')
      .execute();
    const rows = containersOf(postings.map((p) => ({ weight: Number(p.weight), doc: Number(p.doc) })));
    for (let i = 0; i < rows.length; i += BATCH)
      await db
        .insertInto('result_term_bits')
        .values(rows.slice(i, i + BATCH).map((r) => ({ term, ...r })))
        .execute();
  }
  await untyped.schema.dropIndex('result_terms_by_result').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('result_terms_by_result')
    .on('result_terms')
    .columns(['term', 'searchable', 'result_id', 'weight'])
    .execute();
  await db.schema.dropTable('result_term_bits').execute();
  await db.schema.dropTable('result_search_docs').execute();
  await sql`delete from result_search_counts where term = '#doc'`.execute(db);
}
