/**
 * What the review modules (runs, scoring, decisions, conflicts) read of applications (docs/adr/0015):
 * the in-review applications of a call, their labels, frozen contents and consortia. Names of
 * organisations and people are the orgs and people modules' to give; these values carry their ids.
 */
import type { Kysely } from 'kysely';
import { camelRow, jsonColumn } from '../../db/rows.js';
import type { ApplicationsTable, DB } from '../../db/schema.js';
import { attachmentOfApplication } from './applications.parts.repository.js';

/** An application as the review sees it: number, titles, field, lead, the requested total. */
export interface ReviewedApplication {
  id: string;
  callId: string;
  receiptNo: string | null;
  titleZh: string | null;
  titleEn: string | null;
  fieldId: string | null;
  ownerUserId: string;
  leadOrgId: string;
  requestedTotalMinor: number;
  versionNo: number;
  state: string;
}

const REVIEWED = [
  'id',
  'call_id',
  'receipt_no',
  'title_zh',
  'title_en',
  'field_id',
  'owner_user_id',
  'lead_org_id',
  'requested_total_minor',
  'version_no',
  'state',
] as const;

/** The REVIEWED columns in camelCase, key for key in their order; the requested total as a number. */
const reviewed = (r: Pick<ApplicationsTable, (typeof REVIEWED)[number]>): ReviewedApplication => {
  const v = camelRow(r);
  return { ...v, requestedTotalMinor: Number(v.requestedTotalMinor) };
};

/** Which applications of a call a review step covers: one of them whatever its state, else the in-review ones. */
export interface ReviewScope {
  applicationId?: string | undefined;
}

/** The call's applications in the scope, by receipt number then id. */
export async function reviewedApplications(
  db: Kysely<DB>,
  callId: string,
  scope: ReviewScope = {},
): Promise<ReviewedApplication[]> {
  let q = db.selectFrom('applications').select(REVIEWED).where('call_id', '=', callId);
  q = scope.applicationId ? q.where('id', '=', scope.applicationId) : q.where('state', '=', 'in_review');
  return (await q.orderBy('receipt_no').orderBy('id').execute()).map(reviewed);
}

/** The applications with these ids (unknown ids are absent). */
export async function reviewedApplicationsByIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, ReviewedApplication>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(REVIEWED)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, reviewed(r)]));
}

/** How many of the call's applications are in review. */
export async function inReviewCount(db: Kysely<DB>, callId: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('call_id', '=', callId)
    .where('state', '=', 'in_review')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** In-review applications per call, for the calls given (calls without any are absent). */
export async function inReviewCountsByCall(
  db: Kysely<DB>,
  callIds: readonly string[],
): Promise<Map<string, number>> {
  if (!callIds.length) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select((eb) => ['call_id', eb.fn.countAll<number>().as('n')])
    .where('call_id', 'in', [...new Set(callIds)])
    .where('state', '=', 'in_review')
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
}

/** Receipt numbers of every application of the call, by id. */
export async function receiptNumbersOfCall(
  db: Kysely<DB>,
  callId: string,
): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'receipt_no'])
    .where('call_id', '=', callId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.receipt_no]));
}

/** The frozen content of each application's latest frozen version (applications without one are absent). */
export async function latestFrozenContents<T = Record<string, unknown>>(
  db: Kysely<DB>,
  applicationIds: readonly string[],
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (!applicationIds.length) return out;
  const versions = await db
    .selectFrom('application_versions')
    .select(['application_id', 'content_json'])
    .where('application_id', 'in', [...new Set(applicationIds)])
    .where('frozen_at', 'is not', null)
    .orderBy('version_no', 'desc')
    .execute();
  for (const v of versions)
    if (!out.has(v.application_id)) out.set(v.application_id, jsonColumn(v.content_json) as T);
  return out;
}

