import type { Kysely } from 'kysely';

// Frozen once released. Conflict-of-interest rule sets as versioned data, the excluded pairs of a call
// with their evidence, and the experts an applicant asks to avoid (DOMAIN.md §5; issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conflict_rule_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.references('platforms.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conflict_rule_sets_version', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('conflict_exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('rule_set_id', 'text', (c) =>
      c.notNull().references('conflict_rule_sets.id').onDelete('restrict'),
    )
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conflict_exclusions_pair')
    .on('conflict_exclusions')
    .columns(['call_id', 'application_id', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('conflict_exclusions_expert')
    .on('conflict_exclusions')
    .column('expert_id')
    .execute();

  await db.schema
    .createTable('application_avoid_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_avoid_requests_application')
    .on('application_avoid_requests')
    .column('application_id')
    .execute();

  // The deployment-wide presets (common/conflict-rules.ts RULE_SET_PRESETS, spelled out here because a
  // migration never imports app code; conflicts.rulesets.test.ts checks the two agree).
  const preset = (years: number) =>
    JSON.stringify([
      { key: 'same_organisation', kind: 'same_organisation' },
      {
        key: 'collaboration',
        kind: 'collaboration',
        years,
        sources: ['co_applicant', 'co_author', 'co_inventor'],
      },
      { key: 'consortium_member', kind: 'consortium_member' },
      { key: 'declared_by_expert', kind: 'declared_by_expert' },
      { key: 'declared_by_applicant', kind: 'declared_by_applicant' },
    ]);
  const at = '2026-11-01T00:00:00.000Z';
  await (db as Kysely<{ conflict_rule_sets: Record<string, unknown> }>)
    .insertInto('conflict_rule_sets')
    .values([
      {
        id: '01930000-0000-7000-8000-000000000c01',
        platform_id: null,
        code: 'default',
        version: 1,
        name_zh: '默认回避规则',
        name_en: 'Default conflict rules',
        rules_json: preset(4),
        created_by: null,
        created_at: at,
      },
      {
        id: '01930000-0000-7000-8000-000000000c02',
        platform_id: null,
        code: 'strict',
        version: 1,
        name_zh: '严格回避规则',
        name_en: 'Strict conflict rules',
        rules_json: preset(6),
        created_by: null,
        created_at: at,
      },
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['application_avoid_requests', 'conflict_exclusions', 'conflict_rule_sets']) {
    await db.schema.dropTable(t).execute();
  }
}
