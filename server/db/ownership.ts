import type { DB } from './schema.js';

/**
 * Which module owns each table (docs/adr/0015). Only the owner's `<domain>.repository.ts` files hold
 * SQL on the table; other modules read through the owner's exported functions and write through its
 * service. Keys are module folders under server/modules. The platform layers (server/db, server/http)
 * and the demo seed are outside the rule: they are the plumbing every module stands on.
 * `server/db/ownership.unit.test.ts` enforces it and fails when a table has no owner.
 */
export const TABLE_OWNERS: { readonly [T in keyof DB]: string } = {
  // accounts and sign-in
  users: 'users',
  role_assignments: 'users',
  sessions: 'auth',
  api_tokens: 'auth',
  user_mfa: 'auth',
  mfa_recovery_codes: 'auth',
  password_history: 'auth',
  rate_limit_windows: 'platform',
  audit_log: 'audit',
  audit_head: 'audit',
  notifications: 'notifications',
  // platforms, units, people (DOMAIN §1–2)
  platforms: 'platforms',
  platform_fields: 'platforms',
  platform_funding: 'platforms',
  org_units: 'units',
  unit_fields: 'units',
  unit_staff: 'units',
  tech_fields: 'fields',
  committee_members: 'committee',
  committee_member_fields: 'committee',
  people: 'people',
  person_link_requests: 'people',
  organisations: 'orgs',
  // calls and applications (§3–4)
  calls: 'calls',
  call_fields: 'calls',
  call_deadline_extensions: 'calls',
  call_receipt_counters: 'applications',
  applications: 'applications',
  application_versions: 'applications',
  application_members: 'applications',
  application_invitations: 'applications',
  application_budget_lines: 'applications',
  application_attachments: 'applications',
  application_screenings: 'applications',
  application_transitions: 'applications',
  // review (§5)
  experts: 'review/experts',
  expert_fields: 'review/experts',
  expert_availability: 'review/experts',
  expert_declared_conflicts: 'review/experts',
  expert_outputs: 'review/experts',
  expert_output_collaborators: 'review/experts',
  conflict_rule_sets: 'review/conflicts',
  conflict_exclusions: 'review/conflicts',
  application_avoid_requests: 'review/conflicts',
  call_review_settings: 'review/runs',
  assignment_runs: 'review/runs',
  assignment_overrides: 'review/runs',
  review_assignments: 'review/runs',
  review_scorecards: 'review/scoring',
  review_scores: 'review/scoring',
  panel_reviews: 'review/scoring',
  funding_decisions: 'review/decisions',
  funding_decision_items: 'review/decisions',
  // projects (§6)
  projects: 'projects',
  project_fields: 'projects',
  // results and technology transfer (§7)
  results: 'results',
  result_fields: 'results',
  result_terms: 'results',
  inquiries: 'inquiries',
  inquiry_transitions: 'inquiries',
  ip_disclosures: 'ip',
  ip_filings: 'ip',
  ip_inventors: 'ip',
  ip_other_assets: 'ip',
  agreements: 'agreements',
  agreement_ip: 'agreements',
  distribution_rules: 'agreements',
  distributions: 'agreements',
  receipts: 'agreements',
  fx_rates: 'agreements',
};
