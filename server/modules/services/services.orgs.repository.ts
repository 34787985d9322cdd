import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

// The service requests' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every service request made for the organisation (one entry a request). */
export async function serviceRequestPlatformsOf(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_requests')
    .select(['organisation_id as organisationId', 'platform_id as platformId'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
