import type { Kysely } from 'kysely';

// Frozen once released. Platforms in depth, the field taxonomy, the organisation registry, people, units,
// staff and the evaluation committee (DOMAIN.md §1, §2, §10).
export async function up(db: Kysely<unknown>): Promise<void> {
  const platformColumns: Array<[string, 'text' | 'integer', string | number | null]> = [
    ['supervising_department_zh', 'text', null],
    ['supervising_department_en', 'text', null],
    ['committee_appointer_zh', 'text', null],
    ['committee_appointer_en', 'text', null],
    ['country', 'text', null],
    ['founded_year', 'integer', null],
    ['description_zh', 'text', null],
    ['description_en', 'text', null],
    ['notes', 'text', null],
    ['rating_funding', 'integer', 0],
    ['rating_rd', 'integer', 0],
    ['rating_management', 'integer', 0],
    ['fiscal_year_start_month', 'integer', 1],
    ['default_currency', 'text', 'CNY'],
    ['is_illustrative', 'integer', 0],
  ];
  for (const [name, type, dflt] of platformColumns) {
    await db.schema
      .alterTable('platforms')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }

  await db.schema
    .createTable('platform_funding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('is_illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addUniqueConstraint('platform_funding_unique', ['platform_id', 'year', 'source'])
    .execute();

  await db.schema
    .createTable('tech_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('tech_fields_parent', ['parent_id'], 'tech_fields', ['id'], (fk) =>
      fk.onDelete('restrict').deferrable().initiallyDeferred(),
    )
    .execute();

  await db.schema
    .createTable('platform_fields')
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('platform_fields_pk', ['platform_id', 'field_id'])
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('enterprise_size', 'text')
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('registry_id', 'text')
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('CN'))
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('website', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('organisations_merged_into', ['merged_into_id'], 'organisations', ['id'], (fk) =>
      fk.onDelete('restrict').deferrable().initiallyDeferred(),
    )
    .execute();
  await db.schema.createIndex('organisations_name_key').on('organisations').column('name_key').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_organisation').on('people').column('organisation_id').execute();

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('director_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('description_zh', 'text')
    .addColumn('description_en', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('org_units_name_zh', ['platform_id', 'name_zh'])
    .addUniqueConstraint('org_units_name_en', ['platform_id', 'name_en'])
    .execute();

  await db.schema
    .createTable('unit_fields')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('unit_fields_pk', ['unit_id', 'field_id'])
    .execute();

  await db.schema
    .createTable('unit_staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_staff_unique', ['unit_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text')
    .addColumn('appointed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('committee_members_unique', ['platform_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('committee_member_fields')
    .addColumn('member_id', 'text', (c) => c.notNull().references('committee_members.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('committee_member_fields_pk', ['member_id', 'field_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'committee_member_fields',
    'committee_members',
    'unit_staff',
    'unit_fields',
    'org_units',
    'people',
    'organisations',
    'platform_fields',
    'tech_fields',
    'platform_funding',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
