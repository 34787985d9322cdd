import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { creditCodesByOrgId, type OrgCandidate, orgCandidatesByCodeOrName } from './orgs.repository.js';

/**
 * Set-based reads of the registry for other modules (imports, exports), so they need neither this
 * module's repository nor its table. The candidate keeps its snake_case keys: the importers match on them.
 */
export type { OrgCandidate };

/** Live (unmerged) organisations holding one of the codes, or named one of the names (either language, or its name key). */
export function findOrgsByCodeOrName(
  db: Kysely<DB>,
  codes: string[],
  names: string[],
): Promise<OrgCandidate[]> {
  return orgCandidatesByCodeOrName(db, codes, names);
}

/** Credit codes of organisations by id, with one query. */
export function creditCodesOf(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  return creditCodesByOrgId(db, ids);
}
