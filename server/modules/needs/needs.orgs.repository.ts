import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

// The needs' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every technology need the organisation posted (one entry a need). */
export async function needPlatformsOf(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('needs')
    .select(['organisation_id as organisationId', 'platform_id as platformId'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
