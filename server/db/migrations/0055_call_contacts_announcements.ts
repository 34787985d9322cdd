import type { Kysely } from 'kysely';

// Frozen once released. What users of a call guide expect (issue 12, docs/calls-and-notifications.md):
// - calls.contact_name / contact_phone / contact_email: the call's contact person (联系人), shown on the
//   public call page and to applicants; nullable, as calls made before had none.
// - announcements: a platform's 通知公告, draft → published → withdrawn, bilingual title and body, an
//   optional attachment kept in the stored files (its sha256, name, media type and size here).
// - inquiries.consent_version / consented_at: the privacy notice (common/privacy.ts) a visitor agreed to
//   on the public inquiry form, and when; null for inquiries received before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('calls').addColumn('contact_phone', 'text').execute();
  await db.schema.alterTable('calls').addColumn('contact_email', 'text').execute();
  await db.schema.alterTable('inquiries').addColumn('consent_version', 'text').execute();
  await db.schema.alterTable('inquiries').addColumn('consented_at', 'text').execute();
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('attachment_sha256', 'text')
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_media_type', 'text')
    .addColumn('attachment_bytes', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_published')
    .on('announcements')
    .columns(['state', 'published_at'])
    .execute();
  await db.schema
    .createIndex('announcements_platform')
    .on('announcements')
    .columns(['platform_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('announcements').execute();
  await db.schema.alterTable('inquiries').dropColumn('consented_at').execute();
  await db.schema.alterTable('inquiries').dropColumn('consent_version').execute();
  await db.schema.alterTable('calls').dropColumn('contact_email').execute();
  await db.schema.alterTable('calls').dropColumn('contact_phone').execute();
  await db.schema.alterTable('calls').dropColumn('contact_name').execute();
}