/** The application's latest frozen version, its content parsed. */
export async function latestFrozenVersion<T = Record<string, unknown>>(
  db: Kysely<DB>,
  applicationId: string,
) {
  const v = await db
    .selectFrom('application_versions')
    .select(['id', 'version_no', 'receipt_no', 'content_json'])
    .where('application_id', '=', applicationId)
    .where('frozen_at', 'is not', null)
    .orderBy('version_no', 'desc')
    .executeTakeFirstOrThrow();
  const { contentJson, ...version } = camelRow(v);
  return { ...version, content: jsonColumn(contentJson) as T };
}

/** An attachment of one of the application's frozen versions (what its reviewers may download). */
export const frozenAttachment = (db: Kysely<DB>, applicationId: string, attachmentId: string) =>
  attachmentOfApplication(db, applicationId, attachmentId, { frozenOnly: true });

/** A consortium member of an application's current version. */
export interface CurrentMember {
  applicationId: string;
  organisationId: string;
  contactPersonId: string | null;
  position: number;
  requestedMinor: number;
}

/** The members of the current versions of the call's applications in the scope, by position. */
export async function currentMembers(
  db: Kysely<DB>,
  callId: string,
  scope: ReviewScope = {},
): Promise<CurrentMember[]> {
  let q = db
    .selectFrom('application_members as m')
    .innerJoin('application_versions as v', 'v.id', 'm.version_id')
    .innerJoin('applications as a', (j) =>
      j.onRef('a.id', '=', 'v.application_id').onRef('a.version_no', '=', 'v.version_no'),
    )
    .select([
      'a.id as application_id',
      'm.organisation_id',
      'm.contact_person_id',
      'm.position',
      'm.requested_minor',
    ])
    .where('a.call_id', '=', callId);
  q = scope.applicationId ? q.where('a.id', '=', scope.applicationId) : q.where('a.state', '=', 'in_review');
  const rows = await q.orderBy('m.position').execute();
  return rows.map((r) => {
    const m = camelRow(r);
    return { ...m, requestedMinor: Number(m.requestedMinor) };
  });
}

/** The confirmed invitees (person and organisation) of the applications. */
export async function confirmedInvitees(db: Kysely<DB>, applicationIds: readonly string[]) {
  if (!applicationIds.length) return [];
  const rows = await db
    .selectFrom('application_invitations')
    .select(['application_id', 'person_id', 'organisation_id'])
    .where('application_id', 'in', [...new Set(applicationIds)])
    .where('state', '=', 'confirmed')
    .execute();
  return rows.map(camelRow);
}

/** A co-applicant: another member of a submitted version in which one of the people was a member's contact. */
export interface CoApplicant {
  personId: string;
  applicationId: string;
  receiptNo: string | null;
  titleZh: string | null;
  titleEn: string | null;
  frozenAt: string;
  otherContactPersonId: string | null;
  otherOrganisationId: string;
}

/** The co-applicants of the people in frozen versions (conflicts of interest, docs/review.md). */
export async function coApplicantsOf(db: Kysely<DB>, personIds: readonly string[]): Promise<CoApplicant[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectFrom('application_members as mine')
    .innerJoin('application_versions as v', 'v.id', 'mine.version_id')
    .innerJoin('applications as a', 'a.id', 'v.application_id')
    .innerJoin('application_members as other', (j) =>
      j.onRef('other.version_id', '=', 'mine.version_id').onRef('other.id', '!=', 'mine.id'),
    )
    .select([
      'mine.contact_person_id as person_id',
      'a.id as application_id',
      'a.receipt_no',
      'a.title_zh',
      'a.title_en',
      'v.frozen_at',
      'other.contact_person_id as other_contact_person_id',
      'other.organisation_id as other_organisation_id',
    ])
    .where('v.frozen_at', 'is not', null)
    .where('mine.contact_person_id', 'in', [...new Set(personIds)])
    .execute();
  return rows.map((r) => {
    const c = camelRow(r);
    return { ...c, personId: c.personId!, frozenAt: c.frozenAt! };
  });
}
