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

/** The platform of every project with the organisation in its consortium (one entry a member row). */
export async function projectPlatformsWithMember(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_members')
    .innerJoin('projects', 'projects.id', 'project_members.project_id')
    .select('projects.platform_id')
    .where('project_members.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}

/** The platform of every project budgeting money for the organisation (one entry a budget line). */
export async function projectPlatformsBudgeting(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_budget_lines')
    .innerJoin('projects', 'projects.id', 'project_budget_lines.project_id')
    .select('projects.platform_id')
    .where('project_budget_lines.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}

/** The platform of every project where the organisation booked spending (one entry a spending row). */
export async function projectPlatformsSpentBy(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_spending')
    .innerJoin('projects', 'projects.id', 'project_spending.project_id')
    .select('projects.platform_id')
    .where('project_spending.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
