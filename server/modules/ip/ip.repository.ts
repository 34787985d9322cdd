import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import type {
  DB,
  IpDisclosuresTable,
  IpFilingsTable,
  IpInventorsTable,
  IpOtherAssetsTable,
} from '../../db/schema.js';
import { disclosureMoved, filingMoved } from './ip.months.repository.js';

export type DisclosureRow = Selectable<IpDisclosuresTable>;
export type FilingRow = Selectable<IpFilingsTable>;
export type OtherAssetRow = Selectable<IpOtherAssetsTable>;
export type InventorRow = Selectable<IpInventorsTable>;

interface Paging {
  limit: number;
  offset: number;
}

// ---- disclosures and inventors

export const findDisclosure = (db: Kysely<DB>, id: string): Promise<DisclosureRow | undefined> =>
  db.selectFrom('ip_disclosures').selectAll().where('id', '=', id).executeTakeFirst();

/** The id of the disclosure holding the reference number on the platform, if any. */
export async function disclosureIdByRef(db: Kysely<DB>, platformId: string, refNo: string) {
  const row = await db
    .selectFrom('ip_disclosures')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('ref_no', '=', refNo)
    .executeTakeFirst();
  return row?.id;
}

export async function disclosureExistsOn(db: Kysely<DB>, id: string, platformId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ip_disclosures')
    .select('id')
    .where('id', '=', id)
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return !!row;
}

export async function insertDisclosure(db: Kysely<DB>, row: DisclosureRow, inventors: InventorRow[]) {
  await db.insertInto('ip_disclosures').values(row).execute();
  if (inventors.length) await db.insertInto('ip_inventors').values(inventors).execute();
  await disclosureMoved(db, undefined, row);
}

/**
 * Writes every column but the identity ones; inventors, when given, replace the list. The monthly rows
 * move from the row as locked (ADR 0043), so concurrent edits take turns.
 */
export async function updateDisclosureRow(
  db: Kysely<DB>,
  seam: DialectSeam,
  row: DisclosureRow,
  inventors?: InventorRow[],
) {
  const { id, platform_id: _p, created_at: _c, ...patch } = row;
  const before = await seam
    .forUpdate(db.selectFrom('ip_disclosures').selectAll().where('id', '=', id))
    .executeTakeFirst();
  await db.updateTable('ip_disclosures').set(patch).where('id', '=', id).execute();
  await disclosureMoved(db, before, row);
  if (inventors) {
    await db.deleteFrom('ip_inventors').where('disclosure_id', '=', id).execute();
    if (inventors.length) await db.insertInto('ip_inventors').values(inventors).execute();
  }
}

/** The inventors of the given disclosures, in their order. */
export const inventorsOf = (db: Kysely<DB>, disclosureIds: readonly string[]): Promise<InventorRow[]> =>
  disclosureIds.length
    ? db
        .selectFrom('ip_inventors')
        .selectAll()
        .where('disclosure_id', 'in', [...disclosureIds])
        .orderBy('sort_order')
        .execute()
    : Promise.resolve([]);

