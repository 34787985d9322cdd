import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Read access to applications for this module and others (the calls module notifies applicants of a
 * deadline extension; review reads the frozen versions). The SQL on the module's own tables is in its
 * repositories; what is left here reads other modules' tables and waits for their read functions.
 */
export {
  type ApplicationRow,
  applicantUserIdsOfCall,
  applicationIdsOwnedBy,
  loadApplication,
} from './applications.repository.js';
export {
  attachmentsOf,
  budgetOf,
  loadVersion,
  type MemberRow,
  membersOf,
  type VersionRow,
} from './applications.versions.repository.js';

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
