/**
 * Vocabularies of the IP pipeline, agreements and receipts (DOMAIN.md §7, issue 6), shared by server and
 * web. English labels double as i18n keys.
 */
export const IP_KINDS = ['patentable', 'software', 'material', 'trademark', 'know_how'] as const;
export type IpKind = (typeof IP_KINDS)[number];

export const FILING_TYPES = [
  'provisional',
  'utility',
  'pct',
  'continuation',
  'divisional',
  'national_phase',
] as const;
export type FilingType = (typeof FILING_TYPES)[number];

export const FILING_STATUSES = ['pending', 'granted', 'abandoned', 'expired'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const OTHER_IP_KINDS = ['copyright', 'software', 'trademark'] as const;
export const OTHER_IP_STATUSES = ['pending', 'registered', 'lapsed'] as const;

/** 转让 assignment, 许可 licence, 作价投资 equity investment; 技术开发/咨询/服务 contracts. */
export const AGREEMENT_KINDS = [
  'licence',
  'option',
  'crada',
  'assignment',
  'equity_investment',
  'tech_development',
  'tech_consulting',
  'tech_service',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const LICENCE_KINDS = [
  'invention',
  'trademark',
  'copyright',
  'software',
  'material',
  'know_how',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export const EXCLUSIVITIES = ['exclusive', 'partially_exclusive', 'non_exclusive'] as const;
export type Exclusivity = (typeof EXCLUSIVITIES)[number];

export const CRADA_CLASSES = ['traditional', 'non_traditional'] as const;
export const TERMINATION_REASONS = ['expired', 'for_cause', 'mutual', 'other'] as const;

export const RECEIPT_CATEGORIES = [
  'issue_fee',
  'annual_minimum',
  'earned_royalty',
  'milestone',
  'sublicence',
  'equity_cashed',
  'patent_cost_reimbursement',
  'other',
  'refund',
] as const;
export type ReceiptCategory = (typeof RECEIPT_CATEGORIES)[number];

/** AUTM licence income leaves out patent-cost reimbursement (research funding is not a receipt here). */
export const AUTM_EXCLUDED_CATEGORIES: readonly ReceiptCategory[] = ['patent_cost_reimbursement'];

/** Agreements that bring licence income: licences and options (options pay option fees). */
export const LICENSING_KINDS: readonly AgreementKind[] = ['licence', 'option'];

/** The Chinese annual report's six modes: 转让, 许可, 作价投资 and 技术开发/咨询/服务. */
export const CN_MODES = [
  'assignment',
  'licence',
  'equity_investment',
  'tech_development',
  'tech_consulting',
  'tech_service',
] as const;
export type CnMode = (typeof CN_MODES)[number];