/** A platform's disclosures received in [from, to] whose reference or title contains q; newest first. */
export async function disclosurePage(
  db: Kysely<DB>,
  platformId: string,
  q: Paging & { from?: string; to?: string; q?: string },
) {
  let base = db.selectFrom('ip_disclosures').where('platform_id', '=', platformId);
  if (q.from) base = base.where('received_date', '>=', q.from);
  if (q.to) base = base.where('received_date', '<=', q.to);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(lower(${sql.ref('ref_no')}) like ${like} escape '\\' or lower(${sql.ref('title')}) like ${like} escape '\\')`,
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('received_date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows, total };
}

// ---- filings

export const findFiling = (db: Kysely<DB>, id: string): Promise<FilingRow | undefined> =>
  db.selectFrom('ip_filings').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether another filing of the jurisdiction holds the number in the column. */
export async function filingNumberTaken(
  db: Kysely<DB>,
  f: Pick<FilingRow, 'id' | 'jurisdiction'>,
  column: 'patent_number' | 'application_number',
  value: string,
): Promise<boolean> {
  const taken = await db
    .selectFrom('ip_filings')
    .select('id')
    .where('jurisdiction', '=', f.jurisdiction)
    .where(column, '=', value)
    .where('id', '!=', f.id)
    .executeTakeFirst();
  return !!taken;
}

export async function insertFiling(db: Kysely<DB>, row: FilingRow): Promise<void> {
  await db.insertInto('ip_filings').values(row).execute();
  await filingMoved(db, undefined, row);
}

export async function updateFilingRow(db: Kysely<DB>, seam: DialectSeam, row: FilingRow): Promise<void> {
  const { id, platform_id: _p, created_at: _c, ...patch } = row;
  const before = await seam
    .forUpdate(db.selectFrom('ip_filings').selectAll().where('id', '=', id))
    .executeTakeFirst();
  await db.updateTable('ip_filings').set(patch).where('id', '=', id).execute();
  await filingMoved(db, before, row);
}

/** The filings of the given disclosures, earliest filed first. */
export const filingsOfDisclosures = (
  db: Kysely<DB>,
  disclosureIds: readonly string[],
): Promise<FilingRow[]> =>
  disclosureIds.length
    ? db
        .selectFrom('ip_filings')
        .selectAll()
        .where('disclosure_id', 'in', [...disclosureIds])
        .orderBy('filing_date')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

/** A platform's filings filed in [from, to] (granted in [grantedFrom, grantedTo]) whose application, patent or publication number is q. */
export async function filingPage(
  db: Kysely<DB>,
  platformId: string,
  q: Paging & { from?: string; to?: string; grantedFrom?: string; grantedTo?: string; q?: string },
) {
  let base = db.selectFrom('ip_filings').where('platform_id', '=', platformId);
  if (q.from) base = base.where('filing_date', '>=', q.from);
  if (q.to) base = base.where('filing_date', '<=', q.to);
  if (q.grantedFrom) base = base.where('grant_date', '>=', q.grantedFrom);
  if (q.grantedTo) base = base.where('grant_date', '<=', q.grantedTo);
  if (q.q) {
    const v = q.q;
    base = base.where((eb) =>
      eb.or([
        eb('application_number', '=', v),
        eb('patent_number', '=', v),
        eb('publication_number', '=', v),
      ]),
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('filing_date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows, total };
}

/** The platform's live (pending or granted) filings with their disclosure's reference number. */
export const liveFilingsWithRef = (db: Kysely<DB>, platformId: string) =>
  db
    .selectFrom('ip_filings')
    .innerJoin('ip_disclosures', 'ip_disclosures.id', 'ip_filings.disclosure_id')
    .selectAll('ip_filings')
    .select('ip_disclosures.ref_no as disclosure_ref_no')
    .where('ip_filings.platform_id', '=', platformId)
    .where('ip_filings.status', 'in', ['pending', 'granted'])
    .execute();

/** Ids of the platform's filings that a follow-on filing names as its parent. */
export async function parentFilingIds(db: Kysely<DB>, platformId: string): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('ip_filings')
    .select('parent_filing_id')
    .where('platform_id', '=', platformId)
    .where('parent_filing_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.parent_filing_id));
}

// ---- other assets

export async function registrationNumberTaken(
  db: Kysely<DB>,
  a: Pick<OtherAssetRow, 'kind' | 'jurisdiction'>,
  registrationNumber: string,
): Promise<boolean> {
  const taken = await db
    .selectFrom('ip_other_assets')
    .select('id')
    .where('kind', '=', a.kind)
    .where('jurisdiction', '=', a.jurisdiction)
    .where('registration_number', '=', registrationNumber)
    .executeTakeFirst();
  return !!taken;
}

export async function insertOtherAsset(db: Kysely<DB>, row: OtherAssetRow): Promise<void> {
  await db.insertInto('ip_other_assets').values(row).execute();
}

export async function otherAssetPage(db: Kysely<DB>, platformId: string, q: Paging) {
  const base = db.selectFrom('ip_other_assets').where('platform_id', '=', platformId);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows, total };
}

// ---- reads for other modules (agreements link IP records and pay their inventors)

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

/** The inventors of the given disclosures, by disclosure and then in their order. */
export const inventorsByDisclosure = (db: Kysely<DB>, disclosureIds: readonly string[]) =>
  db
    .selectFrom('ip_inventors')
    .selectAll()
    .where('disclosure_id', 'in', [...disclosureIds])
    .orderBy('disclosure_id')
    .orderBy('sort_order')
    .execute();

/** What names each given record in a list: disclosure reference and title, filing numbers, asset title. */
export async function ipRecordNames(
  db: Kysely<DB>,
  ids: { disclosureIds: readonly string[]; filingIds: readonly string[]; otherAssetIds: readonly string[] },
) {
  const disclosures = ids.disclosureIds.length
    ? await db
        .selectFrom('ip_disclosures')
        .select(['id', 'ref_no', 'title'])
        .where('id', 'in', [...ids.disclosureIds])
        .execute()
    : [];
  const filings = ids.filingIds.length
    ? await db
        .selectFrom('ip_filings')
        .select(['id', 'jurisdiction', 'application_number', 'patent_number'])
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
    disclosures: new Map(disclosures.map((d) => [d.id, { refNo: d.ref_no, title: d.title }])),
    filings: new Map(
      filings.map((f) => [
        f.id,
        {
          jurisdiction: f.jurisdiction,
          applicationNumber: f.application_number,
          patentNumber: f.patent_number,
        },
      ]),
    ),
    otherAssets: new Map(assets.map((a) => [a.id, { title: a.title }])),
  };
}
