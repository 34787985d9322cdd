import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, ResultsTable } from '../../db/schema.js';
import { withSearchableKept } from './results.index.repository.js';
import { withYearsKept } from './results.years.repository.js';

/** A result as stored; the search index reads it by column (results.search.repository, results.terms). */
export type ResultRow = Selectable<ResultsTable>;
/**
 * A result as the module works with it: camelCase keys, the licensing terms still the stored JSON text
 * (read with listColumn) and the illustrative flag still 0/1, since the audit entries keep the row as
 * stored (ADR 0018).
 */
export type Result = RowValue<ResultsTable>;
export const toResult = (row: ResultRow): Result => camelRow(row);
/** The stored row of a result (the audit entries and the search terms read it by column). */
export const resultRow = (r: Result) => insertRow<ResultsTable>(r) as ResultRow;
/** The result's identity as other modules show it (inquiries, agreements). */
export interface ResultSummary {
  id: string;
  platformId: string;
  type: string;
  titleZh: string;
  titleEn: string;
}

export async function findResult(db: Kysely<DB>, id: string): Promise<Result | undefined> {
  const row = await db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toResult(row);
}

/** The result when it is public and published (what the portal may show), else undefined. */
export async function findPublishedPublicResult(db: Kysely<DB>, id: string): Promise<Result | undefined> {
  const row = await db
    .selectFrom('results')
    .selectAll()
    .where('id', '=', id)
    .where('visibility', '=', 'public')
    .where('state', '=', 'published')
    .executeTakeFirst();
  return row && toResult(row);
}

export async function resultSummaries(db: Kysely<DB>, ids: readonly string[]): Promise<ResultSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('results')
    .select(['id', 'platform_id', 'type', 'title_zh', 'title_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(camelRow);
}

/**
 * Every write of a result's row keeps its kept figures in step in its transaction: the search index
 * (ADR 0040) and the yearly counts the analytics read (result_years, ADR 0043).
 */
const kept = (db: Kysely<DB>, seam: DialectSeam, id: string, write: () => Promise<void>) =>
  withYearsKept(db, seam, id, () => withSearchableKept(db, id, write));

export async function insertResult(db: Kysely<DB>, seam: DialectSeam, r: Result): Promise<void> {
  await kept(db, seam, r.id, async () => {
    await db.insertInto('results').values(insertRow<ResultsTable>(r)).execute();
  });
}

/** Writes every column but the identity and creation ones. */
export async function updateResultRow(db: Kysely<DB>, seam: DialectSeam, r: Result): Promise<void> {
  const { id, platformId: _p, createdAt: _c, createdBy: _b, ...set } = r;
  await kept(db, seam, id, async () => {
    await db.updateTable('results').set(updateRow<ResultsTable>(set)).where('id', '=', id).execute();
  });
}

export async function setResultState(
  db: Kysely<DB>,
  seam: DialectSeam,
  id: string,
  s: Pick<Result, 'state' | 'publishedAt' | 'withdrawnAt' | 'updatedAt'>,
): Promise<void> {
  await kept(db, seam, id, async () => {
    await db.updateTable('results').set(updateRow<ResultsTable>(s)).where('id', '=', id).execute();
  });
}

export async function deleteResultRow(db: Kysely<DB>, seam: DialectSeam, id: string): Promise<void> {
  await kept(db, seam, id, async () => {
    await db.deleteFrom('results').where('id', '=', id).execute();
  });
}

export const resultFieldIds = async (db: Kysely<DB>, id: string): Promise<string[]> =>
  (await db.selectFrom('result_fields').select('field_id').where('result_id', '=', id).execute()).map(
    (r) => r.field_id,
  );

/** The field links of a page of results. */
export const resultFieldLinks = (db: Kysely<DB>, resultIds: readonly string[]) =>
  db
    .selectFrom('result_fields')
    .select(['result_id as resultId', 'field_id as fieldId'])
    .where('result_id', 'in', [...resultIds])
    .execute();

/** Replaces a result's fields; its yearly count moves to the new set of fields. */
export async function replaceResultFields(
  db: Kysely<DB>,
  seam: DialectSeam,
  resultId: string,
  ids: string[],
): Promise<void> {
  await withYearsKept(db, seam, resultId, async () => {
    await db.deleteFrom('result_fields').where('result_id', '=', resultId).execute();
    if (ids.length)
      await db
        .insertInto('result_fields')
        .values(ids.map((field_id) => ({ result_id: resultId, field_id })))
        .execute();
  });
}

/** Every result matching `where` (conditions on `results r`), oldest first: the export. */
export async function resultsWhere(db: Kysely<DB>, where: RawBuilder<unknown>): Promise<Result[]> {
  const { rows } =
    await sql<ResultRow>`select r.* from results r where ${where} order by r.created_at`.execute(db);
  return rows.map(toResult);
}

/** A value of a facet (a platform, unit or field id) with how many results carry it. */
export interface FacetCount {
  id: string;
  count: number;
}

/**
 * The portal's filter counts over the results matching `where`, by id: the service names the
 * platforms, units and fields through their owners' lookups (docs/adr/0015).
 */
export async function catalogCounts(db: Kysely<DB>, where: RawBuilder<unknown>) {
  const counted = (rows: Array<{ id: string | null; n: unknown }>): FacetCount[] =>
    rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, count: Number(r.n) }]));
  const total = Number(
    (await sql<{ n: unknown }>`select count(*) as n from results r where ${where}`.execute(db)).rows[0]?.n ??
      0,
  );
  const byType = await sql<{ k: string; n: unknown }>`select r.type as k, count(*) as n from results r
    where ${where} group by r.type`.execute(db);
  const platforms = await sql<{ id: string; n: unknown }>`select r.platform_id as id, count(*) as n
    from results r where ${where} group by r.platform_id`.execute(db);
  const units = await sql<{ id: string | null; n: unknown }>`select r.unit_id as id, count(*) as n
    from results r where ${where} and r.unit_id is not null group by r.unit_id`.execute(db);
  const fields = await sql<{ id: string; n: unknown }>`select rf.field_id as id, count(*) as n
    from results r join result_fields rf on rf.result_id = r.id where ${where}
    group by rf.field_id`.execute(db);
  return {
    total,
    byType: new Map(byType.rows.map((r) => [r.k, Number(r.n)])),
    platforms: counted(platforms.rows),
    units: counted(units.rows),
    fields: counted(fields.rows),
  };
}

/**
 * A unit's results of the given years (the `year` column) by type, drafts left out: the outputs of a
 * unit's portfolio in the committee's evaluation (lab-evaluations asks through results.service).
 */
export async function resultCountsByType(
  db: Kysely<DB>,
  q: { platformId: string; unitId: string; fromYear: number; toYear: number },
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('results')
    .select(['type', (eb) => eb.fn.countAll().as('n')])
    .where('platform_id', '=', q.platformId)
    .where('unit_id', '=', q.unitId)
    .where('state', '!=', 'draft')
    .where('year', '>=', q.fromYear)
    .where('year', '<=', q.toYear)
    .groupBy('type')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

/** A JSON list column of a result (licence types and kinds); text that is no list reads as none. */
export function listColumn<T>(text: string): T[] {
  try {
    const v = jsonColumn<unknown>(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** How many results name the unit (a unit they name is kept: result_years is kept by unit). */
export async function resultCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
