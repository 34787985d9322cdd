import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
  rebuildReceiptMonths,
} from '../../server/modules/agreements/agreements.service.js';
import { rebuildIpMonths } from '../../server/modules/ip/ip.service.js';
import { rebuildResultYears } from '../../server/modules/results/results.service.js';
import { analyticsTables, ID, type RowMix } from './analytics-tables.js';
import { fmtInt } from './load.js';
import { dialect, type Kind } from './sql-series.js';

/**
 * Writes the analytics bench's rows: the platform, its laboratories and licensees, then each table of
 * analytics-tables.ts in `INSERT … SELECT` statements of at most CHUNK rows, then the monthly totals.
 */
export { type RowMix, rowMix } from './analytics-tables.js';

/** Rows per statement: one statement is one transaction (bounded WAL and memory on both). */
const CHUNK = 500_000;

/** The bench's platform (fiscal year from October, in USD) and its seven laboratories. */
export async function createBenchPlatform(db: Kysely<DB>) {
  const now = new Date().toISOString();
  const platformId = `${ID.unit}-0000-7000-8000-000000000100`;
  await db
    .insertInto('platforms')
    .values({
      id: platformId,
      code: 'BENCH',
      name_zh: '基准',
      name_en: 'Bench',
      model: 'gov_institute',
      fiscal_year_start_month: 10,
      default_currency: 'USD',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const unitIds = Array.from(
    { length: 7 },
    (_, i) => `${ID.unit}-0000-7000-8000-${String(i).padStart(12, '0')}`,
  );
  await db
    .insertInto('org_units')
    .values(
      unitIds.map((id, i) => ({
        id,
        platform_id: platformId,
        kind: 'laboratory',
        name_zh: `实验室${i}`,
        name_en: `Lab ${i}`,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return { platformId, unitIds };
}

/**
 * Fills `platformId` (already created, with its units `unitIds`) with `mix` rows and the receipts'
 * monthly totals; returns the number of rows written.
 */
export async function generateAnalyticsRows(
  db: Kysely<DB>,
  kind: Kind,
  platformId: string,
  unitIds: string[],
  mix: RowMix,
  progress: (s: string) => void,
): Promise<number> {
  const d = dialect(kind);
  const now = new Date().toISOString();
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const P = q(platformId);
  const NOW = q(now);
  const unit = (x: string) =>
    `CASE ${x} % ${unitIds.length} ${unitIds.map((u, i) => `WHEN ${i} THEN ${q(u)}`).join(' ')} END`;
  const ORGS = 500;
  await db
    .insertInto('organisations')
    .values(
      Array.from({ length: ORGS }, (_, i) => ({
        id: `${ID.org}-0000-7000-8000-${String(i).padStart(12, '0')}`,
        name_zh: `被许可方${i}`,
        name_en: `Licensee ${i}`,
        name_key: `licensee${i}`,
        type: 'enterprise',
        enterprise_size: i % 3 ? 'large' : 'sme',
        country: 'US',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const tables = analyticsTables(d, mix, P, unit, ORGS);
  // SQLite's default page cache (2 MB) makes every insert into the random-keyed indexes a read of the
  // file: generation gets 1 GB and the queries measured after it the server's default again.
  if (kind === 'sqlite') await sql`PRAGMA cache_size = -1000000`.execute(db);
  let written = 0;
  for (const t of tables) {
    progress(`generating ${fmtInt(t.n)} ${t.table}`);
    const stamps = t.table === 'receipts' ? ['created_at'] : ['created_at', 'updated_at'];
    for (let from = 0; from < t.n; from += CHUNK) {
      const to = Math.min(t.n, from + CHUNK);
      const statement: RawBuilder<unknown> = sql.raw(
        `INSERT INTO ${t.table} (${[...t.columns, ...stamps].join(', ')}) SELECT ${[
          ...t.select('g.i'),
          ...stamps.map(() => NOW),
        ].join(', ')} FROM ${d.series(from, to)}`,
      );
      await statement.execute(db);
      written += to - from;
    }
  }
  // Inserted in bulk, so their monthly totals (kept receipt by receipt by createReceipt) are summed here.
  progress('summing receipts, agreements and IP events per month, results per year');
  await rebuildReceiptMonths(db, platformId);
  await rebuildAgreementMonths(db, platformId);
  await rebuildIpMonths(db, platformId);
  await rebuildResultYears(db, platformId);
  await rebuildLicenceFigures(db, platformId);
  if (kind === 'sqlite') await sql`PRAGMA cache_size = -2000`.execute(db);
  // PostgreSQL's autovacuum would analyse tables this size soon after; the bench does not wait for it.
  // SQLite is left unanalysed, as the server never runs ANALYZE (bench/README.md, 'analytics').
  if (kind === 'postgres') await sql`ANALYZE`.execute(db);
  return written;
}
