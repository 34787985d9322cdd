import type { Kysely } from 'kysely';

// Frozen once released. Experts for project checks assigned by the review engine (issue 13,
// docs/adr/0042-check-assignment-runs.md, docs/projects.md "Assignment runs for checks"):
// - project_check_runs: one run of the assignment engine over one or several checks of a platform,
//   stored whole as application runs are (instance, input hash, seed, solver, objective, result), so a
//   replay from the stored instance, mode and seed gives the same panels. A sibling of assignment_runs
//   owned by the projects module: those rows belong to a call.
// - project_check_panel.state / run_id / respond_by / responded_at / decline_reason: a seat the engine
//   offered is `invited` until the expert accepts or declines; a seat the officer adds by hand is
//   `accepted` (as every seat made before this migration).
// - project_check_conflicts.rule_set_id / run_id: the rule set and run whose evaluation found the
//   conflict (null for the findings of a hand assignment made before).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_check_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('check_ids_json', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('panel_size', 'integer', (c) => c.notNull())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('solver', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('instance_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('objective', 'double precision')
    .addColumn('millis', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_check_runs_platform')
    .on('project_check_runs')
    .columns(['platform_id', 'created_at'])
    .execute();
  await db.schema
    .alterTable('project_check_panel')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('accepted'))
    .execute();
  await db.schema.alterTable('project_check_panel').addColumn('run_id', 'text').execute();
  await db.schema.alterTable('project_check_panel').addColumn('respond_by', 'text').execute();
  await db.schema.alterTable('project_check_panel').addColumn('responded_at', 'text').execute();
  await db.schema.alterTable('project_check_panel').addColumn('decline_reason', 'text').execute();
  await db.schema.alterTable('project_check_conflicts').addColumn('rule_set_id', 'text').execute();
  await db.schema.alterTable('project_check_conflicts').addColumn('run_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of ['run_id', 'rule_set_id'])
    await db.schema.alterTable('project_check_conflicts').dropColumn(c).execute();
  for (const c of ['decline_reason', 'responded_at', 'respond_by', 'run_id', 'state'])
    await db.schema.alterTable('project_check_panel').dropColumn(c).execute();
  await db.schema.dropTable('project_check_runs').execute();
}
