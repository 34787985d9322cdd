import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type {
  FilingStatus,
  FilingType,
  IpKind,
  OTHER_IP_KINDS,
  OTHER_IP_STATUSES,
} from '../../../common/ip.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type {
  DB,
  IpDisclosuresTable,
  IpFilingsTable,
  IpInventorsTable,
  IpOtherAssetsTable,
} from '../../db/schema.js';
import { disclosureMoved } from './ip.months.repository.js';

type DisclosureRow = Selectable<IpDisclosuresTable>;
type FilingRow = Selectable<IpFilingsTable>;

/** An invention disclosure as the module works with it. */
export interface Disclosure extends Omit<RowValue<IpDisclosuresTable>, 'ipKind'> {
  ipKind: IpKind;
}
/** A patent filing as the module works with it. */
export interface Filing extends Omit<RowValue<IpFilingsTable>, 'filingType' | 'status'> {
  filingType: FilingType;
  status: FilingStatus;
}
/** A copyright, software registration or trademark. */
export interface OtherAsset extends Omit<RowValue<IpOtherAssetsTable>, 'kind' | 'status'> {
  kind: (typeof OTHER_IP_KINDS)[number];
  status: (typeof OTHER_IP_STATUSES)[number];
}
export type Inventor = RowValue<IpInventorsTable>;

export const toDisclosure = (row: DisclosureRow): Disclosure => camelRow(row) as Disclosure;
export const toFiling = (row: FilingRow): Filing => camelRow(row) as Filing;
export const toOtherAsset = (row: Selectable<IpOtherAssetsTable>): OtherAsset => camelRow(row) as OtherAsset;
/** The stored row of a disclosure or filing (the monthly figures move by rows). */
export const disclosureRow = (d: Disclosure) => insertRow<IpDisclosuresTable>(d) as DisclosureRow;
export const filingRow = (f: Filing) => insertRow<IpFilingsTable>(f) as FilingRow;

/** The page of a list. */
export interface Paging {
  limit: number;
  offset: number;
}

// ---- disclosures and inventors

export async function findDisclosure(db: Kysely<DB>, id: string): Promise<Disclosure | undefined> {
  const row = await db.selectFrom('ip_disclosures').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDisclosure(row);
}

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

export async function insertDisclosure(db: Kysely<DB>, d: Disclosure, inventors: Inventor[]) {
  const row = disclosureRow(d);
  await db.insertInto('ip_disclosures').values(row).execute();
  if (inventors.length)
    await db
      .insertInto('ip_inventors')
      .values(inventors.map(insertRow<IpInventorsTable>))
      .execute();
  await disclosureMoved(db, undefined, row);
}

/**
 * Writes every column but the identity ones; inventors, when given, replace the list. The monthly rows
 * move from the row as locked (ADR 0043), so concurrent edits take turns.
 */
export async function updateDisclosureRow(
  db: Kysely<DB>,
  seam: DialectSeam,
  d: Disclosure,
  inventors?: Inventor[],
) {
  const row = disclosureRow(d);
  const { id, platform_id: _p, created_at: _c, ...patch } = row;
  const before = await seam
    .forUpdate(db.selectFrom('ip_disclosures').selectAll().where('id', '=', id))
    .executeTakeFirst();
  await db.updateTable('ip_disclosures').set(patch).where('id', '=', id).execute();
  await disclosureMoved(db, before, row);
  if (inventors) {
    await db.deleteFrom('ip_inventors').where('disclosure_id', '=', id).execute();
    if (inventors.length)
      await db
        .insertInto('ip_inventors')
        .values(inventors.map(insertRow<IpInventorsTable>))
        .execute();
  }
}

/** The inventors of the given disclosures, in their order. */
export async function inventorsOf(db: Kysely<DB>, disclosureIds: readonly string[]): Promise<Inventor[]> {
  if (!disclosureIds.length) return [];
  const rows = await db
    .selectFrom('ip_inventors')
    .selectAll()
    .where('disclosure_id', 'in', [...disclosureIds])
    .orderBy('sort_order')
    .execute();
  return rows.map(camelRow);
}

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
  return { rows: rows.map(toDisclosure), total };
}

/** The inventors of the given disclosures, by disclosure and then in their order. */
export async function inventorsByDisclosure(db: Kysely<DB>, disclosureIds: readonly string[]) {
  const rows = await db
    .selectFrom('ip_inventors')
    .selectAll()
    .where('disclosure_id', 'in', [...disclosureIds])
    .orderBy('disclosure_id')
    .orderBy('sort_order')
    .execute();
  return rows.map(camelRow);
}

/** How many disclosures name the unit (a unit they name is kept: the IP rollups are kept by unit). */
export async function disclosureCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('ip_disclosures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
