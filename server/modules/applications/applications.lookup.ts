import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import { personOfUser as personOfUserRecord } from '../people/people.lookup.js';

export {
  type Attachment,
  attachmentsOf,
  type BudgetLine,
  budgetOf,
  type Member,
  membersOf,
} from './applications.parts.repository.js';
/**
 * Read access to applications for this module and others (the calls module notifies applicants of a
 * deadline extension; review reads the frozen versions). The SQL on the module's own tables is in its
 * repositories; what is left here reads other modules' tables and waits for their read functions.
 */
export {
  type Application,
  applicantUserIdsOfCall,
  applicationIdsOwnedBy,
  loadApplication,
} from './applications.repository.js';
export { loadVersion, type Version, versionContent } from './applications.versions.repository.js';

/** The person records linked to a user account (an account has at most one). */
export async function personOfUser(db: Kysely<DB>, userId: string) {
  const p = await personOfUserRecord(db, userId);
  return p && { id: p.id, organisationId: p.organisationId, nameZh: p.nameZh, email: p.email };
}

/** Organisations with what the eligibility engine and the views need. */
export async function organisationsById(db: Kysely<DB>, ids: readonly string[]) {
  const orgs = await organisationsByIds(db, ids);
  return new Map(
    [...orgs.values()].map((o): [string, OrgInfo] => [
      o.id,
      {
        id: o.id,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        type: o.type,
        enterpriseSize: o.enterpriseSize,
        mergedIntoId: o.mergedIntoId,
      },
    ]),
  );
}
export interface OrgInfo {
  id: string;
  nameZh: string;
  nameEn: string | null;
  type: string;
  enterpriseSize: string | null;
  mergedIntoId: string | null;
}

/** What the review modules read of applications (runs, scoring, decisions, conflicts). */
export {
  type CoApplicant,
  type CurrentMember,
  coApplicantsOf,
  confirmedInvitees,
  currentMembers,
  frozenAttachment,
  inReviewCount,
  inReviewCountsByCall,
  latestFrozenContents,
  latestFrozenVersion,
  type ReviewedApplication,
  type ReviewScope,
  receiptNumbersOfCall,
  reviewedApplications,
  reviewedApplicationsByIds,
} from './applications.review.repository.js';

/** What the analytics read of applications (docs/analytics.md). */
export { applicationCountsByYear } from './applications.stats.repository.js';
