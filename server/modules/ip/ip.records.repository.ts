import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// Reads of IP records of any kind for other modules (agreements link IP records and pay their inventors,
// projects list them as outputs), through ip.service.ts.

export type IpRecordKind = 'disclosure' | 'filing' | 'other_asset';
const TABLE_OF = {
  disclosure: 'ip_disclosures',
  filing: 'ip_filings',
  other_asset: 'ip_other_assets',
} as const;

export async function ipRecordExistsOn(
  db: Kysely<DB>,
  kind: IpRecordKind,
  id: string,
  platformId: string,
): Promise<boolean> {
  const found = await db
    .selectFrom(TABLE_OF[kind])
    .select('id')
    .where('id', '=', id)
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return !!found;
}

/** The disclosure each given filing and registered asset stems from (null when it has none). */
export async function disclosureIdsBehind(
  db: Kysely<DB>,
  ids: { filingIds: readonly string[]; otherAssetIds: readonly string[] },
): Promise<Map<string, string | null>> {
  const filings = ids.filingIds.length
    ? await db
        .selectFrom('ip_filings')
        .select(['id', 'disclosure_id'])
        .where('id', 'in', [...ids.filingIds])
        .execute()
    : [];
  const assets = ids.otherAssetIds.length
    ? await db
        .selectFrom('ip_other_assets')
        .select(['id', 'disclosure_id'])
        .where('id', 'in', [...ids.otherAssetIds])
        .execute()
    : [];
  return new Map([...filings, ...assets].map((r) => [r.id, r.disclosure_id]));
}

/** What names each given record in a list: disclosure reference and title, filing numbers, asset title. */
export async function ipRecordNames(
  db: Kysely<DB>,
  ids: { disclosureIds: readonly string[]; filingIds: readonly string[]; otherAssetIds: readonly string[] },
) {
  const disclosures = ids.disclosureIds.length
    ? await db
        .selectFrom('ip_disclosures')
        .select(['id', 'ref_no as refNo', 'title'])
        .where('id', 'in', [...ids.disclosureIds])
        .execute()
    : [];
  const filings = ids.filingIds.length
    ? await db
        .selectFrom('ip_filings')
        .select([
          'id',
          'jurisdiction',
          'application_number as applicationNumber',
          'patent_number as patentNumber',
        ])
        .where('id', 'in', [...ids.filingIds])
        .execute()
    : [];
  const assets = ids.otherAssetIds.length
    ? await db
        .selectFrom('ip_other_assets')
        .select(['id', 'title'])
        .where('id', 'in', [...ids.otherAssetIds])
        .execute()
    : [];
  return {
    disclosures: new Map(disclosures.map(({ id, ...d }) => [id, d])),
    filings: new Map(filings.map(({ id, ...f }) => [id, f])),
    otherAssets: new Map(assets.map((a) => [a.id, { title: a.title }])),
  };
}
