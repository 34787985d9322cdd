import type { Kysely } from 'kysely';

// Frozen once released. Issue 14, second part: the instruments' life cycle and booking approval, and
// innovation vouchers (创新券). Money is integer minor units with an ISO-4217 currency (ADR 0002).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Instruments go draft → published → retired like services; `published` (0020) stays in step with
  // `state` so nothing reading it breaks. A booking may take at most `max_booking_hours` machine hours.
  await db.schema
    .alterTable('instruments')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema
    .alterTable('instruments')
    .addColumn('max_booking_hours', 'integer', (c) => c.notNull().defaultTo(8))
    .execute();
  // Bookings are requested and then approved or rejected by the unit; maintenance blocks are approved
  // when made. Requested and approved bookings hold their slots; rejecting or cancelling frees them.
  for (const [name, type] of [
    ['organisation_id', 'text'],
    ['price_minor', 'bigint'],
    ['decided_by', 'text'],
    ['decided_at', 'text'],
    ['decision_reason', 'text'],
  ] as const)
    await db.schema.alterTable('instrument_bookings').addColumn(name, type).execute();
  await db.schema
    .alterTable('instrument_bookings')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('approved'))
    .execute();
  await db.schema
    .createIndex('instrument_bookings_instrument_start')
    .on('instrument_bookings')
    .columns(['instrument_id', 'starts_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('instrument_bookings_instrument_start').execute();
  for (const c of ['state', 'organisation_id', 'price_minor', 'decided_by', 'decided_at', 'decision_reason'])
    await db.schema.alterTable('instrument_bookings').dropColumn(c).execute();
  for (const c of ['state', 'max_booking_hours'])
    await db.schema.alterTable('instruments').dropColumn(c).execute();
}
