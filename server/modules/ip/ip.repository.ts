import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import type {
  DB,
  IpDisclosuresTable,
  IpFilingsTable,
  IpInventorsTable,
  IpOtherAssetsTable,
} from '../../db/schema.js';
import { disclosureMoved } from './ip.months.repository.js';

export type DisclosureRow = Selectable<IpDisclosuresTable>;
export type FilingRow = Selectable<IpFilingsTable>;
export type OtherAssetRow = Selectable<IpOtherAssetsTable>;
export type InventorRow = Selectable<IpInventorsTable>;

/** The page of a list. */
export interface Paging {
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

/** The inventors of the given disclosures, by disclosure and then in their order. */
export const inventorsByDisclosure = (db: Kysely<DB>, disclosureIds: readonly string[]) =>
  db
    .selectFrom('ip_inventors')
    .selectAll()
    .where('disclosure_id', 'in', [...disclosureIds])
    .orderBy('disclosure_id')
    .orderBy('sort_order')
    .execute();
