import type { Kysely } from 'kysely';

// Frozen once released. Execution of projects (issue 13): spending per consortium member and 任务书 cost
// category, each entry with its date, amount (integer minor units) and description.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_spending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_spending_line')
    .on('project_spending')
    .columns(['project_id', 'organisation_id', 'category'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_spending').execute();
}
