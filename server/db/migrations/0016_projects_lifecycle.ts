import { type Kysely, sql } from 'kysely';

// Frozen once released. Projects carried from 立项 through execution (issue 13): the consortium, the
// planned budget, objectives, indicators and milestones a project takes over from its application (or
// that a unit registers), and the audited state transitions behind the timeline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('outcome', 'text').execute();
  // The old states: an extramural project was created at the decision (立项, nothing signed yet); an
  // intramural one was registered by its unit and running; 'completed' had no verdict recorded.
  await sql`update projects set state = case
      when state = 'active' and kind = 'extramural' then 'approved'
      when state = 'active' then 'in_progress'
      when state = 'completed' then 'closed'
      else state end`.execute(db);

  await db.schema
    .createTable('project_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('funded_minor', 'bigint', (c) => c.notNull())
    .addColumn('cofunding_minor', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('project_members_org_unique', ['project_id', 'organisation_id'])
    .addUniqueConstraint('project_members_position_unique', ['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('project_budget_lines')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_budget_lines_pk', ['project_id', 'organisation_id', 'category'])
    .execute();

  await db.schema
    .createTable('project_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_objectives_position_unique', ['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('project_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.references('project_objectives.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_indicators_position_unique', ['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('work_package', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_milestones_position_unique', ['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('project_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  // 任务书: one per project, a draft the officer edits until both sides signed, then frozen.
  await db.schema
    .createTable('project_agreements')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('officer_signed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('officer_signed_at', 'text')
    .addColumn('lead_signed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lead_signed_at', 'text')
    .addColumn('snapshot_json', 'text')
    .addColumn('checksum', 'text')
    .addColumn('frozen_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('project_transitions_project')
    .on('project_transitions')
    .columns(['project_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'project_agreements',
    'project_transitions',
    'project_milestones',
    'project_indicators',
    'project_objectives',
    'project_budget_lines',
    'project_members',
  ])
    await db.schema.dropTable(t).execute();
  await sql`update projects set state = case
      when state in ('approved', 'contracting', 'in_progress', 'interim_check', 'final_acceptance',
        'rectification', 'suspended') then 'active'
      when state in ('closed', 'evaluated') then 'completed'
      else state end`.execute(db);
  await db.schema.alterTable('projects').dropColumn('outcome').execute();
}
