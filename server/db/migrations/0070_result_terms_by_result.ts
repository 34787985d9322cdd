import type { Kysely } from 'kysely';

// Frozen once released. The portal's search of several words (issue 16, ADR 0040 "Several words"): each
// term's searchable postings in result order with their weights, so two terms' postings are intersected
// by walking both in the same order, read from the index alone, instead of one probe of the primary key
// (and of the row, for the weight) per posting of the rarer term.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('result_terms_by_result')
    .on('result_terms')
    .columns(['term', 'searchable', 'result_id', 'weight'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('result_terms_by_result').execute();
}
