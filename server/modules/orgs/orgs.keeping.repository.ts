import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { agreementPlatformsOfPartner } from '../agreements/agreements.lookup.js';
import {
  applicationLeadOrgPlatforms,
  applicationPlatforms,
  budgetLineOrgPlatforms,
  invitationOrgPlatforms,
  memberOrgPlatforms,
} from '../applications/applications.orgs.lookup.js';
import { committeePlatformsNaming, committeePlatformsOf } from '../committee/committee.lookup.js';
import { bookingPlatformsOf } from '../instruments/instruments.orgs.lookup.js';
import { needPlatformsOf } from '../needs/needs.orgs.lookup.js';
import { peopleOfOrganisations } from '../people/people.orgs.lookup.js';
import {
  projectPlatformsBudgeting,
  projectPlatformsLedBy,
  projectPlatformsSpentBy,
  projectPlatformsWithMember,
} from '../projects/projects.orgs.lookup.js';
import { applicationsAvoiding } from '../review/conflicts/conflicts.lookup.js';
import { collaboratorOrganisation, declaredConflictWith } from '../review/experts/experts.lookup.js';
import { serviceRequestPlatformsOf } from '../services/services.orgs.lookup.js';
import { unitPlatformsOf } from '../units/units.lookup.js';
import { voucherPlatformsOf } from '../vouchers/vouchers.orgs.lookup.js';
import type { OrgKeeping } from './orgs.policy.js';
import { ORG_REFERENCES, referenceName } from './orgs.references.js';

/**
 * Reads every record that refers to organisations through its owner's lookup (docs/adr/0015), and
 * holds no SQL: the file keeps its name and `keepingPlatformsOf` its signature for its callers.
 * Each owner's lookup takes a list of organisation ids, so a page of the organisation list costs one
 * read a column, not one a column and row. For each column of ORG_REFERENCES, the platforms whose
 * records refer to an organisation through it (one entry a referring record), or how the column
 * counts when it has no platform:
 * - deployment-wide: the expert database's records, used by every platform's review; they make the
 *   organisation referred to without making any one platform its keeper;
 * - 'follows': organisations merged into it earlier, which are redirects and refer to nothing.
 */
type Db = Kysely<DB>;
type OrgPlatform = { organisationId: string; platformId: string };
type Reads =
  | ((db: Db, ids: readonly string[]) => Promise<OrgPlatform[]>)
  | { deploymentWide: (db: Db, ids: readonly string[]) => Promise<Set<string>> }
  | 'follows';

const PLATFORMS_OF: Record<string, Reads> = {
  // A person's organisation is referred to by the platforms they work on: units staffed or directed,
  // committees sat on. A person on no platform is a draft (ADR 0013) and keeps nothing.
  'people.organisation_id': async (db, ids) => {
    const people = await peopleOfOrganisations(db, ids);
    const orgOf = new Map(people.map((p) => [p.personId, p.organisationId]));
    const personIds = people.map((p) => p.personId);
    const units = await unitPlatformsOf(db, personIds);
    const committees = await committeePlatformsOf(db, personIds);
    return [...units, ...committees].map((l) => ({
      organisationId: orgOf.get(l.personId)!,
      platformId: l.platformId,
    }));
  },
  'committee_members.organisation_id': committeePlatformsNaming,
  'projects.lead_org_id': projectPlatformsLedBy,
  'agreements.partner_org_id': agreementPlatformsOfPartner,
  'applications.lead_org_id': applicationLeadOrgPlatforms,
  'application_members.organisation_id': memberOrgPlatforms,
  'application_budget_lines.organisation_id': budgetLineOrgPlatforms,
  'application_invitations.organisation_id': invitationOrgPlatforms,
  'application_avoid_requests.organisation_id': async (db, ids) => {
    const avoiding = await applicationsAvoiding(db, ids);
    const platformOf = await applicationPlatforms(
      db,
      avoiding.map((a) => a.applicationId),
    );
    return avoiding.flatMap((a) => {
      const platformId = platformOf.get(a.applicationId);
      return platformId ? [{ organisationId: a.organisationId, platformId }] : [];
    });
  },
  'project_members.organisation_id': projectPlatformsWithMember,
  'project_budget_lines.organisation_id': projectPlatformsBudgeting,
  'project_spending.organisation_id': projectPlatformsSpentBy,
  'service_requests.organisation_id': serviceRequestPlatformsOf,
  'instrument_bookings.organisation_id': bookingPlatformsOf,
  'vouchers.organisation_id': voucherPlatformsOf,
  'needs.organisation_id': needPlatformsOf,
  'expert_output_collaborators.organisation_id': { deploymentWide: collaboratorOrganisation },
  'expert_declared_conflicts.organisation_id': { deploymentWide: declaredConflictWith },
  // A registration waiting for the keepers makes nobody a keeper: it is what the keepers decide on.
  'registrations.organisation_id': async () => [],
  'organisations.merged_into_id': 'follows',
};

// A column added to ORG_REFERENCES without saying which platform it belongs to would let the rule
// miss a keeper: fail at start-up (and so in every test) instead.
for (const r of ORG_REFERENCES) {
  if (!(referenceName(r) in PLATFORMS_OF))
    throw new Error(`orgs: no keeping platform for ${referenceName(r)}`);
}

/**
 * The platforms that keep each organisation, and whether anything refers to it, for a page of
 * organisations (the list shows each row's tools by it): one owner lookup a column for the whole page.
 */
export async function keepingOfMany(
  db: Kysely<DB>,
  orgIds: readonly string[],
): Promise<Map<string, OrgKeeping>> {
  const ids = [...new Set(orgIds)];
  const platforms = new Map(ids.map((id) => [id, new Set<string>()]));
  const referred = new Set<string>();
  for (const r of ORG_REFERENCES) {
    const how = PLATFORMS_OF[referenceName(r)];
    if (how === 'follows' || how === undefined || ids.length === 0) continue;
    if (typeof how === 'object') {
      for (const id of await how.deploymentWide(db, ids)) referred.add(id);
      continue;
    }
    // A person on no platform refers to nothing; every other record with a platform does.
    for (const found of await how(db, ids)) {
      platforms.get(found.organisationId)?.add(found.platformId);
      referred.add(found.organisationId);
    }
  }
  return new Map(
    ids.map((id) => [id, { platformIds: [...platforms.get(id)!].sort(), referred: referred.has(id) }]),
  );
}

/** The platforms that keep an organisation, and whether anything refers to it (one read a column). */
export async function keepingPlatformsOf(db: Kysely<DB>, id: string): Promise<OrgKeeping> {
  return (await keepingOfMany(db, [id])).get(id)!;
}
