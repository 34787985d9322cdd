import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_platforms_orgs_fields.js';
import * as m0003 from './migrations/0003_calls_notifications_projects.js';
import * as m0004 from './migrations/0004_applications.js';
import * as m0005 from './migrations/0005_results_inquiries.js';
import * as m0006 from './migrations/0006_ip_agreements.js';
import * as m0007 from './migrations/0007_experts.js';
import * as m0008 from './migrations/0008_conflicts.js';
import * as m0009 from './migrations/0009_assignment.js';
import * as m0010 from './migrations/0010_scoring.js';
import * as m0011 from './migrations/0011_decisions.js';
import * as m0012 from './migrations/0012_mfa.js';
import * as m0013 from './migrations/0013_audit_append_only.js';
import * as m0014 from './migrations/0014_person_links.js';
import * as m0015 from './migrations/0015_auth_hardening.js';
import * as m0016 from './migrations/0016_projects_lifecycle.js';
import * as m0017 from './migrations/0017_password_policy.js';
import * as m0018 from './migrations/0018_projects_execution.js';
import * as m0019 from './migrations/0019_lab_evaluations.js';
import * as m0020 from './migrations/0020_services.js';
import * as m0021 from './migrations/0021_open_data.js';
import * as m0023 from './migrations/0023_project_checks.js';
import * as m0024 from './migrations/0024_projects_execution.js';
import * as m0025 from './migrations/0025_vouchers.js';
import * as m0026 from './migrations/0026_security_events.js';
import * as m0028 from './migrations/0028_project_records.js';
import * as m0033 from './migrations/0033_needs.js';
import * as m0034 from './migrations/0034_analytics_indexes.js';
import * as m0037 from './migrations/0037_project_evidence.js';
import * as m0040 from './migrations/0040_receipt_months.js';
import * as m0041 from './migrations/0041_project_check_reviews.js';
import * as m0042 from './migrations/0042_project_spending_totals.js';
import * as m0048 from './migrations/0048_account_recovery.js';
import * as m0049 from './migrations/0049_report_reminders.js';
import * as m0050 from './migrations/0050_spending_evidence_ref.js';
import * as m0051 from './migrations/0051_project_figures.js';
import * as m0055 from './migrations/0055_call_contacts_announcements.js';
import * as m0056 from './migrations/0056_result_search_counts.js';
import * as m0057 from './migrations/0057_result_terms_pairs.js';
import * as m0058 from './migrations/0058_agreement_amendments.js';
import * as m0059 from './migrations/0059_project_check_runs.js';
import * as m0060 from './migrations/0060_transfer_months.js';
import * as m0061 from './migrations/0061_reminder_deliveries.js';
import * as m0062 from './migrations/0062_self_registration.js';
import * as m0063 from './migrations/0063_instrument_bookings_org_key.js';
import * as m0066 from './migrations/0066_result_years.js';
import * as m0067 from './migrations/0067_licence_figures.js';
import * as m0068 from './migrations/0068_service_request_numbers.js';
import * as m0069 from './migrations/0069_agreements_partner_active.js';
import * as m0070 from './migrations/0070_result_terms_by_result.js';
import * as m0071 from './migrations/0071_licence_receipt_spans.js';
import * as m0072 from './migrations/0072_result_term_bits.js';

/** Migrations are listed here in order; the list is the single source for CLI, boot and tests. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_platforms_orgs_fields': m0002,
  '0003_calls_notifications_projects': m0003,
  '0004_applications': m0004,
  '0005_results_inquiries': m0005,
  '0006_ip_agreements': m0006,
  '0007_experts': m0007,
  '0008_conflicts': m0008,
  '0009_assignment': m0009,
  '0010_scoring': m0010,
  '0011_decisions': m0011,
  '0012_mfa': m0012,
  '0013_audit_append_only': m0013,
  '0014_person_links': m0014,
  '0015_auth_hardening': m0015,
  '0016_projects_lifecycle': m0016,
  '0017_password_policy': m0017,
  '0018_projects_execution': m0018,
  '0019_lab_evaluations': m0019,
  '0020_services': m0020,
  '0021_open_data': m0021,
  '0023_project_checks': m0023,
  '0024_projects_execution': m0024,
  '0025_vouchers': m0025,
  '0026_security_events': m0026,
  '0028_project_records': m0028,
  '0033_needs': m0033,
  '0034_analytics_indexes': m0034,
  '0037_project_evidence': m0037,
  '0040_receipt_months': m0040,
  '0041_project_check_reviews': m0041,
  '0042_project_spending_totals': m0042,
  '0048_account_recovery': m0048,
  '0049_report_reminders': m0049,
  '0050_spending_evidence_ref': m0050,
  '0051_project_figures': m0051,
  '0055_call_contacts_announcements': m0055,
  '0056_result_search_counts': m0056,
  '0057_result_terms_pairs': m0057,
  '0058_agreement_amendments': m0058,
  '0059_project_check_runs': m0059,
  '0060_transfer_months': m0060,
  '0061_reminder_deliveries': m0061,
  '0062_self_registration': m0062,
  '0063_instrument_bookings_org_key': m0063,
  '0066_result_years': m0066,
  '0067_licence_figures': m0067,
  '0068_service_request_numbers': m0068,
  '0069_agreements_partner_active': m0069,
  '0070_result_terms_by_result': m0070,
  '0071_licence_receipt_spans': m0071,
  '0072_result_term_bits': m0072,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

export const latestMigration = Object.keys(migrations).at(-1)!;
