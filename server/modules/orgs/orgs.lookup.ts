import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  creditCodesByOrgId,
  listOrgRows,
  type Org,
  type OrgCandidate,
  orgCandidatesByCodeOrName,
  orgsByIds,
  smePartnerOfAgreement,
} from './orgs.repository.js';

/**
 * Reads of the registry for other modules (imports, exports, applications, review, agreements), so they
 * need neither this module's repository nor its table (docs/adr/0015). The candidate keeps its
 * snake_case keys: the importers match on them.
 */
export type { Org, OrgCandidate };

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

/** The given organisations by id, merged ones included (unknown ids are absent); nulls are ignored. */
export async function organisationsByIds(
  db: Kysely<DB>,
  ids: readonly (string | null)[],
): Promise<Map<string, Org>> {
  return new Map((await orgsByIds(db, ids)).map((o) => [o.id, o]));
}

/** Id → the id to store: one merged into another is replaced by the survivor; unknown ids are absent. */
export async function survivingOrganisationIds(
  db: Kysely<DB>,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  return new Map((await orgsByIds(db, ids)).map((o) => [o.id, o.mergedIntoId ?? o.id]));
}

/** Display names of organisations by id (the committee and the directory show them). */
export async function organisationNames(
  db: Kysely<DB>,
  ids: readonly (string | null)[],
): Promise<Map<string, { id: string; nameZh: string; nameEn: string | null }>> {
  return new Map(
    (await orgsByIds(db, ids)).map((o) => [o.id, { id: o.id, nameZh: o.nameZh, nameEn: o.nameEn }]),
  );
}

export async function organisationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await orgsByIds(db, [id])).length > 0;
}

/** The agreement's partner is a small business (an SME enterprise): a predicate for SQL aggregates. */
export const smallBusinessPartner = smePartnerOfAgreement;

/**
 * Live organisations whose name (either language) or credit code contains `q`, by name, at most
 * `limit`: the public registration form's search (registrations), names and codes only — both are
 * public in the national enterprise credit register; contacts are never included.
 */
export async function searchOrganisations(db: Kysely<DB>, q: string, limit: number) {
  const { rows } = await listOrgRows(db, { q, includeMerged: false }, { limit, offset: 0 });
  return rows.map((o) => ({ id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, creditCode: o.creditCode }));
}
