import type { Kysely } from 'kysely';

// Frozen once released. Consortium applications to R&D calls (DOMAIN.md §4): versions (a submitted
// version is frozen with a canonical-JSON snapshot and its checksum), consortium, budget table,
// attachments, member invitations, every state transition, screening records, and the per-call receipt
// counter that numbers submissions without gaps.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('restrict'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('lead_org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title_zh', 'text')
    .addColumn('title_en', 'text')
    .addColumn('field_id', 'text', (c) => c.references('tech_fields.id').onDelete('restrict'))
    .addColumn('requested_total_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('receipt_no', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('resubmit_deadline', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applications_call').on('applications').columns(['call_id', 'state']).execute();
  await db.schema
    .createIndex('applications_platform')
    .on('applications')
    .columns(['platform_id', 'state'])
    .execute();
  await db.schema.createIndex('applications_owner').on('applications').column('owner_user_id').execute();
  await db.schema.createIndex('applications_lead').on('applications').column('lead_org_id').execute();
  await db.schema.createIndex('applications_field').on('applications').column('field_id').execute();

  await db.schema
    .createTable('application_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('restrict'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text')
    .addColumn('snapshot_json', 'text')
    .addColumn('checksum', 'text')
    .addColumn('receipt_seq', 'integer')
    .addColumn('receipt_no', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_versions_no', ['application_id', 'version_no'])
    .addUniqueConstraint('application_versions_receipt', ['call_id', 'receipt_seq'])
    .execute();

  await db.schema
    .createTable('application_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('application_versions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id').onDelete('restrict'))
    .addColumn('role', 'text')
    .addColumn('requested_minor', 'bigint', (c) => c.notNull())
    .addColumn('cofunding_minor', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('application_members_org', ['version_id', 'organisation_id'])
    .addUniqueConstraint('application_members_position', ['version_id', 'position'])
    .execute();
  await db.schema
    .createIndex('application_members_organisation')
    .on('application_members')
    .column('organisation_id')
    .execute();
  await db.schema
    .createIndex('application_members_contact')
    .on('application_members')
    .column('contact_person_id')
    .execute();

  await db.schema
    .createTable('application_budget_lines')
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('application_versions.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_budget_lines_pk', ['version_id', 'organisation_id', 'category'])
    .execute();

  await db.schema
    .createTable('application_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('application_versions.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_attachments_key', ['version_id', 'key'])
    .execute();

  await db.schema
    .createTable('application_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('restrict'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('role', 'text')
    .addColumn('requested_minor', 'bigint', (c) => c.notNull())
    .addColumn('cofunding_minor', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_invitations_app')
    .on('application_invitations')
    .columns(['application_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('application_invitations_user')
    .on('application_invitations')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('application_invitations_person')
    .on('application_invitations')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('application_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('application_transitions_app')
    .on('application_transitions')
    .columns(['application_id', 'at'])
    .execute();

  await db.schema
    .createTable('application_screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reasons', 'text')
    .addColumn('officer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('officer_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_screenings_app')
    .on('application_screenings')
    .columns(['application_id', 'at'])
    .execute();

  // One row per call, locked while a submission takes the next number, so numbers are unique and gapless.
  await db.schema
    .createTable('call_receipt_counters')
    .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id').onDelete('cascade'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'call_receipt_counters',
    'application_screenings',
    'application_transitions',
    'application_invitations',
    'application_attachments',
    'application_budget_lines',
    'application_members',
    'application_versions',
    'applications',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
