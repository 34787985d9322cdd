import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OrgKeeping } from './orgs.policy.js';
import { ORG_REFERENCES, referenceName } from './orgs.references.js';

/**
 * For each column of ORG_REFERENCES, the platforms whose records refer to an organisation through it
 * (a query of `platform_id`), or how the column counts when it has no platform:
 * - 'deployment-wide': the expert database's records, used by every platform's review; they make the
 *   organisation referred to without making any one platform its keeper;
 * - 'follows': organisations merged into it earlier, which are redirects and refer to nothing.
 * Like the merge's re-pointing, this reads the referring columns directly: the organisation registry
 * is where the list of columns that point at an organisation lives (orgs.references.ts).
 */
const PLATFORMS_OF: Record<
  string,
  ((id: string) => RawBuilder<{ platform_id: string }>) | 'deployment-wide' | 'follows'
> = {
  // A person's organisation is referred to by the platforms they work on: units staffed or directed,
  // committees sat on. A person on no platform is a draft (ADR 0013) and keeps nothing.
  'people.organisation_id': (id) => sql`
    select u.platform_id from people p join unit_staff s on s.person_id = p.id join org_units u on u.id = s.unit_id where p.organisation_id = ${id}
    union select u.platform_id from people p join org_units u on u.director_person_id = p.id where p.organisation_id = ${id}
    union select c.platform_id from people p join committee_members c on c.person_id = p.id where p.organisation_id = ${id}`,
  'committee_members.organisation_id': (id) =>
    sql`select platform_id from committee_members where organisation_id = ${id}`,
  'projects.lead_org_id': (id) => sql`select platform_id from projects where lead_org_id = ${id}`,
  'agreements.partner_org_id': (id) => sql`select platform_id from agreements where partner_org_id = ${id}`,
  'applications.lead_org_id': (id) => sql`select platform_id from applications where lead_org_id = ${id}`,
  'application_members.organisation_id': (id) => sql`
    select a.platform_id from application_members m join application_versions v on v.id = m.version_id
    join applications a on a.id = v.application_id where m.organisation_id = ${id}`,
  'application_budget_lines.organisation_id': (id) => sql`
    select a.platform_id from application_budget_lines b join application_versions v on v.id = b.version_id
    join applications a on a.id = v.application_id where b.organisation_id = ${id}`,
  'application_invitations.organisation_id': (id) => sql`
    select a.platform_id from application_invitations i join applications a on a.id = i.application_id
    where i.organisation_id = ${id}`,
  'application_avoid_requests.organisation_id': (id) => sql`
    select a.platform_id from application_avoid_requests r join applications a on a.id = r.application_id
    where r.organisation_id = ${id}`,
  'expert_output_collaborators.organisation_id': 'deployment-wide',
  'expert_declared_conflicts.organisation_id': 'deployment-wide',
  'organisations.merged_into_id': 'follows',
};

// A column added to ORG_REFERENCES without saying which platform it belongs to would let the rule
// miss a keeper: fail at start-up (and so in every test) instead.
for (const r of ORG_REFERENCES) {
  if (!(referenceName(r) in PLATFORMS_OF))
    throw new Error(`orgs: no keeping platform for ${referenceName(r)}`);
}

/** The platforms that keep an organisation, and whether anything refers to it (one query a column). */
export async function keepingPlatformsOf(db: Kysely<DB>, id: string): Promise<OrgKeeping> {
  const platformIds = new Set<string>();
  let referred = false;
  for (const r of ORG_REFERENCES) {
    const how = PLATFORMS_OF[referenceName(r)];
    if (how === 'follows') continue;
    if (how === 'deployment-wide' || how === undefined) {
      const { rows } = await sql<{
        one: number;
      }>`select 1 as one from ${sql.table(r.table)} where ${sql.ref(r.column)} = ${id} limit 1`.execute(db);
      referred ||= rows.length > 0;
      continue;
    }
    const { rows } = await how(id).execute(db);
    for (const row of rows) platformIds.add(row.platform_id);
    // A person on no platform refers to nothing; every other row with a platform does.
    if (rows.length > 0) referred = true;
  }
  return { platformIds: [...platformIds].sort(), referred };
}
