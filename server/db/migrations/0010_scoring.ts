import type { Kysely } from 'kysely';

// Frozen once released. Scorecards of the dual evaluation (one per accepted seat), their criterion
// scores with comments, and the panel's consensus per application (DOMAIN.md §5; issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) =>
      c.notNull().unique().references('review_assignments.id').onDelete('cascade'),
    )
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('no_conflict_declared_at', 'text')
    .addColumn('overall_comment', 'text')
    .addColumn('weighted_total', 'double precision')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_scorecards_call')
    .on('review_scorecards')
    .columns(['call_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('review_scores')
    .addColumn('scorecard_id', 'text', (c) =>
      c.notNull().references('review_scorecards.id').onDelete('cascade'),
    )
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_scores_pk', ['scorecard_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('panel_reviews')
    .addColumn('application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('consensus_score', 'double precision', (c) => c.notNull())
    .addColumn('report_zh', 'text')
    .addColumn('report_en', 'text')
    .addColumn('basis_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('panel_reviews_call').on('panel_reviews').column('call_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['panel_reviews', 'review_scores', 'review_scorecards']) {
    await db.schema.dropTable(t).execute();
  }
}
