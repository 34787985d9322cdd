import type { Kysely } from 'kysely';

// Frozen once released. Execution of projects, third part (issue 13): the outputs other modules keep
// linked to the project that produced them (many-to-many; the output is named by type and id, not copied).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_outputs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('output_type', 'text', (c) => c.notNull())
    .addColumn('output_id', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_outputs_unique', ['project_id', 'output_type', 'output_id'])
    .execute();
  // The other way round: which projects an output belongs to.
  await db.schema
    .createIndex('project_outputs_output')
    .on('project_outputs')
    .columns(['output_type', 'output_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_outputs').execute();
}
