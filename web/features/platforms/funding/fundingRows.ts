import { FUNDING_SOURCES, type FundingSource } from '../../../../common/platforms.js';
import type { FundingRowInput, FundingTable } from '../../../api/types.js';
import { toMajor, toMinor } from '../../../components/money.js';

/** One year of the editor: an amount per source in major units (null: nothing recorded). */
export interface YearRow {
  year: number;
  amounts: Record<FundingSource, number | null>;
  illustrative: boolean;
}

const empty = (): Record<FundingSource, number | null> =>
  Object.fromEntries(FUNDING_SOURCES.map((s) => [s, null])) as Record<FundingSource, number | null>;

/** The stored (year, source) rows as a years × sources grid, newest year last. */
export function toYearRows(table: FundingTable): YearRow[] {
  const byYear = new Map<number, YearRow>();
  for (const r of table.rows) {
    const row = byYear.get(r.year) ?? { year: r.year, amounts: empty(), illustrative: false };
    row.amounts[r.source] = toMajor(r.amountMinor, table.currencyDigits);
    row.illustrative ||= r.isIllustrative;
    byYear.set(r.year, row);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export const newYearRow = (year: number): YearRow => ({ year, amounts: empty(), illustrative: false });

/** The grid back as the rows PUT /api/platforms/:id/funding takes; notes of unchanged cells are kept. */
export function toRowInputs(rows: YearRow[], table: FundingTable): FundingRowInput[] {
  const notes = new Map(table.rows.map((r) => [`${r.year}:${r.source}`, r.note]));
  return rows.flatMap((row) =>
    FUNDING_SOURCES.flatMap((source) => {
      const amount = row.amounts[source];
      if (amount === null || amount === undefined) return [];
      return [
        {
          year: row.year,
          source,
          amountMinor: toMinor(amount, table.currencyDigits),
          currency: table.currency,
          isIllustrative: row.illustrative,
          note: notes.get(`${row.year}:${source}`) ?? null,
        },
      ];
    }),
  );
}

/** Sources with any amount recorded, in the fixed order (the chart's series). */
export const sourcesUsed = (rows: YearRow[]): FundingSource[] =>
  FUNDING_SOURCES.filter((s) => rows.some((r) => r.amounts[s] !== null));
