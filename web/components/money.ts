/**
 * Amounts travel as integer minor units with an ISO 4217 currency (ARCHITECTURE.md convention 5); people
 * type and read major units.
 */

/** Major units as typed (e.g. 857000000.5) to integer minor units, without binary-float drift. */
export function toMinor(major: number, digits: number): number {
  const [whole = '0', frac = ''] = major.toFixed(digits).split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0'));
}

export const toMajor = (minor: number, digits: number): number => minor / 10 ** digits;

/** "US$964,000,000.00" / "964,000,000.00 US$", in the viewer's language. */
export function formatMoney(minor: number, currency: string, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajor(minor, digits));
}

/** "US$9.64亿" / "$964M": for chart labels and axes. */
export function formatCompact(minor: number, currency: string, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(toMajor(minor, digits));
}

export const formatPercent = (share: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);

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
