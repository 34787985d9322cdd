import { formatMoney } from '../platforms/money.js';

/** The number of minor-unit digits of a currency (2 for CNY/USD/EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    return 2;
  }
}

/** An amount in integer minor units, shown in the viewer's language. */
export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, currencyDigits(currency), locale);
}
