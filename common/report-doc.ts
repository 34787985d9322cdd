import { currencyDigits } from './platforms.js';

/**
 * A report laid out for a file: sheets of titled tables whose cells keep their kind (count, money, share,
 * text), so the XLSX keeps numbers as numbers and the PDF formats them for the reader.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'money'; value: Money }
  | { kind: 'share'; value: number }
  | { kind: 'days'; value: number }
  | { kind: 'empty' };

export interface DocTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A line under the table (e.g. why a figure is withheld). */
  note?: string;
  /**
   * A chart of the table as SVG (points), drawn above it as vector paths in the PDF; the XLSX keeps the
   * numbers only (the annual report, docs/analytics.md).
   */
  chart?: { svg: string; width: number; height: number };
}
export interface DocSheet {
  /** Sheet name: at most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  title: string;
  tables: DocTable[];
}
export interface ExportDoc {
  title: string;
  /** Lines under the title: scope, period, basis, when made. */
  meta: string[];
  sheets: DocSheet[];
  lang: 'zh-CN' | 'en-US';
}

export const text = (value: string): Cell => ({ kind: 'text', value });
export const count = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? { kind: 'empty' } : { kind: 'count', value };
export const money = (value: Money | null | undefined): Cell =>
  value ? { kind: 'money', value } : { kind: 'empty' };
export const share = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? { kind: 'empty' } : { kind: 'share', value };
export const days = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? { kind: 'empty' } : { kind: 'days', value };

/** Major units of an amount in minor units (USD 103440000 → 1034400), exact for the digits a currency has. */
export const major = (m: Money): number => m.amountMinor / 10 ** currencyDigits(m.currency);

/** A cell as the reader sees it in the PDF: "US$1,034,400.00", "12.5%", "1,234". */
export function formatCell(cell: Cell, lang: ExportDoc['lang']): string {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'count':
      return new Intl.NumberFormat(locale).format(cell.value);
    case 'days':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(cell.value)}${lang === 'zh-CN' ? ' 天' : ' d'}`;
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(cell.value);
    case 'money': {
      const digits = currencyDigits(cell.value.currency);
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: cell.value.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(major(cell.value));
    }
    case 'empty':
      return '—';
  }
}
