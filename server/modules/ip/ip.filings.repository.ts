import type { Kysely } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow } from '../../db/rows.js';
import type { DB, IpOtherAssetsTable } from '../../db/schema.js';
import { filingMoved } from './ip.months.repository.js';
import {
  type Filing,
  filingRow,
  type OtherAsset,
  type Paging,
  toFiling,
  toOtherAsset,
} from './ip.repository.js';

// All SQL on ip_filings and ip_other_assets: the registered rights that stem from disclosures (ip.repository.ts).

// ---- filings

export async function findFiling(db: Kysely<DB>, id: string): Promise<Filing | undefined> {
  const row = await db.selectFrom('ip_filings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toFiling(row);
}

/** Whether another filing of the jurisdiction holds the number in the column. */
export async function filingNumberTaken(
  db: Kysely<DB>,
  f: Pick<Filing, 'id' | 'jurisdiction'>,
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

export async function insertFiling(db: Kysely<DB>, f: Filing): Promise<void> {
  const row = filingRow(f);
  await db.insertInto('ip_filings').values(row).execute();
  await filingMoved(db, undefined, row);
}

export async function updateFilingRow(db: Kysely<DB>, seam: DialectSeam, f: Filing): Promise<void> {
  const row = filingRow(f);
  const { id, platform_id: _p, created_at: _c, ...patch } = row;
  const before = await seam
    .forUpdate(db.selectFrom('ip_filings').selectAll().where('id', '=', id))
    .executeTakeFirst();
  await db.updateTable('ip_filings').set(patch).where('id', '=', id).execute();
  await filingMoved(db, before, row);
}

/** The filings of the given disclosures, earliest filed first. */
export async function filingsOfDisclosures(
  db: Kysely<DB>,
  disclosureIds: readonly string[],
): Promise<Filing[]> {
  if (!disclosureIds.length) return [];
  const rows = await db
    .selectFrom('ip_filings')
    .selectAll()
    .where('disclosure_id', 'in', [...disclosureIds])
    .orderBy('filing_date')
    .orderBy('id')
    .execute();
  return rows.map(toFiling);
}

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
  return { rows: rows.map(toFiling), total };
}

/** The platform's live (pending or granted) filings with their disclosure's reference number. */
export async function liveFilingsWithRef(
  db: Kysely<DB>,
  platformId: string,
): Promise<Array<Filing & { disclosureRefNo: string }>> {
  const rows = await db
    .selectFrom('ip_filings')
    .innerJoin('ip_disclosures', 'ip_disclosures.id', 'ip_filings.disclosure_id')
    .selectAll('ip_filings')
    .select('ip_disclosures.ref_no as disclosure_ref_no')
    .where('ip_filings.platform_id', '=', platformId)
    .where('ip_filings.status', 'in', ['pending', 'granted'])
    .execute();
  return rows.map((r) => camelRow(r) as Filing & { disclosureRefNo: string });
}

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
  a: Pick<OtherAsset, 'kind' | 'jurisdiction'>,
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

export async function insertOtherAsset(db: Kysely<DB>, a: OtherAsset): Promise<void> {
  await db.insertInto('ip_other_assets').values(insertRow<IpOtherAssetsTable>(a)).execute();
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
  return { rows: rows.map(toOtherAsset), total };
}
