import type { Flag, Timestamp } from './columns.js';

// Innovation vouchers (创新券, DOMAIN.md §8, issue 14); migration 0025. Money in integer minor units.

export interface VoucherSchemesTable {
  id: string;
  platform_id: string;
  name_zh: string;
  name_en: string;
  currency: string;
  /** JSON: eligibility, shares, caps, providers and service kinds (vouchers.schema.ts schemeRules) */
  rules_json: string;
  valid_from: string;
  valid_to: string;
  lottery: Flag;
  /** draft | open | closed */
  state: string;
  lottery_seed: string | null;
  /** JSON: the draw, in order, for audit */
  lottery_json: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VouchersTable {
  id: string;
  scheme_id: string;
  organisation_id: string;
  applicant_id: string | null;
  /** applied | issued | refused | not_drawn */
  state: string;
  amount_minor: number;
  /** JSON: the enterprise's declared profile (size, region, fields, registration date, controller) */
  profile_json: string;
  /** The actual controller (实际控制人) the caps are counted by, normalised. */
  controller_key: string;
  year: number;
  issued_at: Timestamp | null;
  reason: string | null;
  created_at: Timestamp;
}

export interface VoucherLedgerTable {
  id: string;
  voucher_id: string;
  seq: number;
  /** issue | redeem | expire */
  kind: string;
  amount_minor: number;
  balance_after_minor: number;
  redemption_id: string | null;
  at: Timestamp;
  actor_id: string | null;
}

export interface VoucherRedemptionsTable {
  id: string;
  voucher_id: string;
  service_request_id: string;
  platform_id: string;
  unit_id: string;
  price_minor: number;
  voucher_minor: number;
  /** planned | redeemed | settled */
  state: string;
  contract_ref: string | null;
  report_sha256: string | null;
  payment_ref: string | null;
  paid_by_enterprise_minor: number | null;
  redeemed_at: Timestamp | null;
  settlement_id: string | null;
  created_at: Timestamp;
}

export interface VoucherSettlementsTable {
  id: string;
  platform_id: string;
  month: string;
  total_minor: number;
  currency: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface VouchersTables {
  voucher_schemes: VoucherSchemesTable;
  vouchers: VouchersTable;
  voucher_ledger: VoucherLedgerTable;
  voucher_redemptions: VoucherRedemptionsTable;
  voucher_settlements: VoucherSettlementsTable;
}

export const VOUCHERS_TABLES = [
  'voucher_schemes',
  'vouchers',
  'voucher_ledger',
  'voucher_redemptions',
  'voucher_settlements',
] as const satisfies readonly (keyof VouchersTables)[];
