import type { Kysely } from 'kysely';

// Frozen once released. What the reminders of reports due did, shown in the UI (issue 13, docs/projects.md
// "Reminders sent"):
// - project_report_reminders.deliveries_json: to whom a reminder went and by which channel, as sent (a
//   JSON array of { userId, name, email }: in-app always, e-mail when it was queued). Null on the rows
//   sent before this migration, which kept only the count.
// - project_reminder_runs: the last run's lines of each platform (one row, replaced by every run that
//   writes), including the reminders nobody could be sent (no_recipient), which leave no other trace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_report_reminders').addColumn('deliveries_json', 'text').execute();
  await db.schema
    .createTable('project_reminder_runs')
    .addColumn('platform_id', 'text', (c) => c.primaryKey().references('platforms.id').onDelete('cascade'))
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_reminder_runs').execute();
  await db.schema.alterTable('project_report_reminders').dropColumn('deliveries_json').execute();
}
