import type { Flag, Timestamp, WithDefault } from './columns.js';

// The results catalog and inquiries (migration 0005); IP, agreements, receipts and distribution (0006).
/** The results catalog (成果库), issue 6; migration 0005. */
export interface ResultsTable {
  id: string;
  platform_id: string;
  unit_id: string | null;
  /** publication | standard | reference_material | software | dataset | technology (common/results.ts) */
  type: string;
  title_zh: string;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  trl: number | null;
  /** public | internal */
  visibility: string;
  /** draft | published | withdrawn */
  state: string;
  year: number | null;
  identifier: string | null;
  url: string | null;
  authors: string | null;
  problem_zh: string | null;
  problem_en: string | null;
  advantage_zh: string | null;
  advantage_en: string | null;
  economics_zh: string | null;
  economics_en: string | null;
  applications_zh: string | null;
  applications_en: string | null;
  ip_status_zh: string | null;
  ip_status_en: string | null;
  /** JSON array of exclusivities offered */
  licence_types: WithDefault<string>;
  /** JSON array of licence kinds offered */
  licence_kinds: WithDefault<string>;
  is_illustrative: WithDefault<Flag>;
  created_by: string | null;
  published_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * Results per platform, unit, set of fields, type, state, visibility and year (owner: results; migration
 * 0066, ADR 0043): how many results have each combination, moved by every write of a result or its fields
 * in its transaction, so the analytics read a few rows per year instead of the results.
 */
export interface ResultYearsTable {
  /** platform|unit|type|state|visibility|year|sha1 of `fields` (empty for a null) */
  key: string;
  platform_id: string;
  unit_id: string | null;
  /** the result's field ids, sorted, comma-separated; empty when it names none */
  fields: string;
  type: string;
  state: string;
  visibility: string;
  year: number | null;
  n: number;
}

export interface ResultFieldsTable {
  result_id: string;
  field_id: string;
}

/** The portable search index of results: one row per (result, term). */
export interface ResultTermsTable {
  result_id: string;
  term: string;
  weight: number;
  /** 1 when the result is public and published (the portal's set), else 0; kept with the result */
  searchable: WithDefault<number>;
}

/**
 * How many results of the public, published set hold each term (its document frequency), and under
 * the term '*' the size of that set; moved by the writes that change them (migration 0056).
 */
export interface ResultSearchCountsTable {
  term: string;
  docs: number;
}

/** Each result's search number: its place in the order results entered the index (migration 0072, ADR 0038). */
export interface ResultSearchDocsTable {
  result_id: string;
  doc: number;
}

/**
 * The portal's search index as containers (migration 0072, ADR 0038): the public, published results
 * holding `term` at `weight`, in one block of 65,536 search numbers; `docs` is their number and says
 * whether `bits` is a sorted array of 16-bit lows or a bitmap (results.bits.ts).
 */
export interface ResultTermBitsTable {
  term: string;
  weight: number;
  block: number;
  docs: number;
  bits: Buffer;
}

export interface InquiriesTable {
  id: string;
  result_id: string;
  platform_id: string;
  /** licensing | collaboration */
  kind: string;
  name: string;
  organisation: string;
  email: string;
  phone: string | null;
  message: string;
  locale: string;
  /** received | in_discussion | nda_signed | licensed | closed */
  state: string;
  close_reason: string | null;
  licence_id: string | null;
  /** the privacy notice agreed to on the public form (common/privacy.ts), and when; migration 0055 */
  consent_version: string | null;
  consented_at: Timestamp | null;
  received_at: Timestamp;
  updated_at: Timestamp;
}

export interface InquiryTransitionsTable {
  id: string;
  inquiry_id: string;
  from_state: string | null;
  to_state: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  note: string | null;
}

/** The IP pipeline, agreements, receipts and income distribution (issue 6; migration 0006). */
export interface IpDisclosuresTable {
  id: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  ref_no: string;
  title: string;
  /** patentable | software | material | trademark | know_how */
  ip_kind: string;
  received_date: string;
  funding_source: string | null;
  first_public_disclosure_date: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IpInventorsTable {
  id: string;
  disclosure_id: string;
  person_id: string | null;
  name: string;
  /** basis points; a disclosure's shares sum to 10 000 */
  share_bp: number;
  sort_order: number;
}

export interface IpFilingsTable {
  id: string;
  platform_id: string;
  disclosure_id: string;
  family_id: string;
  parent_filing_id: string | null;
  jurisdiction: string;
  /** provisional | utility | pct | continuation | divisional | national_phase */
  filing_type: string;
  application_number: string | null;
  publication_number: string | null;
  patent_number: string | null;
  filing_date: string;
  priority_date: string;
  publication_date: string | null;
  grant_date: string | null;
  /** pending | granted | abandoned | expired */
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IpOtherAssetsTable {
  id: string;
  platform_id: string;
  disclosure_id: string | null;
  /** copyright | software | trademark */
  kind: string;
  title: string;
  jurisdiction: string;
  registration_number: string | null;
  filing_date: string | null;
  registration_date: string | null;
  /** pending | registered | lapsed */
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementsTable {
  id: string;
  platform_id: string;
  unit_id: string | null;
  field_id: string | null;
  ref_no: string;
  title: string;
  /** licence | option | crada | assignment | equity_investment | tech_development | tech_consulting | tech_service */
  kind: string;
  /** invention | trademark | copyright | software | material | know_how (licences and options) */
  licence_kind: string | null;
  /** exclusive | partially_exclusive | non_exclusive */
  exclusivity: string | null;
  /** traditional | non_traditional (CRADAs) */
  crada_class: string | null;
  field_of_use: string | null;
  territory: string | null;
  partner_org_id: string;
  request_date: string | null;
  execution_date: string;
  end_date: string | null;
  termination_date: string | null;
  /** expired | for_cause | mutual | other */
  termination_reason: string | null;
  contract_value_minor: number | null;
  currency: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementIpTable {
  id: string;
  agreement_id: string;
  disclosure_id: string | null;
  filing_id: string | null;
  other_asset_id: string | null;
}

export interface ReceiptsTable {
  id: string;
  platform_id: string;
  agreement_id: string;
  received_date: string;
  amount_minor: number;
  currency: string;
  /** issue_fee | annual_minimum | earned_royalty | milestone | sublicence | equity_cashed | patent_cost_reimbursement | other | refund */
  category: string;
  note: string | null;
  created_at: Timestamp;
}

export interface FxRatesTable {
  id: string;
  year: number;
  currency: string;
  quote_currency: string;
  rate_micros: number;
  updated_at: Timestamp;
}

export interface DistributionRulesTable {
  platform_id: string;
  name: string;
  currency: string;
  inventor_first_minor: number;
  inventor_share_bp: number;
  updated_at: Timestamp;
}

export interface DistributionsTable {
  id: string;
  receipt_id: string;
  platform_id: string;
  /** inventor | unit | platform */
  recipient_kind: string;
  person_id: string | null;
  recipient_name: string;
  unit_id: string | null;
  amount_minor: number;
  currency: string;
  received_date: string;
}
