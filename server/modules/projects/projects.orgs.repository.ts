import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The platform of every project the organisation leads (one entry a project). */
export async function projectPlatformsLedBy(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('projects')
    .select('platform_id')
    .where('lead_org_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
