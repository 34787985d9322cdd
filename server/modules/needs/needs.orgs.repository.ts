import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// The needs' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every technology need the organisation posted (one entry a need). */
export async function needPlatformsOf(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('needs')
    .select('platform_id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
