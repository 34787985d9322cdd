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
  | ((ids: RawBuilder<unknown>) => RawBuilder<{ org_id: string; platform_id: string }>)
  | 'deployment-wide'
  | 'follows'
> = {
  // A person's organisation is referred to by the platforms they work on: units staffed or directed,
  // committees sat on. A person on no platform is a draft (ADR 0013) and keeps nothing.
  'people.organisation_id': (ids) => sql`
    select p.organisation_id as org_id, u.platform_id from people p join unit_staff s on s.person_id = p.id join org_units u on u.id = s.unit_id where p.organisation_id in (${ids})
    union select p.organisation_id, u.platform_id from people p join org_units u on u.director_person_id = p.id where p.organisation_id in (${ids})
    union select p.organisation_id, c.platform_id from people p join committee_members c on c.person_id = p.id where p.organisation_id in (${ids})`,
  'committee_members.organisation_id': (ids) =>
    sql`select organisation_id as org_id, platform_id from committee_members where organisation_id in (${ids})`,
  'projects.lead_org_id': (ids) =>
    sql`select lead_org_id as org_id, platform_id from projects where lead_org_id in (${ids})`,
  'agreements.partner_org_id': (ids) =>
    sql`select partner_org_id as org_id, platform_id from agreements where partner_org_id in (${ids})`,
  'applications.lead_org_id': (ids) =>
    sql`select lead_org_id as org_id, platform_id from applications where lead_org_id in (${ids})`,
  'application_members.organisation_id': (ids) => sql`
    select m.organisation_id as org_id, a.platform_id from application_members m join application_versions v on v.id = m.version_id
    join applications a on a.id = v.application_id where m.organisation_id in (${ids})`,
  'application_budget_lines.organisation_id': (ids) => sql`
    select b.organisation_id as org_id, a.platform_id from application_budget_lines b join application_versions v on v.id = b.version_id
    join applications a on a.id = v.application_id where b.organisation_id in (${ids})`,
  'application_invitations.organisation_id': (ids) => sql`
    select i.organisation_id as org_id, a.platform_id from application_invitations i join applications a on a.id = i.application_id
    where i.organisation_id in (${ids})`,
  'application_avoid_requests.organisation_id': (ids) => sql`
    select r.organisation_id as org_id, a.platform_id from application_avoid_requests r join applications a on a.id = r.application_id
    where r.organisation_id in (${ids})`,
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
  return (await keepingOfMany(db, [id])).get(id)!;
}

/**
 * keepingPlatformsOf for a page of organisations in the same number of queries as for one (the list
 * shows each row's tools by it).
 */
export async function keepingOfMany(
  db: Kysely<DB>,
  orgIds: readonly string[],
): Promise<Map<string, OrgKeeping>> {
  const acc = new Map(orgIds.map((id) => [id, { platformIds: new Set<string>(), referred: false }]));
  if (orgIds.length) {
    const ids = sql.join([...new Set(orgIds)]);
    for (const r of ORG_REFERENCES) {
      const how = PLATFORMS_OF[referenceName(r)];
      if (how === 'follows') continue;
      if (how === 'deployment-wide' || how === undefined) {
        const { rows } = await sql<{
          org_id: string;
        }>`select distinct ${sql.ref(r.column)} as org_id from ${sql.table(
          r.table,
        )} where ${sql.ref(r.column)} in (${ids})`.execute(db);
        for (const row of rows) acc.get(row.org_id)!.referred = true;
        continue;
      }
      const { rows } = await how(ids).execute(db);
      // A person on no platform refers to nothing; every other row with a platform does.
      for (const row of rows) {
        const k = acc.get(row.org_id)!;
        k.platformIds.add(row.platform_id);
        k.referred = true;
      }
    }
  }
  return new Map(
    [...acc].map(([id, k]) => [id, { platformIds: [...k.platformIds].sort(), referred: k.referred }]),
  );
}
