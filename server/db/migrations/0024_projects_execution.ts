import type { Kysely } from 'kysely';

// Frozen once released. Execution of projects, second part (issue 13): budget adjustments (预算调剂) as
// versioned requests with their decision, and the completion of 任务书 milestones submitted by the
// project and accepted or rejected by the officer, and the reports of the reporting schedule as submitted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('grounds_json', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addUniqueConstraint('project_adjustments_version_unique', ['project_id', 'version'])
    .execute();

  await db.schema
    .createTable('project_milestone_reviews')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('milestone', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addPrimaryKeyConstraint('project_milestone_reviews_pk', ['project_id', 'milestone'])
    .execute();

  await db.schema
    .createTable('project_reports')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_reports_pk', ['project_id', 'kind', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_reports').execute();
  await db.schema.dropTable('project_milestone_reviews').execute();
  await db.schema.dropTable('project_adjustments').execute();
}
