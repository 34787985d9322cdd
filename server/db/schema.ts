import type { ColumnType } from 'kysely';

/**
 * Table types shared by both databases. Portable storage conventions (docs/adr/0002):
 * ids are UUIDv7 text, timestamps ISO-8601 UTC text, booleans integer 0/1, JSON as text,
 * money integer minor units (bigint) with an ISO-4217 currency column.
 */
export type Timestamp = string;
export type Flag = 0 | 1;

type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface PlatformsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  model: string;
  supervising_department_zh: WithDefault<string | null>;
  supervising_department_en: WithDefault<string | null>;
  committee_appointer_zh: WithDefault<string | null>;
  committee_appointer_en: WithDefault<string | null>;
  country: WithDefault<string | null>;
  founded_year: WithDefault<number | null>;
  description_zh: WithDefault<string | null>;
  description_en: WithDefault<string | null>;
  notes: WithDefault<string | null>;
  rating_funding: WithDefault<number>;
  rating_rd: WithDefault<number>;
  rating_management: WithDefault<number>;
  fiscal_year_start_month: WithDefault<number>;
  default_currency: WithDefault<string>;
  is_illustrative: WithDefault<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformFundingTable {
  id: string;
  platform_id: string;
  year: number;
  /** appropriation | social_capital | member_dues | service_income | licence_income */
  source: string;
  amount_minor: number;
  currency: string;
  is_illustrative: WithDefault<Flag>;
  note: string | null;
}

