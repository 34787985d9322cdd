import type { Kysely } from 'kysely';

// Frozen once released. R&D calls with their fields and deadline extensions (DOMAIN.md §4), the
// notification centre with its e-mail outbox state, and projects (intramural now, extramural from
// applications later; DOMAIN.md §3, §6).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_zh', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('budget_total_minor', 'bigint', (c) => c.notNull())
    .addColumn('ceiling_minor', 'bigint', (c) => c.notNull())
    .addColumn('eligibility_json', 'text', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('reviewers_per_application', 'integer', (c) => c.notNull())
    .addColumn('required_attachments_json', 'text', (c) => c.notNull())
    .addColumn('screening_checklist_json', 'text', (c) => c.notNull())
    .addColumn('resubmit_window_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('calls_code_unique', ['platform_id', 'code'])
    .execute();
  await db.schema.createIndex('calls_state').on('calls').columns(['state', 'closes_at']).execute();

  await db.schema
    .createTable('call_fields')
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('call_fields_pk', ['call_id', 'field_id'])
    .execute();

  await db.schema
    .createTable('call_deadline_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('previous_closes_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('call_deadline_extensions_call')
    .on('call_deadline_extensions')
    .column('call_id')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('platform_id', 'text', (c) => c.references('platforms.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('email_error', 'text')
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_next_at', 'text')
    .addColumn('email_sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_outbox')
    .on('notifications')
    .columns(['email_state', 'email_next_at'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_zh', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('application_id', 'text', (c) => c.unique())
    .addColumn('lead_org_id', 'text', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('budget_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('projects_code_unique', ['platform_id', 'code'])
    .execute();
  await db.schema.createIndex('projects_unit').on('projects').column('unit_id').execute();

  await db.schema
    .createTable('project_fields')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('project_fields_pk', ['project_id', 'field_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'project_fields',
    'projects',
    'notifications',
    'call_deadline_extensions',
    'call_fields',
    'calls',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
