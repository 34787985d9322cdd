import type { Kysely } from 'kysely';

// Frozen once released. A call's review settings, assignment runs kept whole for replay, pins and
// forbids by hand, and the invited seats (DOMAIN.md §5; issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_review_settings')
    .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id').onDelete('cascade'))
    .addColumn('rule_set_id', 'text', (c) =>
      c.notNull().references('conflict_rule_sets.id').onDelete('restrict'),
    )
    .addColumn('composition_json', 'text', (c) => c.notNull())
    .addColumn('load_min', 'integer', (c) => c.notNull())
    .addColumn('load_max', 'integer', (c) => c.notNull())
    .addColumn('hybrid_top_n', 'integer', (c) => c.notNull())
    .addColumn('response_days', 'integer', (c) => c.notNull())
    .addColumn('scoring_closes_at', 'text')
    .addColumn('thresholds_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assignment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('solver', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('instance_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('objective', 'double precision')
    .addColumn('millis', 'integer', (c) => c.notNull())
    .addColumn('timings_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('assignment_runs_call').on('assignment_runs').column('call_id').execute();

  await db.schema
    .createTable('assignment_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('assignment_overrides_call')
    .on('assignment_overrides')
    .column('call_id')
    .execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('assignment_runs.id').onDelete('restrict'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('decline_reason', 'text')
    .addUniqueConstraint('review_assignments_pair', ['application_id', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('review_assignments_call')
    .on('review_assignments')
    .columns(['call_id', 'state'])
    .execute();
  await db.schema
    .createIndex('review_assignments_expert')
    .on('review_assignments')
    .column('expert_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['review_assignments', 'assignment_overrides', 'assignment_runs', 'call_review_settings']) {
    await db.schema.dropTable(t).execute();
  }
}
