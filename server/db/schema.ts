/**
 * Table types shared by both databases, by domain under schema/, and the one DB interface and table
 * order built from them. Conventions of the column types: schema/columns.ts (docs/adr/0002).
 */
export type { Flag, Timestamp } from './schema/columns.js';

import { ACCOUNT_RECOVERY_TABLES, type AccountRecoveryTables } from './schema/account-recovery.js';
import type {
  ApiTokensTable,
  AuditHeadTable,
  AuditLogTable,
  MfaRecoveryCodesTable,
  RoleAssignmentsTable,
  SessionsTable,
  UserMfaTable,
  UsersTable,
} from './schema/accounts.js';
import { ANNOUNCEMENTS_TABLES, type AnnouncementsTables } from './schema/announcements.js';
import { ASSIGNMENT_TABLES, type AssignmentTables } from './schema/assignment.js';
import { AUTH_HARDENING_TABLES, type AuthHardeningTables } from './schema/auth-hardening.js';
import { CONFLICTS_TABLES, type ConflictsTables } from './schema/conflicts.js';
import { DECISIONS_TABLES, type DecisionsTables } from './schema/decisions.js';
import { EXPERTS_TABLES, type ExpertsTables } from './schema/experts.js';
import { LAB_EVALUATION_TABLES, type LabEvaluationTables } from './schema/lab-evaluations.js';
import { LICENCE_INCOME_TABLES, type LicenceIncomeTables } from './schema/licence-income.js';
import { NEEDS_TABLES, type NeedsTables } from './schema/needs.js';
import { OPEN_DATA_TABLES, type OpenDataTables } from './schema/open-data.js';
import { PEOPLE_LINK_TABLES, type PeopleLinkTables } from './schema/people.js';
import type {
  CommitteeMemberFieldsTable,
  CommitteeMembersTable,
  OrganisationsTable,
  OrgUnitsTable,
  PeopleTable,
  PlatformFieldsTable,
  PlatformFundingTable,
  PlatformsTable,
  TechFieldsTable,
  UnitFieldsTable,
  UnitStaffTable,
} from './schema/platforms.js';
import type {
  ApplicationAttachmentsTable,
  ApplicationBudgetLinesTable,
  ApplicationInvitationsTable,
  ApplicationMembersTable,
  ApplicationScreeningsTable,
  ApplicationsTable,
  ApplicationTransitionsTable,
  ApplicationVersionsTable,
  CallDeadlineExtensionsTable,
  CallFieldsTable,
  CallReceiptCountersTable,
  CallsTable,
  NotificationsTable,
  ProjectFieldsTable,
  ProjectsTable,
} from './schema/programs.js';
import { PROJECT_CHECK_TABLES, type ProjectCheckTables } from './schema/project-checks.js';
import { PROJECT_RECORD_TABLES, type ProjectRecordTables } from './schema/project-records.js';
import { PROJECTS_TABLES, type ProjectsTables } from './schema/projects.js';
import { REGISTRATION_TABLES, type RegistrationTables } from './schema/registrations.js';
import { REPORT_REMINDER_TABLES, type ReportReminderTables } from './schema/report-reminders.js';
import { SCORING_TABLES, type ScoringTables } from './schema/scoring.js';
import { SECURITY_EVENTS_TABLES, type SecurityEventsTables } from './schema/security-events.js';
import { SERVICES_TABLES, type ServicesTables } from './schema/services.js';
import type {
  AgreementIpTable,
  AgreementsTable,
  DistributionRulesTable,
  DistributionsTable,
  FxRatesTable,
  InquiriesTable,
  InquiryTransitionsTable,
  IpDisclosuresTable,
  IpFilingsTable,
  IpInventorsTable,
  IpOtherAssetsTable,
  ReceiptsTable,
  ResultFieldsTable,
  ResultSearchCountsTable,
  ResultSearchDocsTable,
  ResultsTable,
  ResultTermBitsTable,
  ResultTermsTable,
  ResultYearsTable,
} from './schema/transfer.js';
import { VOUCHERS_TABLES, type VouchersTables } from './schema/vouchers.js';

export type * from './schema/account-recovery.js';
export type * from './schema/accounts.js';
export type * from './schema/announcements.js';
export type * from './schema/assignment.js';
export type * from './schema/auth-hardening.js';
export type * from './schema/conflicts.js';
export type * from './schema/decisions.js';
export type * from './schema/experts.js';
export type * from './schema/lab-evaluations.js';
export type * from './schema/licence-income.js';
export type * from './schema/needs.js';
export type * from './schema/open-data.js';
export type * from './schema/platforms.js';
export type * from './schema/programs.js';
export type * from './schema/project-checks.js';
export type * from './schema/project-records.js';
export type * from './schema/projects.js';
export type * from './schema/report-reminders.js';
export type * from './schema/scoring.js';
export type * from './schema/security-events.js';
export type * from './schema/services.js';
export type * from './schema/transfer.js';
export type * from './schema/vouchers.js';

export interface DB
  extends ExpertsTables,
    ConflictsTables,
    AssignmentTables,
    ScoringTables,
    DecisionsTables,
    PeopleLinkTables,
    AuthHardeningTables,
    ProjectsTables,
    LabEvaluationTables,
    ProjectCheckTables,
    ProjectRecordTables,
    ServicesTables,
    VouchersTables,
    NeedsTables,
    LicenceIncomeTables,
    SecurityEventsTables,
    AccountRecoveryTables,
    RegistrationTables,
    ReportReminderTables,
    AnnouncementsTables,
    OpenDataTables {
  platforms: PlatformsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  user_mfa: UserMfaTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
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
  result_search_counts: ResultSearchCountsTable;
  result_search_docs: ResultSearchDocsTable;
  result_term_bits: ResultTermBitsTable;
  result_years: ResultYearsTable;
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
  'user_mfa',
  'mfa_recovery_codes',
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
  'result_search_counts',
  'result_search_docs',
  'result_term_bits',
  'result_years',
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
  ...EXPERTS_TABLES,
  ...CONFLICTS_TABLES,
  ...ASSIGNMENT_TABLES,
  ...SCORING_TABLES,
  ...DECISIONS_TABLES,
  ...PEOPLE_LINK_TABLES,
  ...AUTH_HARDENING_TABLES,
  ...OPEN_DATA_TABLES,
  ...PROJECTS_TABLES,
  ...LAB_EVALUATION_TABLES,
  ...PROJECT_CHECK_TABLES,
  ...PROJECT_RECORD_TABLES,
  ...SERVICES_TABLES,
  ...VOUCHERS_TABLES,
  ...NEEDS_TABLES,
  ...LICENCE_INCOME_TABLES,
  ...SECURITY_EVENTS_TABLES,
  ...ACCOUNT_RECOVERY_TABLES,
  ...REPORT_REMINDER_TABLES,
  ...ANNOUNCEMENTS_TABLES,
  ...REGISTRATION_TABLES,
  'audit_head',
  'audit_log',
] as const satisfies readonly (keyof DB)[];
