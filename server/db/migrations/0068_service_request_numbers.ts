import { type Kysely, sql } from 'kysely';

// Frozen once released. A service request gets a number people can say and write (SR-2026-00042): the
// enterprise quotes it on the phone, the unit on its invoice, the finance office on the voucher
// statement, which named each request by its UUID until now. Numbers run per platform and calendar year
// (UTC, the year of created_at), without gaps, from a counter row that the insert takes in its
// transaction, as application receipts do (call_receipt_counters). Existing requests are numbered in the
// order they were made.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_request_counters')
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_request_counters_pk', ['platform_id', 'year'])
    .execute();
  await db.schema
    .alterTable('service_requests')
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  const rows = await sql<{ id: string; platform_id: string; created_at: string }>`
    select id, platform_id, created_at from service_requests order by created_at, id`.execute(db);
  const last = new Map<string, { platformId: string; year: number; seq: number }>();
  for (const r of rows.rows) {
    const year = Number(String(r.created_at).slice(0, 4));
    const key = `${r.platform_id} ${year}`;
    const counter = last.get(key) ?? { platformId: r.platform_id, year, seq: 0 };
    counter.seq += 1;
    last.set(key, counter);
    await sql`update service_requests set number = ${requestNumber(year, counter.seq)} where id = ${r.id}`.execute(
      db,
    );
  }
  for (const c of last.values()) {
    await sql`insert into service_request_counters (platform_id, year, last_seq)
      values (${c.platformId}, ${c.year}, ${c.seq})`.execute(db);
  }
  await db.schema
    .createIndex('service_requests_platform_number')
    .on('service_requests')
    .columns(['platform_id', 'number'])
    .unique()
    .execute();
}

/** The number's shape at the time of this migration (services.repository.ts makes the same). */
const requestNumber = (year: number, seq: number) => `SR-${year}-${String(seq).padStart(5, '0')}`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('service_requests_platform_number').execute();
  await db.schema.alterTable('service_requests').dropColumn('number').execute();
  await db.schema.dropTable('service_request_counters').execute();
}
