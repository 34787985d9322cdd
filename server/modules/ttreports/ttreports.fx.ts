import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { fxRatesTouching } from '../agreements/agreements.service.js';

/**
 * Converts amounts into the report's single currency with the yearly average rates (fx_rates: one unit of
 * `currency` is rate_micros / 10^6 units of `quote_currency`; the inverse rate is used when only that is
 * recorded). Amounts are converted per group (calendar year × currency) and rounded to the minor unit.
 * Any amount in a currency-year without a rate fails the whole report with the missing pairs named.
 */
export class Converter {
  private readonly missing = new Set<string>();
  private constructor(
    readonly currency: string,
    private readonly rates: Map<string, number>,
  ) {}

  static async load(db: Kysely<DB>, currency: string): Promise<Converter> {
    const rows = await fxRatesTouching(db, currency);
    const rates = new Map<string, number>();
    // Direct rates win over inverse ones.
    for (const r of rows)
      if (r.currency === currency) rates.set(`${r.year}:${r.quoteCurrency}`, 1_000_000 / r.rateMicros);
    for (const r of rows)
      if (r.quoteCurrency === currency) rates.set(`${r.year}:${r.currency}`, r.rateMicros / 1_000_000);
    return new Converter(currency, rates);
  }

  convert(amountMinor: number, currency: string, year: number): number {
    if (currency === this.currency || amountMinor === 0) return amountMinor;
    const rate = this.rates.get(`${year}:${currency}`);
    if (rate === undefined) {
      this.missing.add(`${currency} ${year}`);
      return 0;
    }
    return Math.round(amountMinor * rate);
  }

  /** Throws when some amount had no rate (call after converting everything). */
  assertComplete(): void {
    if (this.missing.size === 0) return;
    const pairs = [...this.missing].sort();
    throw new AppError(422, 'ttreports.missing_fx_rate', {
      detail: `No exchange rate to ${this.currency} for: ${pairs.join(', ')}`,
      missing: pairs,
      errors: [
        {
          in: 'querystring',
          pointer: '/currency',
          code: 'ttreports.missing_fx_rate',
          message: pairs.join(', '),
        },
      ],
    });
  }
}
