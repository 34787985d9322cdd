/**
 * SQL on the yearly average exchange rates (fx_rates, owned by the agreements module): the rates its
 * receipts are recorded with and the technology-transfer report converts by.
 */
import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, FxRatesTable } from '../../db/schema.js';

export type FxRate = RowValue<FxRatesTable>;

const toFxRate = (row: Selectable<FxRatesTable>): FxRate => {
  const r = camelRow(row);
  return { ...r, rateMicros: Number(r.rateMicros) };
};

export async function allFxRates(db: Kysely<DB>): Promise<FxRate[]> {
  const rows = await db
    .selectFrom('fx_rates')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('currency')
    .orderBy('quote_currency')
    .execute();
  return rows.map(toFxRate);
}

/** The rates from or into the currency (the report converts with them). */
export async function fxRatesTouching(db: Kysely<DB>, currency: string): Promise<FxRate[]> {
  const rows = await db
    .selectFrom('fx_rates')
    .selectAll()
    .where((eb) => eb.or([eb('quote_currency', '=', currency), eb('currency', '=', currency)]))
    .execute();
  return rows.map(toFxRate);
}

/** Inserts the year's rate of the pair or replaces the one recorded. */
export async function upsertFxRate(
  db: Kysely<DB>,
  rate: Omit<FxRate, 'id'>,
  newRowId: () => string,
): Promise<void> {
  const { id: _, ...r } = insertRow<FxRatesTable>({ id: '', ...rate });
  const existing = await db
    .selectFrom('fx_rates')
    .select(['id', 'rate_micros'])
    .where('year', '=', r.year)
    .where('currency', '=', r.currency)
    .where('quote_currency', '=', r.quote_currency)
    .executeTakeFirst();
  if (existing)
    await db
      .updateTable('fx_rates')
      .set({ rate_micros: r.rate_micros, updated_at: r.updated_at })
      .where('id', '=', existing.id)
      .execute();
  else
    await db
      .insertInto('fx_rates')
      .values({ id: newRowId(), ...r })
      .execute();
}
