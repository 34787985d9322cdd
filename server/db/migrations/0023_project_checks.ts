import type { Kysely } from 'kysely';

// Frozen once released. 中期检查 and 结题验收 of projects with the dual evaluation (issue 13,
// docs/projects.md "Checks"): a check per opening, each submitted report version frozen with the
// panel's adoption of it, the expert panel with the conflicts found (with their evidence), the
// experts' scorecards per report version, and the 绩效评价 of a closed project.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_checks_project').on('project_checks').column('project_id').execute();

  await db.schema
    .createTable('project_check_reports')
    .addColumn('check_id', 'text', (c) => c.notNull().references('project_checks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('report_sha256', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('adoption_json', 'text')
    .addColumn('adoption_sha256', 'text')
    .addColumn('adopted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('adopted_at', 'text')
    .addPrimaryKeyConstraint('project_check_reports_pk', ['check_id', 'version'])
    .execute();

  await db.schema
    .createTable('project_check_panel')
    .addColumn('check_id', 'text', (c) => c.notNull().references('project_checks.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('chair', 'integer', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_check_panel_pk', ['check_id', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('project_check_panel_expert')
    .on('project_check_panel')
    .column('expert_id')
    .execute();

  await db.schema
    .createTable('project_check_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('project_checks.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_check_conflicts_check')
    .on('project_check_conflicts')
    .column('check_id')
    .execute();

  await db.schema
    .createTable('project_check_scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('project_checks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('overall_comment', 'text')
    .addColumn('total', 'double precision')
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_check_scorecards_unique', ['check_id', 'version', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('project_check_scorecards_expert')
    .on('project_check_scorecards')
    .column('expert_id')
    .execute();

  await db.schema
    .createTable('project_check_scores')
    .addColumn('scorecard_id', 'text', (c) =>
      c.notNull().references('project_check_scorecards.id').onDelete('cascade'),
    )
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_check_scores_pk', ['scorecard_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('project_evaluations')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('evaluation_json', 'text', (c) => c.notNull())
    .addColumn('evaluation_sha256', 'text', (c) => c.notNull())
    .addColumn('evaluated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'project_evaluations',
    'project_check_scores',
    'project_check_scorecards',
    'project_check_conflicts',
    'project_check_panel',
    'project_check_reports',
    'project_checks',
  ])
    await db.schema.dropTable(t).execute();
}
