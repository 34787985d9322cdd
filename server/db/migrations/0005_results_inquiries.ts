import type { Kysely } from 'kysely';

// Frozen once released. The results catalog (成果库) with technology listings, its bilingual search index
// (result_terms), and public inquiries tracked as a funnel with every transition (DOMAIN.md §7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_zh', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('trl', 'integer')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('identifier', 'text')
    .addColumn('url', 'text')
    .addColumn('authors', 'text')
    .addColumn('problem_zh', 'text')
    .addColumn('problem_en', 'text')
    .addColumn('advantage_zh', 'text')
    .addColumn('advantage_en', 'text')
    .addColumn('economics_zh', 'text')
    .addColumn('economics_en', 'text')
    .addColumn('applications_zh', 'text')
    .addColumn('applications_en', 'text')
    .addColumn('ip_status_zh', 'text')
    .addColumn('ip_status_en', 'text')
    // JSON arrays of codes (common/results.ts): exclusivities and licence kinds offered.
    .addColumn('licence_types', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('licence_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('results_platform').on('results').columns(['platform_id', 'state']).execute();
  await db.schema.createIndex('results_unit').on('results').column('unit_id').execute();

  await db.schema
    .createTable('result_fields')
    .addColumn('result_id', 'text', (c) => c.notNull().references('results.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('result_fields_pk', ['result_id', 'field_id'])
    .execute();
  await db.schema.createIndex('result_fields_field').on('result_fields').column('field_id').execute();

  // The search index: one row per (result, term) with the term's weight in that result, rewritten in the
  // same transaction as every write of the result. Terms come from one segmenter for records and queries.
  await db.schema
    .createTable('result_terms')
    .addColumn('result_id', 'text', (c) => c.notNull().references('results.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_terms_pk', ['result_id', 'term'])
    .execute();
  await db.schema
    .createIndex('result_terms_term')
    .on('result_terms')
    .columns(['term', 'result_id'])
    .execute();

  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('result_id', 'text', (c) => c.notNull().references('results.id').onDelete('restrict'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    // The licence that came out of it; plain text because the agreements table comes later.
    .addColumn('licence_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inquiries_platform')
    .on('inquiries')
    .columns(['platform_id', 'received_at'])
    .execute();
  await db.schema.createIndex('inquiries_result').on('inquiries').column('result_id').execute();

  await db.schema
    .createTable('inquiry_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_transitions_inquiry')
    .on('inquiry_transitions')
    .columns(['inquiry_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['inquiry_transitions', 'inquiries', 'result_terms', 'result_fields', 'results']) {
    await db.schema.dropTable(t).execute();
  }
}
