import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The platforms of the applications that name an organisation, one query a column (docs/adr/0015):
 * the organisation registry's keeping rule (ADR 0013) reads them through applications.orgs.lookup.ts.
 * One entry a referring row, so an empty list means the column does not name the organisation.
 */

const platformIds = (rows: Array<{ platform_id: string }>) => rows.map((r) => r.platform_id);

/** Applications led by the organisation. */
export async function leadOrgPlatforms(db: Kysely<DB>, orgId: string): Promise<string[]> {
  return platformIds(
    await db.selectFrom('applications').select('platform_id').where('lead_org_id', '=', orgId).execute(),
  );
}

/** Consortium members of any version that are the organisation. */
export async function memberOrgPlatforms(db: Kysely<DB>, orgId: string): Promise<string[]> {
  return platformIds(
    await db
      .selectFrom('application_members as m')
      .innerJoin('application_versions as v', 'v.id', 'm.version_id')
      .innerJoin('applications as a', 'a.id', 'v.application_id')
      .select('a.platform_id')
      .where('m.organisation_id', '=', orgId)
      .execute(),
  );
}

/** Budget lines of any version paid to the organisation. */
export async function budgetLineOrgPlatforms(db: Kysely<DB>, orgId: string): Promise<string[]> {
  return platformIds(
    await db
      .selectFrom('application_budget_lines as b')
      .innerJoin('application_versions as v', 'v.id', 'b.version_id')
      .innerJoin('applications as a', 'a.id', 'v.application_id')
      .select('a.platform_id')
      .where('b.organisation_id', '=', orgId)
      .execute(),
  );
}

/** Invitations to join a consortium sent on behalf of the organisation. */
export async function invitationOrgPlatforms(db: Kysely<DB>, orgId: string): Promise<string[]> {
  return platformIds(
    await db
      .selectFrom('application_invitations as i')
      .innerJoin('applications as a', 'a.id', 'i.application_id')
      .select('a.platform_id')
      .where('i.organisation_id', '=', orgId)
      .execute(),
  );
}

/** The platform of each given application, one entry per id found (repeats kept). */
export async function platformsOfApplicationIds(
  db: Kysely<DB>,
  applicationIds: readonly string[],
): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'platform_id'])
    .where('id', 'in', [...new Set(applicationIds)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.platform_id]));
  return applicationIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
