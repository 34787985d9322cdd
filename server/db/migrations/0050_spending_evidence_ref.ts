import type { Kysely } from 'kysely';

// Frozen once released. The spending import (issue 13, docs/projects.md "Spending import"): an entry keeps
// the reference of its evidence as the books name it (invoice or voucher number), typed or imported, next to
// the evidence files of migration 0037. Nullable: entries booked before have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_spending').addColumn('evidence_ref', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project_spending').dropColumn('evidence_ref').execute();
}
