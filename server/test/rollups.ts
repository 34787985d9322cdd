import { type Kysely, type RawBuilder, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/schema.js';
import {
  agreementMonthsPlatformRecount,
  agreementMonthsRecount,
  licenceFiguresRecount,
  receiptMonthsPlatformRecount,
  receiptMonthsRecount,
  royaltyMonthsRecount,
} from '../modules/agreements/agreements.service.js';
import { ipMonthsRecount } from '../modules/ip/ip.service.js';
import { resultYearsRecount } from '../modules/results/results.service.js';

/**
 * The figures the tech-transfer records keep by their writes (ADR 0043, ADR 0049), each with the owner's
 * recount from the records: a test holds a table to its recount after each kind of write.
 */
interface Rollup {
  recount(platformId: string): unknown;
  /** The figures (bigint text on PostgreSQL, so compared as numbers). */
  counts: readonly string[];
  /** Set for a table with one row per record (kept whatever its figures), sorted by it; else by `key`. */
  rowKey?: string;
}

const AGREEMENT_COUNTS = ['executed', 'value_minor', 'ended', 'for_cause', 'first_receipts', 'last_receipts'];

export const ROLLUPS = {
  ip_months: {
    recount: ipMonthsRecount,
    counts: ['disclosures', 'filed', 'filed_first', 'filed_us', 'granted', 'granted_us'],
  },
  agreement_months: { recount: agreementMonthsRecount, counts: AGREEMENT_COUNTS },
  receipt_months: { recount: receiptMonthsRecount, counts: ['amount_minor', 'receipts'] },
  // Summed over units and fields (migration 0071), for the report of a whole platform.
  agreement_months_platform: { recount: agreementMonthsPlatformRecount, counts: AGREEMENT_COUNTS },
  receipt_months_platform: { recount: receiptMonthsPlatformRecount, counts: ['amount_minor', 'receipts'] },
  // The per-licence figures: one row per licence and option, kept whatever its figures.
  licence_figures: {
    recount: licenceFiguresRecount,
    counts: ['request_days', 'receipt_span_months'],
    rowKey: 'agreement_id',
  },
  royalty_months: { recount: royaltyMonthsRecount, counts: ['amount_minor'] },
} satisfies Record<string, Rollup>;

export type RollupTable = keyof typeof ROLLUPS;

/** Rows as numbers, rows whose figures all came back to zero left out (monthly cells), in key order. */
function normal(rows: Array<Record<string, unknown>>, spec: Rollup) {
  const key = spec.rowKey ?? 'key';
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, spec.counts.includes(k) && v !== null ? Number(v) : v]),
      ),
    )
    .filter((r) => spec.rowKey !== undefined || spec.counts.some((c) => r[c] !== 0))
    .sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

/** Each named table holds for the platform exactly what its recount from the records gives. */
export async function expectRollupsRecounted(
  db: Kysely<DB>,
  platformId: string,
  tables: readonly RollupTable[] = Object.keys(ROLLUPS) as RollupTable[],
  step = '',
): Promise<void> {
  for (const table of tables) {
    const spec: Rollup = ROLLUPS[table];
    const kept = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.table(table)} WHERE platform_id = ${platformId}`.execute(db);
    const fresh = await (spec.recount(platformId) as RawBuilder<Record<string, unknown>>).execute(db);
    expect(normal(kept.rows, spec), `${step ? `${step}: ` : ''}${table}`).toEqual(normal(fresh.rows, spec));
  }
}

/**
 * result_years (the analytics' yearly counts of results, ADR 0043) holds for the platform exactly what a
 * recount from the results gives, rows whose count came back to zero aside; its recount comes back as
 * values, not as a statement.
 */
export async function expectResultYearsRecounted(
  db: Kysely<DB>,
  platformId: string,
  step = '',
): Promise<void> {
  const rows = await sql<
    Record<string, unknown>
  >`SELECT * FROM result_years WHERE platform_id = ${platformId}`.execute(db);
  const kept = rows.rows
    .map(
      (r): Record<string, unknown> => ({
        ...r,
        year: r.year === null ? null : Number(r.year),
        n: Number(r.n),
      }),
    )
    .filter((r) => r.n !== 0)
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
  const fresh = (await resultYearsRecount(db, platformId)).sort((a, b) => a.key.localeCompare(b.key));
  expect(kept, `${step ? `${step}: ` : ''}result_years`).toEqual(fresh);
}
