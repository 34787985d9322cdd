import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once released. Amendments (变更) of a frozen 任务书 and attachments on project reports (issue 13,
// docs/adr/0041). An approved amendment freezes a new version of the 任务书: every version is kept in
// project_agreement_versions (canonical JSON + sha256), project_agreements holds the current one and its
// number. The 任务书s frozen before this migration become their version 1. A submitted report keeps the
// sha256 of its canonical JSON, which covers the sha256 of its attached files (project_evidence, subject
// `report`); reports submitted before have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('to_version', 'integer')
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addUniqueConstraint('project_amendments_number_unique', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('project_agreement_versions')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('amendment_id', 'text', (c) => c.references('project_amendments.id').onDelete('set null'))
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_agreement_versions_pk', ['project_id', 'version'])
    .execute();

  await db.schema
    .alterTable('project_agreements')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`INSERT INTO project_agreement_versions (project_id, version, snapshot_json, checksum, amendment_id, frozen_at)
    SELECT project_id, 1, snapshot_json, checksum, NULL, frozen_at FROM project_agreements
    WHERE frozen_at IS NOT NULL AND snapshot_json IS NOT NULL AND checksum IS NOT NULL`.execute(db);

  await db.schema.alterTable('project_reports').addColumn('sha256', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_reports').dropColumn('sha256').execute();
  await db.schema.alterTable('project_agreements').dropColumn('version').execute();
  await db.schema.dropTable('project_agreement_versions').execute();
  await db.schema.dropTable('project_amendments').execute();
}
