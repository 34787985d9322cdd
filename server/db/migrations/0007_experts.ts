import type { Kysely } from 'kysely';

// Frozen once released. The expert database 专家库: profiles, fields, past outputs with collaborators,
// declared conflicts and availability (DOMAIN.md §5; issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id').onDelete('restrict'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('expertise_zh', 'text')
    .addColumn('expertise_en', 'text')
    .addColumn('load_max', 'integer', (c) => c.notNull().defaultTo(6))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('expert_fields')
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('tech_fields.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('expert_fields_pk', ['expert_id', 'field_id'])
    .execute();
  await db.schema.createIndex('expert_fields_field').on('expert_fields').column('field_id').execute();

  await db.schema
    .createTable('expert_outputs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text')
    .addColumn('year', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expert_outputs_expert').on('expert_outputs').column('expert_id').execute();

  await db.schema
    .createTable('expert_output_collaborators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('output_id', 'text', (c) => c.notNull().references('expert_outputs.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expert_output_collaborators_output')
    .on('expert_output_collaborators')
    .column('output_id')
    .execute();
  await db.schema
    .createIndex('expert_output_collaborators_org')
    .on('expert_output_collaborators')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('expert_declared_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expert_declared_conflicts_expert')
    .on('expert_declared_conflicts')
    .column('expert_id')
    .execute();

  await db.schema
    .createTable('expert_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('expert_availability_expert')
    .on('expert_availability')
    .column('expert_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'expert_availability',
    'expert_declared_conflicts',
    'expert_output_collaborators',
    'expert_outputs',
    'expert_fields',
    'experts',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
