import type { Timestamp, WithDefault } from './columns.js';

// Calls, notifications, projects (migration 0003) and consortium applications (migration 0004).
/** R&D calls (DOMAIN.md §4), issue 4; migration 0003. JSON columns follow server/modules/calls/calls.schema.ts. */
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
  /** the call's contact person (migration 0055) */
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
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
  /** common/projects.ts PROJECT_STATES */
  state: string;
  /** passed | failed once closed (结题) */
  outcome: string | null;
  /**
   * The portfolio's figures, kept by the writes that change them (migration 0051, docs/adr/0035,
   * common/projects.figures.ts): the approved plan (null before the 任务书 is frozen), the spending,
   * a member × category spent beyond its plan (0/1), the indicators and those the latest check report
   * judged met, and the earliest report of the schedule not yet submitted.
   */
  planned_minor: number | null;
  spent_minor: WithDefault<number>;
  overspent: WithDefault<number>;
  indicators_total: WithDefault<number>;
  indicators_met: number | null;
  next_report_kind: string | null;
  next_report_due_on: string | null;
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
