import type { Kysely } from 'kysely';

// Frozen once released. Services to enterprises (DOMAIN.md §8, issue 14, first part): the service
// catalog, service requests with their transitions and impact surveys, and shared instruments with a
// booking calendar of machine hours. Money is integer minor units with an ISO-4217 currency (ADR 0002).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('field_ids_json', 'text', (c) => c.notNull())
    .addColumn('method_standard', 'text')
    .addColumn('accreditation_json', 'text', (c) => c.notNull())
    .addColumn('price_rule', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('turnaround_days', 'integer', (c) => c.notNull())
    .addColumn('capacity_per_month', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('services_platform_state')
    .on('services')
    .columns(['platform_id', 'state'])
    .execute();

  await db.schema
    .createTable('service_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('restrict'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('wanted_by', 'text')
    // The quote: price in minor units of `currency`. A voucher share is a later addition beside it.
    .addColumn('quote_price_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('quote_due_on', 'text')
    .addColumn('quote_terms', 'text')
    .addColumn('report_file_name', 'text')
    .addColumn('report_media_type', 'text')
    .addColumn('report_size_bytes', 'integer')
    .addColumn('report_sha256', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('last_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_requests_unit_state')
    .on('service_requests')
    .columns(['unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('service_requests_requester')
    .on('service_requests')
    .columns(['requester_id'])
    .execute();

  await db.schema
    .createTable('service_request_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .execute();

  // One answer per request: the survey is asked once, a year after delivery (NIST MEP).
  await db.schema
    .createTable('service_surveys')
    .addColumn('request_id', 'text', (c) =>
      c.primaryKey().references('service_requests.id').onDelete('cascade'),
    )
    .addColumn('sales_minor', 'bigint', (c) => c.notNull())
    .addColumn('savings_minor', 'bigint', (c) => c.notNull())
    .addColumn('investment_minor', 'bigint', (c) => c.notNull())
    .addColumn('jobs', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('field_ids_json', 'text', (c) => c.notNull())
    // Bookable machine hours of a day, [open_hour, close_hour) in UTC, and the share kept for enterprises.
    .addColumn('open_hour', 'integer', (c) => c.notNull())
    .addColumn('close_hour', 'integer', (c) => c.notNull())
    .addColumn('enterprise_share_percent', 'integer', (c) => c.notNull())
    .addColumn('hourly_rate_minor', 'bigint', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instrument_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id').onDelete('cascade'))
    /** booking | maintenance */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('booker_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('for_enterprise', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One row per booked machine hour: the primary key is what makes a double booking impossible, even
  // when two transactions check the calendar at the same moment (docs/services.md).
  await db.schema
    .createTable('instrument_slots')
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id').onDelete('cascade'))
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) =>
      c.notNull().references('instrument_bookings.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('instrument_slots_pk', ['instrument_id', 'slot_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'instrument_slots',
    'instrument_bookings',
    'instruments',
    'service_surveys',
    'service_request_transitions',
    'service_requests',
    'services',
  ])
    await db.schema.dropTable(t).execute();
}
