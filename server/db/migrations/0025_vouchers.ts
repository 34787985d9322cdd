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

  // A voucher scheme is data set by the supervisor: its rules (eligibility, shares, caps, providers,
  // service kinds) are one JSON document checked by vouchers.schema.ts.
  await db.schema
    .createTable('voucher_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('lottery', 'integer', (c) => c.notNull())
    /** draft | open | closed */
    .addColumn('state', 'text', (c) => c.notNull())
    /** The lottery's seed and draw, recorded so anyone can re-run it (docs/vouchers.md). */
    .addColumn('lottery_seed', 'text')
    .addColumn('lottery_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // An enterprise's application and, once issued, its voucher. The balance is never stored: it is the
  // sum of the voucher's ledger.
  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('voucher_schemes.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('applicant_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** applied | issued | refused | not_drawn */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('controller_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vouchers_scheme_state')
    .on('vouchers')
    .columns(['scheme_id', 'state'])
    .execute();

  // Every movement of money on a voucher. `seq` numbers a voucher's entries: two writers that read the
  // same balance both try the same next number and one loses on the key (no spend twice, ADR 0002).
  await db.schema
    .createTable('voucher_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** issue | redeem | expire */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('balance_after_minor', 'bigint', (c) => c.notNull())
    .addColumn('redemption_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addUniqueConstraint('voucher_ledger_seq', ['voucher_id', 'seq'])
    .execute();

  // A voucher applied to a service request: planned by the enterprise on the quote, redeemed by the
  // provider with proof, then settled in a monthly batch. One per request.
  await db.schema
    .createTable('voucher_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id').onDelete('cascade'))
    .addColumn('service_request_id', 'text', (c) =>
      c.notNull().unique().references('service_requests.id').onDelete('restrict'),
    )
    .addColumn('platform_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('voucher_minor', 'bigint', (c) => c.notNull())
    /** planned | redeemed | settled */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('contract_ref', 'text')
    .addColumn('report_sha256', 'text')
    .addColumn('payment_ref', 'text')
    .addColumn('paid_by_enterprise_minor', 'bigint')
    .addColumn('redeemed_at', 'text')
    .addColumn('settlement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voucher_settlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('voucher_settlements_month', ['platform_id', 'month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'voucher_settlements',
    'voucher_redemptions',
    'voucher_ledger',
    'vouchers',
    'voucher_schemes',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('instrument_bookings_instrument_start').execute();
  for (const c of ['state', 'organisation_id', 'price_minor', 'decided_by', 'decided_at', 'decision_reason'])
    await db.schema.alterTable('instrument_bookings').dropColumn(c).execute();
  for (const c of ['state', 'max_booking_hours'])
    await db.schema.alterTable('instruments').dropColumn(c).execute();
}