export interface TechFieldsTable {
  id: string;
  parent_id: string | null;
  code: string;
  name_zh: string;
  name_en: string;
  sort_order: WithDefault<number>;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformFieldsTable {
  platform_id: string;
  field_id: string;
}

export interface OrganisationsTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  /** Normalised name for duplicate detection (server/modules/orgs). */
  name_key: string;
  /** enterprise | university | institute | government | other */
  type: string;
  /** large | sme (enterprises only) */
  enterprise_size: string | null;
  /** 统一社会信用代码, GB 32100-2015, check character verified */
  credit_code: string | null;
  registry_id: string | null;
  country: WithDefault<string>;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  website: string | null;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitsTable {
  id: string;
  platform_id: string;
  /** laboratory | center | office */
  kind: string;
  code: string | null;
  name_zh: string;
  name_en: string;
  director_person_id: string | null;
  description_zh: string | null;
  description_en: string | null;
  sort_order: WithDefault<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitFieldsTable {
  unit_id: string;
  field_id: string;
}

export interface UnitStaffTable {
  id: string;
  unit_id: string;
  person_id: string;
  /** director | researcher | engineer | technician | administrator */
  position: string;
  created_at: Timestamp;
}

export interface CommitteeMembersTable {
  id: string;
  platform_id: string;
  person_id: string;
  /** academic | lab | industry */
  category: string;
  organisation_id: string | null;
  term_start: string;
  term_end: string | null;
  appointed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitteeMemberFieldsTable {
  member_id: string;
  field_id: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_system_admin: Flag;
  locale: string;
  failed_login_count: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  platform_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  platform_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** R&D calls (DOMAIN.md §4), issue 4; migration 0003. JSON columns follow server/modules/programs/calls.schema.ts. */
export interface CallsTable {
  id: string;
  platform_id: string;
  code: string;
  title_zh: string;
  title_en: string;
  summary_zh: string | null;
  summary_en: string | null;
  /** draft | published | closed | reviewing | decided | archived (common/calls.ts) */
  state: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  currency: string;
  budget_total_minor: number;
  ceiling_minor: number;
  /** JSON of eligibilityRules (common/eligibility.ts) */
  eligibility_json: string;
  /** JSON of callCriteria (common/calls.ts) */
  criteria_json: string;
  reviewers_per_application: number;
  /** JSON of requiredAttachment[] (common/calls.ts) */
  required_attachments_json: string;
  /** JSON of checklistItem[] (common/calls.ts) */
  screening_checklist_json: string;
  resubmit_window_days: number;
  created_by: string | null;
  published_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallFieldsTable {
  call_id: string;
  field_id: string;
}

export interface CallDeadlineExtensionsTable {
  id: string;
  call_id: string;
  previous_closes_at: Timestamp;
  closes_at: Timestamp;
  reason: string;
  actor_id: string | null;
  at: Timestamp;
}

/** The notification centre (in-app, and e-mail through the outbox); migration 0003. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  platform_id: string | null;
  /** e.g. call.deadline_extended, application.returned (server/modules/notifications/notifications.templates.ts) */
  kind: string;
  entity_type: string;
  entity_id: string | null;
  params_json: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** none | pending | sent | failed */
  email_state: string;
  email_error: string | null;
  email_attempts: WithDefault<number>;
  email_next_at: Timestamp | null;
  email_sent_at: Timestamp | null;
}

/** Projects (DOMAIN.md §3, §6): intramural (registered by a lab) or extramural (from an application). */
export interface ProjectsTable {
  id: string;
  platform_id: string;
  unit_id: string | null;
  /** intramural | extramural */
  kind: string;
  code: string;
  title_zh: string;
  title_en: string;
  summary_zh: string | null;
  summary_en: string | null;
  application_id: string | null;
  lead_org_id: string | null;
  budget_minor: number;
  currency: string;
  starts_on: string;
  ends_on: string;
  /** active | completed | terminated */
  state: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectFieldsTable {
  project_id: string;
  field_id: string;
}

/** Consortium applications to R&D calls (DOMAIN.md §4), issue 4; migration 0004. */
export interface ApplicationsTable {
  id: string;
  call_id: string;
  platform_id: string;
  owner_user_id: string;
  lead_org_id: string;
  /** common/applications.ts APPLICATION_STATES */
  state: string;
  /** The current version (the draft being edited, or the last frozen one). */
  version_no: number;
  title_zh: string | null;
  title_en: string | null;
  field_id: string | null;
  requested_total_minor: number;
  currency: string;
  receipt_no: string | null;
  submitted_at: Timestamp | null;
  resubmit_deadline: Timestamp | null;
  withdraw_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationVersionsTable {
  id: string;
  application_id: string;
  call_id: string;
  version_no: number;
  /** JSON of applicationContent (server/modules/applications/applications.schema.ts) */
  content_json: string;
  /** Set when submitted: the version is frozen from then on. */
  frozen_at: Timestamp | null;
  /** Canonical JSON (common/canonical-json.ts) of the whole version as submitted. */
  snapshot_json: string | null;
  /** sha256 hex of snapshot_json */
  checksum: string | null;
  receipt_seq: number | null;
  receipt_no: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationMembersTable {
  id: string;
  version_id: string;
  /** 0 = the lead organisation */
  position: number;
  organisation_id: string;
  contact_person_id: string | null;
  role: string | null;
  requested_minor: number;
  cofunding_minor: number;
}

export interface ApplicationBudgetLinesTable {
  version_id: string;
  organisation_id: string;
  /** common/applications.ts COST_CATEGORIES */
  category: string;
  amount_minor: number;
}

export interface ApplicationAttachmentsTable {
  id: string;
  version_id: string;
  /** The call's required-attachment key */
  key: string;
  file_name: string;
  /** pdf | docx | xlsx | image, from the bytes */
  type: string;
  media_type: string;
  size_bytes: number;
  /** sha256 hex; the file is stored as DATA_DIR/attachments/<sha256> */
  sha256: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface ApplicationInvitationsTable {
  id: string;
  application_id: string;
  organisation_id: string;
  person_id: string;
  user_id: string | null;
  /** in_app | email */
  channel: string;
  /** sha256 of the one-time link's token (e-mail channel only) */
  token_hash: string | null;
  role: string | null;
  /** The member's terms as invited; a confirmation holds only while the consortium keeps them. */
  requested_minor: number;
  cofunding_minor: number;
  /** pending | confirmed | declined | revoked */
  state: string;
  note: string | null;
  invited_by: string | null;
  invited_at: Timestamp;
  responded_at: Timestamp | null;
  expires_at: Timestamp;
}

export interface ApplicationTransitionsTable {
  id: string;
  application_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  version_no: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  reason: string | null;
}

export interface ApplicationScreeningsTable {
  id: string;
  application_id: string;
  version_no: number;
  answers_json: string;
  /** pass | return | reject, or null while answers are being saved */
  outcome: string | null;
  reasons: string | null;
  officer_id: string | null;
  officer_label: string;
  at: Timestamp;
}

export interface CallReceiptCountersTable {
  call_id: string;
  last_seq: number;
}

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

export interface ResultFieldsTable {
  result_id: string;
  field_id: string;
}

/** The portable search index of results: one row per (result, term). */
export interface ResultTermsTable {
  result_id: string;
  term: string;
  weight: number;
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

export interface DB {
  platforms: PlatformsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  platform_funding: PlatformFundingTable;
  tech_fields: TechFieldsTable;
  platform_fields: PlatformFieldsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  org_units: OrgUnitsTable;
  unit_fields: UnitFieldsTable;
  unit_staff: UnitStaffTable;
  committee_members: CommitteeMembersTable;
  committee_member_fields: CommitteeMemberFieldsTable;
  calls: CallsTable;
  call_fields: CallFieldsTable;
  call_deadline_extensions: CallDeadlineExtensionsTable;
  notifications: NotificationsTable;
  projects: ProjectsTable;
  project_fields: ProjectFieldsTable;
  applications: ApplicationsTable;
  application_versions: ApplicationVersionsTable;
  application_members: ApplicationMembersTable;
  application_budget_lines: ApplicationBudgetLinesTable;
  application_attachments: ApplicationAttachmentsTable;
  application_invitations: ApplicationInvitationsTable;
  application_transitions: ApplicationTransitionsTable;
  application_screenings: ApplicationScreeningsTable;
  call_receipt_counters: CallReceiptCountersTable;
  results: ResultsTable;
  result_fields: ResultFieldsTable;
  result_terms: ResultTermsTable;
  inquiries: InquiriesTable;
  inquiry_transitions: InquiryTransitionsTable;
  ip_disclosures: IpDisclosuresTable;
  ip_inventors: IpInventorsTable;
  ip_filings: IpFilingsTable;
  ip_other_assets: IpOtherAssetsTable;
  agreements: AgreementsTable;
  agreement_ip: AgreementIpTable;
  receipts: ReceiptsTable;
  fx_rates: FxRatesTable;
  distribution_rules: DistributionRulesTable;
  distributions: DistributionsTable;
}

/** Every table in foreign-key order (parents first); backup and restore rely on it, a test checks it is complete. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'platforms',
  'users',
  'role_assignments',
  'sessions',
  'api_tokens',
  'platform_funding',
  'tech_fields',
  'platform_fields',
  'organisations',
  'people',
  'org_units',
  'unit_fields',
  'unit_staff',
  'committee_members',
  'committee_member_fields',
  'calls',
  'call_fields',
  'call_deadline_extensions',
  'notifications',
  'projects',
  'project_fields',
  'applications',
  'application_versions',
  'application_members',
  'application_budget_lines',
  'application_attachments',
  'application_invitations',
  'application_transitions',
  'application_screenings',
  'call_receipt_counters',
  'results',
  'result_fields',
  'result_terms',
  'inquiries',
  'inquiry_transitions',
  'ip_disclosures',
  'ip_inventors',
  'ip_filings',
  'ip_other_assets',
  'agreements',
  'agreement_ip',
  'receipts',
  'fx_rates',
  'distribution_rules',
  'distributions',
  'audit_head',
  'audit_log',
] as const satisfies readonly (keyof DB)[];
