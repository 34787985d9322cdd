import type { Selectable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { DB, IpDisclosuresTable, IpFilingsTable } from '../../db/schema.js';

type DisclosureRow = Selectable<IpDisclosuresTable>;
type FilingRow = Selectable<IpFilingsTable>;

// Disclosures and filings per platform, unit, field and month (ip_months, migration 0060, ADR 0043),
// moved by every write of a disclosure or filing in its transaction, so the tech-transfer report and the
// analytics read the months of a period instead of every event.

type Counts = {
  disclosures: number;
  filed: number;
  filed_first: number;
  filed_us: number;
  granted: number;
  granted_us: number;
};
type Cell = { platform_id: string; unit_id: string | null; field_id: string | null; month: string } & Counts;
type Place = Pick<DisclosureRow, 'platform_id' | 'unit_id' | 'field_id'>;
type FilingFigures = Pick<
  FilingRow,
  'platform_id' | 'disclosure_id' | 'parent_filing_id' | 'jurisdiction' | 'filing_date' | 'grant_date'
>;

const ZERO: Counts = { disclosures: 0, filed: 0, filed_first: 0, filed_us: 0, granted: 0, granted_us: 0 };
const COLUMNS = Object.keys(ZERO) as Array<keyof Counts>;
const keyOf = (c: Omit<Cell, keyof Counts>) =>
  [c.platform_id, c.unit_id ?? '', c.field_id ?? '', c.month].join('|');

const disclosureCells = (d: Pick<DisclosureRow, keyof Place | 'received_date'>, sign: number): Cell[] => [
  { ...ZERO, ...pick(d), month: d.received_date.slice(0, 7), disclosures: sign },
];

/** A filing counts in its disclosure's unit and field (`place`), filed in one month and granted in another. */
function filingCells(f: FilingFigures, place: Place | null, sign: number): Cell[] {
  const at = {
    platform_id: f.platform_id,
    unit_id: place?.unit_id ?? null,
    field_id: place?.field_id ?? null,
  };
  const us = f.jurisdiction === 'US' ? sign : 0;
  const cells: Cell[] = [
    {
      ...ZERO,
      ...at,
      month: f.filing_date.slice(0, 7),
      filed: sign,
      filed_first: f.parent_filing_id === null ? sign : 0,
      filed_us: us,
    },
  ];
  if (f.grant_date)
    cells.push({ ...ZERO, ...at, month: f.grant_date.slice(0, 7), granted: sign, granted_us: us });
  return cells;
}

const pick = (p: Place) => ({ platform_id: p.platform_id, unit_id: p.unit_id, field_id: p.field_id });

/** Adds the cells (negative counts take a record's old figures away) to their months, merged by key. */
async function moveIpMonths(db: Kysely<DB>, cells: Cell[]): Promise<void> {
  const merged = new Map<string, Cell>();
  for (const c of cells) {
    const k = keyOf(c);
    const m = merged.get(k) ?? { ...c, ...ZERO };
    for (const col of COLUMNS) m[col] += c[col];
    merged.set(k, m);
  }
  for (const [key, c] of merged) {
    if (COLUMNS.every((col) => c[col] === 0)) continue;
    await db
      .insertInto('ip_months')
      .values({ key, ...c })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet(
            Object.fromEntries(
              COLUMNS.map((col) => [col, sql`ip_months.${sql.ref(col)} + excluded.${sql.ref(col)}`]),
            ),
          ),
      )
      .execute();
  }
}

/** The unit and field of a disclosure, where its filings count. */
const placeOfDisclosure = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('ip_disclosures')
    .select(['platform_id', 'unit_id', 'field_id'])
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * A disclosure written (`before` undefined when new): its month moves, and when its unit or field
 * changed, its filings move with it.
 */
export async function disclosureMoved(
  db: Kysely<DB>,
  before: DisclosureRow | undefined,
  after: DisclosureRow,
) {
  const cells = [...(before ? disclosureCells(before, -1) : []), ...disclosureCells(after, 1)];
  if (before && (before.unit_id !== after.unit_id || before.field_id !== after.field_id)) {
    const filings = await db
      .selectFrom('ip_filings')
      .selectAll()
      .where('disclosure_id', '=', after.id)
      .execute();
    for (const f of filings) cells.push(...filingCells(f, before, -1), ...filingCells(f, after, 1));
  }
  await moveIpMonths(db, cells);
}

/** A filing written (`before` undefined when new): its filing and grant months move. */
export async function filingMoved(db: Kysely<DB>, before: FilingRow | undefined, after: FilingRow) {
  const place = (await placeOfDisclosure(db, after.disclosure_id)) ?? null;
  const cells = filingCells(after, place, 1);
  if (before) {
    const was =
      before.disclosure_id === after.disclosure_id
        ? place
        : ((await placeOfDisclosure(db, before.disclosure_id)) ?? null);
    cells.push(...filingCells(before, was, -1));
  }
  await moveIpMonths(db, cells);
}

/** The monthly rows of disclosures and filings a platform's records add up to (the migration's fill, the rebuild and the tests' recount). */
export function ipMonthsRecount(platformId: string) {
  const months = (col: string) => sql`substr(${sql.ref(col)}, 1, 7)`;
  return sql<Cell & { key: string }>`
    SELECT e.platform_id || '|' || coalesce(e.unit_id, '') || '|' || coalesce(e.field_id, '') || '|' || e.month AS key,
      e.platform_id, e.unit_id, e.field_id, e.month,
      sum(e.d) AS disclosures, sum(e.f) AS filed, sum(e.ff) AS filed_first, sum(e.fu) AS filed_us,
      sum(e.g) AS granted, sum(e.gu) AS granted_us
    FROM (
      SELECT platform_id, unit_id, field_id, ${months('received_date')} AS month,
        1 AS d, 0 AS f, 0 AS ff, 0 AS fu, 0 AS g, 0 AS gu
      FROM ip_disclosures WHERE platform_id = ${platformId}
      UNION ALL
      SELECT f.platform_id, d.unit_id, d.field_id, ${months('f.filing_date')},
        0, 1, CASE WHEN f.parent_filing_id IS NULL THEN 1 ELSE 0 END,
        CASE WHEN f.jurisdiction = 'US' THEN 1 ELSE 0 END, 0, 0
      FROM ip_filings f LEFT JOIN ip_disclosures d ON d.id = f.disclosure_id WHERE f.platform_id = ${platformId}
      UNION ALL
      SELECT f.platform_id, d.unit_id, d.field_id, ${months('f.grant_date')},
        0, 0, 0, 0, 1, CASE WHEN f.jurisdiction = 'US' THEN 1 ELSE 0 END
      FROM ip_filings f LEFT JOIN ip_disclosures d ON d.id = f.disclosure_id
      WHERE f.platform_id = ${platformId} AND f.grant_date IS NOT NULL
    ) e
    GROUP BY e.platform_id, e.unit_id, e.field_id, e.month`;
}

/**
 * Recomputes a platform's monthly rows from its records: for records written straight into the tables
 * in bulk (the demo loader, the benchmarks' generators) and to rebuild after a restore (ADR 0043).
 */
export async function rebuildIpMonths(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('ip_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO ip_months (key, platform_id, unit_id, field_id, month, disclosures, filed, filed_first,
    filed_us, granted, granted_us) ${ipMonthsRecount(platformId)}`.execute(db);
}
