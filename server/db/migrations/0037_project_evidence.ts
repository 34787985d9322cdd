import type { Kysely } from 'kysely';

// Frozen once released. Evidence files of project execution (issue 13): the files the lead's side attaches
// to a milestone's completion and to a spending entry, stored by sha256 under server/files like
// application attachments. `subject` says which: a milestone of the frozen 任务书 (`subject_ref` is its
// index) or a spending entry (`subject_ref` is its id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_evidence_subject')
    .on('project_evidence')
    .columns(['project_id', 'subject', 'subject_ref'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_evidence').execute();
}
