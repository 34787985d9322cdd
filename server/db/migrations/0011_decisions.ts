import type { Kysely } from 'kysely';

// Frozen once released. Funding decisions within a call's budget: the selection with its constraints,
// solver and cut-off explanation, and each application's outcome with any override and its reason
// (DOMAIN.md §5; issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('budget_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('constraints_json', 'text', (c) => c.notNull())
    .addColumn('solver', 'text', (c) => c.notNull())
    .addColumn('objective', 'double precision', (c) => c.notNull())
    .addColumn('millis', 'integer', (c) => c.notNull())
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finalised_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('finalised_at', 'text')
    .execute();
  await db.schema.createIndex('funding_decisions_call').on('funding_decisions').column('call_id').execute();

  await db.schema
    .createTable('funding_decision_items')
    .addColumn('decision_id', 'text', (c) =>
      c.notNull().references('funding_decisions.id').onDelete('cascade'),
    )
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('requested_minor', 'bigint', (c) => c.notNull())
    .addColumn('optimiser_outcome', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addPrimaryKeyConstraint('funding_decision_items_pk', ['decision_id', 'application_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['funding_decision_items', 'funding_decisions']) {
    await db.schema.dropTable(t).execute();
  }
}
