import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

// The instrument bookings' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every instrument booked for the organisation (one entry a booking). */
export async function bookingPlatformsOf(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('instrument_bookings')
    .innerJoin('instruments', 'instruments.id', 'instrument_bookings.instrument_id')
    .select([
      'instrument_bookings.organisation_id as organisationId',
      'instruments.platform_id as platformId',
    ])
    .where('instrument_bookings.organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
