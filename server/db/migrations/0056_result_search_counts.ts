import { type Kysely, sql } from 'kysely';

// Frozen once released. The portal's search answered from the index alone (issue 16, ADR 0040): each
// posting says whether its result is in the public, published set, one index serves the term lookups of
// every search and the portal's ranked first page, and the size of the public set and each term's
// document frequency in it are kept by the writes that change them instead of counted per query.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('result_terms')
    .addColumn('searchable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update result_terms set searchable = 1 where result_id in
    (select id from results where visibility = 'public' and state = 'published')`.execute(db);
  await db.schema
    .createIndex('result_terms_ranked')
    .on('result_terms')
    .columns(['term', 'searchable', 'weight', 'result_id'])
    .execute();
  await db.schema.dropIndex('result_terms_term').execute();
  await db.schema
    .createTable('result_search_counts')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into result_search_counts (term, docs)
    select term, count(*) from result_terms where searchable = 1 group by term`.execute(db);
  await sql`insert into result_search_counts (term, docs)
    select '*', count(*) from results where visibility = 'public' and state = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('result_search_counts').execute();
  await db.schema
    .createIndex('result_terms_term')
    .on('result_terms')
    .columns(['term', 'result_id'])
    .execute();
  await db.schema.dropIndex('result_terms_ranked').execute();
  await db.schema.alterTable('result_terms').dropColumn('searchable').execute();
}
