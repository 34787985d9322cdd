import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// The instrument bookings' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every instrument booked for the organisation (one entry a booking). */
export async function bookingPlatformsOf(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('instrument_bookings')
    .innerJoin('instruments', 'instruments.id', 'instrument_bookings.instrument_id')
    .select('instruments.platform_id')
    .where('instrument_bookings.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
