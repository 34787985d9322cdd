import type { Kysely } from 'kysely';

// Frozen once released. The portfolio's spending per project, member and category (issue 13,
// bench/README.md "projects-portfolio") read from the index alone: the amount joins the key, so the
// GROUP BY no longer fetches each entry's row. It replaces project_spending_line, its prefix.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('project_spending_totals')
    .on('project_spending')
    .columns(['project_id', 'organisation_id', 'category', 'amount_minor'])
    .execute();
  await db.schema.dropIndex('project_spending_line').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('project_spending_line')
    .on('project_spending')
    .columns(['project_id', 'organisation_id', 'category'])
    .execute();
  await db.schema.dropIndex('project_spending_totals').execute();
}
