import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// The vouchers' references to organisations, for the registry's keeping rule (ADR 0013).

/** The platform of every voucher the organisation applied for or holds (one entry a voucher). */
export async function voucherPlatformsOf(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('vouchers')
    .innerJoin('voucher_schemes', 'voucher_schemes.id', 'vouchers.scheme_id')
    .select('voucher_schemes.platform_id')
    .where('vouchers.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.platform_id);
}
