import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

// The vouchers' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every voucher the organisation applied for or holds (one entry a voucher). */
export async function voucherPlatformsOf(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('vouchers')
    .innerJoin('voucher_schemes', 'voucher_schemes.id', 'vouchers.scheme_id')
    .select(['vouchers.organisation_id as organisationId', 'voucher_schemes.platform_id as platformId'])
    .where('vouchers.organisation_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}
