import type { Kysely } from 'kysely';

// Frozen once released. Technology needs and matchmaking (issue 14, docs/needs.md): needs posted by
// enterprises and the contacts they make to matched technologies, services, instruments, units, experts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('field_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('budget_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('close_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_platform_state').on('needs').columns(['platform_id', 'state']).execute();
  await db.schema.createIndex('needs_organisation').on('needs').column('organisation_id').execute();

  await db.schema
    .createTable('need_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    // Who answers: the unit's director (and platform admins) when the target has a unit, else the
    // expert's own account, else the platform's tech-transfer officers.
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('provider_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('target_label', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('decline_note', 'text')
    .addColumn('sent_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('need_contacts_unique', ['need_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema.createIndex('need_contacts_unit').on('need_contacts').column('unit_id').execute();
  await db.schema
    .createIndex('need_contacts_provider')
    .on('need_contacts')
    .column('provider_user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_contacts').execute();
  await db.schema.dropTable('needs').execute();
}
