import { ACCOUNT_ACTION_LABELS } from './audit-labels.accounts.js';
import { CALL_ACTION_LABELS } from './audit-labels.calls.js';
import { PROJECT_ACTION_LABELS } from './audit-labels.projects.js';
import { SERVICE_ACTION_LABELS } from './audit-labels.services.js';
/**
 * The words of every audit action and object type the server writes (issue 12 item 6: the audit log showed
 * codes such as project.registered). audit-labels.unit.test.ts reads the server's sources and fails on an
 * action or object type written there without a label here. They live in common/ because the
 * server's audit export (server/modules/audit/audit.export.ts) writes the same words.
 *
 * The actions' words are kept by domain in audit-labels.<domain>.ts; this file is the one import point.
 */
export const ACTION_LABELS: Record<string, string> = {
  ...ACCOUNT_ACTION_LABELS,
  ...CALL_ACTION_LABELS,
  ...PROJECT_ACTION_LABELS,
  ...SERVICE_ACTION_LABELS,
};

export const ENTITY_LABELS: Record<string, string> = {
  agreement: 'Agreement',
  api_token: 'API token',
  application: 'Application',
  need: 'Technology need',
  need_contact: 'Contact about a need',
  assignment_override: 'Assignment override',
  assignment_run: 'Assignment run',
  announcement: 'Announcement',
  call: 'Call',
  call_review: 'Review settings',
  committee_member: 'Committee member',
  conflict_rule_set: 'Conflict rules',
  distribution_rule: 'Income distribution rule',
  expert: 'Expert',
  funding_decision: 'Funding decision',
  fx_rates: 'Exchange rates',
  inquiry: 'Inquiry',
  instrument: 'Instrument',
  instrument_booking: 'Instrument booking',
  invitation: 'Invitation',
  ip_disclosure: 'Invention disclosure',
  ip_filing: 'Patent filing',
  ip_other_asset: 'Other IP',
  lab_eval_round: 'Evaluation round',
  lab_eval_scorecard: 'Evaluation scorecard',
  organisation: 'Organisation',
  person: 'Person',
  person_link: 'Account link',
  platform: 'Platform',
  project: 'Project',
  project_check: 'Project check',
  project_check_scorecard: 'Check scorecard',
  project_check_run: 'Check assignment run',
  project_check_invitation: 'Check panel seat',
  project_checks: "Project's checks",
  project_reports: "Project's reports",
  receipt: 'Payment received',
  registration: 'Registration',
  result: 'Result',
  review_assignment: 'Review seat',
  review_scorecard: 'Scorecard',
  service: 'Service',
  service_request: 'Service request',
  tech_field: 'Field',
  unit: 'Unit',
  user: 'User',
  voucher: 'Voucher',
  voucher_redemption: 'Voucher redemption',
  voucher_scheme: 'Voucher scheme',
  voucher_settlement: 'Voucher settlement',
  committee: 'Committee (import)',
  experts: 'Experts (import)',
  organisations: 'Organisations (import)',
  people: 'People (import)',
  spending: 'Spending (import)',
};
