import type { Kysely, Selectable } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import type {
  ApplicationMembersTable,
  ApplicationsTable,
  ApplicationVersionsTable,
  DB,
} from '../../db/schema.js';

/**
 * Read access to applications for this module and others (the calls module notifies applicants of a
 * deadline extension; review reads the frozen versions).
 */
export type ApplicationRow = Selectable<ApplicationsTable>;
export type VersionRow = Selectable<ApplicationVersionsTable>;
export type MemberRow = Selectable<ApplicationMembersTable>;

/**
 * Everyone who applies to a call: the owners of its applications that are not withdrawn, and the
 * contacts (with an account) of members who confirmed their part.
 */
export async function applicantUserIdsOfCall(db: Kysely<DB>, callId: string): Promise<string[]> {
  const owners = await db
    .selectFrom('applications')
    .select('owner_user_id as id')
    .where('call_id', '=', callId)
    .where('state', '!=', 'withdrawn')
    .execute();
  const members = await db
    .selectFrom('application_invitations as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select('i.user_id as id')
    .where('a.call_id', '=', callId)
    .where('a.state', '!=', 'withdrawn')
    .where('i.state', '=', 'confirmed')
    .where('i.user_id', 'is not', null)
    .execute();
  return [...new Set([...owners, ...members].map((r) => r.id).filter((x): x is string => !!x))];
}

/** The application row, locked for the rest of the transaction when a seam is given. */
export async function loadApplication(
  db: Kysely<DB>,
  id: string,
  lock?: DialectSeam,
): Promise<ApplicationRow | undefined> {
  const q = db.selectFrom('applications').selectAll().where('id', '=', id);
  return (lock ? lock.forUpdate(q) : q).executeTakeFirst();
}

export async function loadVersion(
  db: Kysely<DB>,
  applicationId: string,
  versionNo: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('application_versions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
}

export async function membersOf(db: Kysely<DB>, versionId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('application_members')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    ...r,
    requested_minor: Number(r.requested_minor),
    cofunding_minor: Number(r.cofunding_minor),
  }));
}

export async function budgetOf(db: Kysely<DB>, versionId: string) {
  const rows = await db
    .selectFrom('application_budget_lines')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('organisation_id')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

export async function attachmentsOf(db: Kysely<DB>, versionId: string) {
  return db
    .selectFrom('application_attachments')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('key')
    .execute();
}

/** The person records linked to a user account (an account has at most one). */
export async function personOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'name_zh', 'email'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Organisations with what the eligibility engine and the views need. */
export async function organisationsById(db: Kysely<DB>, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, OrgInfo>();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name_zh', 'name_en', 'type', 'enterprise_size', 'merged_into_id'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        type: r.type,
        enterpriseSize: r.enterprise_size,
        mergedIntoId: r.merged_into_id,
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
