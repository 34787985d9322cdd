import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { camelRow, flag, insertRow, type RowValue, toFlag } from '../../db/rows.js';
import type { DB, PlatformFundingTable, PlatformsTable } from '../../db/schema.js';

/**
 * A platform as stored (the platforms service edits and audits its columns), and Platform, the camelCase
 * value every other module reads through platformOrNotFound (platforms.service).
 */
export type PlatformRow = Selectable<PlatformsTable>;
export type Platform = RowValue<PlatformsTable>;

/** One funding amount as the service sees it (booleans, numbers). */
export interface FundingEntry {
  platformId: string;
  year: number;
  source: string;
  amountMinor: number;
  currency: string;
  isIllustrative: boolean;
  note: string | null;
}

export async function allPlatforms(db: Kysely<DB>): Promise<Platform[]> {
  return (await db.selectFrom('platforms').selectAll().orderBy('code').execute()).map(camelRow);
}

export async function findPlatform(db: Kysely<DB>, id: string): Promise<PlatformRow | undefined> {
  return db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The platform's camelCase value, or undefined. */
export async function findPlatformValue(db: Kysely<DB>, id: string): Promise<Platform | undefined> {
  const row = await findPlatform(db, id);
  return row && camelRow(row);
}

export async function platformIdByCode(db: Kysely<DB>, code: string): Promise<string | undefined> {
  return (await db.selectFrom('platforms').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function insertPlatform(db: Kysely<DB>, row: Insertable<PlatformsTable>): Promise<void> {
  await db.insertInto('platforms').values(row).execute();
}

export async function updatePlatformRow(
  db: Kysely<DB>,
  id: string,
  patch: Updateable<PlatformsTable>,
): Promise<void> {
  await db.updateTable('platforms').set(patch).where('id', '=', id).execute();
}

/** Funding of one platform, or of all of them, optionally within [from, to], by year then source. */
export async function fundingEntries(
  db: Kysely<DB>,
  q: { platformId?: string; from?: number; to?: number },
): Promise<FundingEntry[]> {
  let query = db.selectFrom('platform_funding').selectAll();
  if (q.platformId !== undefined) query = query.where('platform_id', '=', q.platformId);
  if (q.from !== undefined) query = query.where('year', '>=', q.from);
  if (q.to !== undefined) query = query.where('year', '<=', q.to);
  const rows = await query.orderBy('year').orderBy('source').execute();
  return rows.map(({ id: _id, ...r }) => {
    const v = camelRow(r);
    return { ...v, amountMinor: Number(v.amountMinor), isIllustrative: flag(v.isIllustrative) };
  });
}

/** Whether the platform has funding in a currency other than `currency`. */
export async function hasFundingNotIn(
  db: Kysely<DB>,
  platformId: string,
  currency: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('platform_funding')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('currency', '!=', currency)
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces a platform's whole funding table. */
export async function replaceFunding(
  db: Kysely<DB>,
  platformId: string,
  entries: ReadonlyArray<Omit<FundingEntry, 'platformId'> & { id: string }>,
): Promise<void> {
  await db.deleteFrom('platform_funding').where('platform_id', '=', platformId).execute();
  if (entries.length)
    await db
      .insertInto('platform_funding')
      .values(
        entries.map(({ id, ...e }) =>
          insertRow<PlatformFundingTable>({ id, platformId, ...e, isIllustrative: toFlag(e.isIllustrative) }),
        ),
      )
      .execute();
}

/** The (platform, field) pairs of one platform, or of all of them. */
export async function platformFieldLinks(
  db: Kysely<DB>,
  platformId?: string,
): Promise<Array<{ platformId: string; fieldId: string }>> {
  let query = db.selectFrom('platform_fields').select(['platform_id', 'field_id']);
  if (platformId !== undefined) query = query.where('platform_id', '=', platformId);
  return (await query.execute()).map(camelRow);
}

/** Replaces the fields a platform covers. */
export async function setPlatformFieldIds(
  db: Kysely<DB>,
  platformId: string,
  ids: readonly string[],
): Promise<void> {
  await db.deleteFrom('platform_fields').where('platform_id', '=', platformId).execute();
  if (ids.length)
    await db
      .insertInto('platform_fields')
      .values(ids.map((field_id) => ({ platform_id: platformId, field_id })))
      .execute();
}

/** Id, code and names of the given platforms (lists of calls, results, agreements show them). */
export async function platformNameRows(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<{ id: string; code: string; nameZh: string; nameEn: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('platforms')
    .select(['id', 'code', 'name_zh', 'name_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(camelRow);
}

export async function platformIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('platforms').select('id').execute()).map((p) => p.id);
}

export async function countPlatforms(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('platforms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The platform whose code is `code` in any letter case (the report CLI takes codes as typed). */
export async function platformIdByCodeIgnoringCase(
  db: Kysely<DB>,
  code: string,
): Promise<string | undefined> {
  return (
    await db
      .selectFrom('platforms')
      .select('id')
      .where(sql`lower(code)`, '=', code.toLowerCase())
      .executeTakeFirst()
  )?.id;
}
