// Receipts summed per month, kept on write by the agreements module (migration 0040, docs/analytics.md
// 'Speed'): the analytics read licence income from here instead of every receipt.
export interface ReceiptMonthsTable {
  /** platform|unit|field|kind|month|currency: one row per combination (unit and field may be empty) */
  key: string;
  platform_id: string;
  /** the agreement's unit and field (fixed once the agreement is made) */
  unit_id: string | null;
  field_id: string | null;
  /** the agreement's kind (licence, option, …) */
  kind: string;
  /** YYYY-MM of received_date */
  month: string;
  currency: string;
  /** sum of the receipts' amount_minor (refunds negative); bigint, read back as a number */
  amount_minor: number;
  receipts: number;
}

export interface LicenceIncomeTables {
  receipt_months: ReceiptMonthsTable;
}

export const LICENCE_INCOME_TABLES = [
  'receipt_months',
] as const satisfies readonly (keyof LicenceIncomeTables)[];
