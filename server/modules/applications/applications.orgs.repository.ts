import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

/**
 * The platforms of the applications that name an organisation, one query a column (docs/adr/0015):
 * the organisation registry's keeping rule (ADR 0013) reads them through applications.orgs.lookup.ts.
 * One entry a referring row, so an empty list means the column does not name the organisation.
 */

/** Applications led by the organisation. */
export async function leadOrgPlatforms(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  return (await db
    .selectFrom('applications')
    .select(['lead_org_id as organisationId', 'platform_id as platformId'])
    .where('lead_org_id', 'in', organisationIds)
    .execute()) as OrgPlatform[];
}

/** Consortium members of any version that are the organisation. */
export async function memberOrgPlatforms(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  return (await db
    .selectFrom('application_members as m')
    .innerJoin('application_versions as v', 'v.id', 'm.version_id')
    .innerJoin('applications as a', 'a.id', 'v.application_id')
    .select(['m.organisation_id as organisationId', 'a.platform_id as platformId'])
    .where('m.organisation_id', 'in', organisationIds)
    .execute()) as OrgPlatform[];
}

/** Budget lines of any version paid to the organisation. */
export async function budgetLineOrgPlatforms(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  return (await db
    .selectFrom('application_budget_lines as b')
    .innerJoin('application_versions as v', 'v.id', 'b.version_id')
    .innerJoin('applications as a', 'a.id', 'v.application_id')
    .select(['b.organisation_id as organisationId', 'a.platform_id as platformId'])
    .where('b.organisation_id', 'in', organisationIds)
    .execute()) as OrgPlatform[];
}

/** Invitations to join a consortium sent on behalf of the organisation. */
export async function invitationOrgPlatforms(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  return (await db
    .selectFrom('application_invitations as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(['i.organisation_id as organisationId', 'a.platform_id as platformId'])
    .where('i.organisation_id', 'in', organisationIds)
    .execute()) as OrgPlatform[];
}

/** The platform of each given application, by id (ids not found are absent). */
export async function platformsOfApplicationIds(
  db: Kysely<DB>,
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'platform_id'])
    .where('id', 'in', [...new Set(applicationIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.platform_id]));
}
