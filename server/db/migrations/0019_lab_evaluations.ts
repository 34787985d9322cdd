import type { Kysely } from 'kysely';

// Frozen once released. The evaluation committee's periodic dual evaluation of a platform's units
// (issue 13, docs/lab-evaluation.md): a round per period with its criteria, each unit's portfolio
// frozen when the round opens, the conflicts found (with their evidence), the members' scorecards and
// the report the chair adopts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lab_eval_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('to_year', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('chair_member_id', 'text', (c) =>
      c.notNull().references('committee_members.id').onDelete('restrict'),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('report_json', 'text')
    .addColumn('report_sha256', 'text')
    .addUniqueConstraint('lab_eval_rounds_period_unique', ['platform_id', 'from_year', 'to_year'])
    .execute();

  await db.schema
    .createTable('lab_eval_units')
    .addColumn('round_id', 'text', (c) => c.notNull().references('lab_eval_rounds.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('portfolio_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lab_eval_units_pk', ['round_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('lab_eval_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('lab_eval_rounds.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('member_id', 'text', (c) =>
      c.notNull().references('committee_members.id').onDelete('restrict'),
    )
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lab_eval_conflicts_unique', ['round_id', 'unit_id', 'member_id', 'rule'])
    .execute();

  await db.schema
    .createTable('lab_eval_scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('lab_eval_rounds.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('member_id', 'text', (c) =>
      c.notNull().references('committee_members.id').onDelete('restrict'),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('overall_comment', 'text')
    .addColumn('total', 'double precision')
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lab_eval_scorecards_unique', ['round_id', 'unit_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('lab_eval_scorecards_member')
    .on('lab_eval_scorecards')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('lab_eval_scores')
    .addColumn('scorecard_id', 'text', (c) =>
      c.notNull().references('lab_eval_scorecards.id').onDelete('cascade'),
    )
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lab_eval_scores_pk', ['scorecard_id', 'criterion'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'lab_eval_scores',
    'lab_eval_scorecards',
    'lab_eval_conflicts',
    'lab_eval_units',
    'lab_eval_rounds',
  ])
    await db.schema.dropTable(t).execute();
}
