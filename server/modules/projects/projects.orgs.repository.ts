import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

/** The platform of every project the organisation leads (one entry a project). */
export async function projectPlatformsLedBy(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('projects')
    .select(['lead_org_id as organisationId', 'platform_id as platformId'])
    .where('lead_org_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}

/** The platform of every project with the organisation in its consortium (one entry a member row). */
export async function projectPlatformsWithMember(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_members')
    .innerJoin('projects', 'projects.id', 'project_members.project_id')
    .select(['project_members.organisation_id as organisationId', 'projects.platform_id as platformId'])
    .where('project_members.organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}

/** The platform of every project budgeting money for the organisation (one entry a budget line). */
export async function projectPlatformsBudgeting(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_budget_lines')
    .innerJoin('projects', 'projects.id', 'project_budget_lines.project_id')
    .select(['project_budget_lines.organisation_id as organisationId', 'projects.platform_id as platformId'])
    .where('project_budget_lines.organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}

/** The platform of every project where the organisation booked spending (one entry a spending row). */
export async function projectPlatformsSpentBy(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_spending')
    .innerJoin('projects', 'projects.id', 'project_spending.project_id')
    .select(['project_spending.organisation_id as organisationId', 'projects.platform_id as platformId'])
    .where('project_spending.organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
