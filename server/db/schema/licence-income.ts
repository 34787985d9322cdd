// Monthly rollups kept on write (ADR 0043): receipts (migration 0040, widened by 0060), IP events and
// agreements (migration 0060) summed per platform, unit, field and month, so the tech-transfer report
// and the analytics read a few thousand rollup rows for a period instead of every event.
export interface ReceiptMonthsTable {
  /** platform|unit|field|kind|licence_kind|category|month|currency (empty for a null) */
  key: string;
  platform_id: string;
  /** the agreement's unit and field (fixed once the agreement is made) */
  unit_id: string | null;
  field_id: string | null;
  /** the agreement's kind (licence, option, …) */
  kind: string;
  /** the agreement's licence kind (licences and options; fixed once the agreement is made) */
  licence_kind: string | null;
  /** the receipts' category (earned_royalty, …; migration 0060) */
  category: string;
  /** YYYY-MM of received_date */
  month: string;
  currency: string;
  /** sum of the receipts' amount_minor (refunds negative); bigint, read back as a number */
  amount_minor: number;
  receipts: number;
}

/**
 * Disclosures and filings per month (owner: ip). Each count sits in the month of its own date: a
 * disclosure in its received month, a filing in its filing month and, once granted, again in its grant
 * month. A filing counts in its disclosure's unit and field.
 */
export interface IpMonthsTable {
  /** platform|unit|field|month (empty for a null) */
  key: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  /** YYYY-MM */
  month: string;
  disclosures: number;
  filed: number;
  /** filed without a parent filing (first in family) */
  filed_first: number;
  filed_us: number;
  granted: number;
  granted_us: number;
}

/**
 * Agreements per month (owner: agreements): executed (and contract value) in the month of execution,
 * ended in the month of the earlier of end and termination, terminated for cause in the termination's
 * month. Agreements in force during a period = executed by its end − ended before its start.
 */
export interface AgreementMonthsTable {
  /** platform|unit|field|kind|licence_kind|exclusivity|crada_class|month|currency (empty for a null) */
  key: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  kind: string;
  licence_kind: string | null;
  exclusivity: string | null;
  crada_class: string | null;
  /** YYYY-MM */
  month: string;
  currency: string;
  executed: number;
  /** sum of contract_value_minor of those executed (bigint) */
  value_minor: number;
  ended: number;
  for_cause: number;
  /**
   * Licences and options whose first (last) receipt, any category, is in the month (migration 0071, ADR
   * 0049 round 14): those with a receipt by a period's end − those whose last was before its start = those
   * whose receipts meet the period.
   */
  first_receipts: number;
  last_receipts: number;
}

/**
 * One row per licence and option (owner: agreements; migration 0067, ADR 0049): the figures of the
 * tech-transfer report that monthly totals cannot give, kept by the agreement's and its receipts' writes.
 */
export interface LicenceFiguresTable {
  agreement_id: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  /** licence or option */
  kind: string;
  licence_kind: string | null;
  exclusivity: string | null;
  execution_date: string;
  /** days from the written request to execution (null without a request date) */
  request_days: number | null;
  /** the dates of the agreement's first and last receipt, any category (null: none yet) */
  first_receipt: string | null;
  last_receipt: string | null;
  /** months from the first receipt's to the last's (migration 0071; null: none yet) */
  receipt_span_months: number | null;
}

/** Earned royalties per licence (and option), month and currency (owner: agreements; migration 0067). */
export interface RoyaltyMonthsTable {
  /** agreement|month|currency */
  key: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  agreement_id: string;
  /** YYYY-MM of received_date */
  month: string;
  currency: string;
  /** sum of the earned-royalty receipts' amount_minor (bigint, read back as a number) */
  amount_minor: number;
}

/**
 * agreement_months and receipt_months summed over units and fields (owner: agreements; migration 0071,
 * ADR 0049 round 14): what the report of a whole platform reads, a fifth to a sixth of the rows at the bench's 7 units. Moved
 * by the same writes, in the same statements' transaction, as the cells they sum.
 */
export type AgreementMonthsPlatformTable = Omit<AgreementMonthsTable, 'unit_id' | 'field_id'>;
export type ReceiptMonthsPlatformTable = Omit<ReceiptMonthsTable, 'unit_id' | 'field_id'>;

export interface LicenceIncomeTables {
  agreement_months_platform: AgreementMonthsPlatformTable;
  receipt_months_platform: ReceiptMonthsPlatformTable;
  licence_figures: LicenceFiguresTable;
  royalty_months: RoyaltyMonthsTable;
  receipt_months: ReceiptMonthsTable;
  ip_months: IpMonthsTable;
  agreement_months: AgreementMonthsTable;
}

export const LICENCE_INCOME_TABLES = [
  'receipt_months',
  'ip_months',
  'agreement_months',
  'licence_figures',
  'royalty_months',
  'agreement_months_platform',
  'receipt_months_platform',
] as const satisfies readonly (keyof LicenceIncomeTables)[];
