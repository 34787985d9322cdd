import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// The service requests' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every service request made for the organisation (one entry a request). */
export async function serviceRequestPlatformsOf(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_requests')
    .select('platform_id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
