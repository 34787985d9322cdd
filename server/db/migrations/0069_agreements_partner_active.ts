import type { Kysely } from 'kysely';

// Frozen once released. The tech-transfer report's small-business counts (issue 16, ADR 0049 round 9):
// agreements of a kind in force in the period whose partner is a small business. With the partner right
// after the kind, both databases answer it with one index range per small-business partner, read from
// the index alone (the execution, end and termination dates are in it), instead of a pass over every
// agreement of the kind with an organisation probe each: 121 → 27 ms on PostgreSQL at 1 M events
// (bench/README.md round 9). The partner's size stays the organisations module's, read at report time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('agreements_partner_active')
    .on('agreements')
    .columns(['platform_id', 'kind', 'partner_org_id', 'execution_date', 'end_date', 'termination_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreements_partner_active').execute();
}
