import type { Kysely } from 'kysely';

// Frozen once released. The two reviews of 结题验收 (issue 13; docs/projects.md "Final acceptance"):
// the task review and the financial review of a final check's report version, each with its own
// outcome (pass | rectify | fail) and frozen content (canonical JSON + sha256). One of each kind per
// version: the key refuses a second one, and a resubmitted version in 整改 is reviewed afresh.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_check_reviews')
    .addColumn('check_id', 'text', (c) => c.notNull().references('project_checks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('review_json', 'text', (c) => c.notNull())
    .addColumn('review_sha256', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_check_reviews_pk', ['check_id', 'version', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_check_reviews').execute();
}
