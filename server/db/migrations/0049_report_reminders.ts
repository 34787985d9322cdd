import type { Kysely } from 'kysely';

// Frozen once released. Reminders of reports due (issue 13, docs/projects.md "Reminders of reports due").
// - project_reminder_settings: one row per platform once its admin saved them (without a row the defaults
//   of common/projects.reminders.ts apply): enabled, the days before a report is due and after it is
//   overdue (JSON arrays of integers).
// - project_report_reminders: one row per reminder sent, keyed by the report (project, kind, due day) and
//   its offset in days (negative before the due day, positive after). The primary key is what makes a
//   reminder go out once: it is inserted in the transaction that records the notifications, so a second
//   or concurrent run inserts nothing and notifies no one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_reminder_settings')
    .addColumn('platform_id', 'text', (c) => c.primaryKey().references('platforms.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('days_before_json', 'text', (c) => c.notNull())
    .addColumn('days_after_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('project_report_reminders')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_report_reminders_pk', ['project_id', 'kind', 'due_on', 'offset_days'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_report_reminders').execute();
  await db.schema.dropTable('project_reminder_settings').execute();
}
