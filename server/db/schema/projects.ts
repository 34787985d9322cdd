import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

// Projects from 立项 through execution (issue 13); migration 0016. The projects table itself is in
// programs.ts (migration 0003).

/** The consortium of a project: the lead (position 0) and the other members, as the application had them. */
export interface ProjectMembersTable {
  id: string;
  project_id: string;
  position: number;
  organisation_id: string;
  contact_person_id: string | null;
  role: string | null;
  /** The funder's money for this member (integer minor units). */
  funded_minor: number;
  cofunding_minor: number;
}

/** The planned budget per member and cost category (common/calls.ts COST_CATEGORIES). */
export interface ProjectBudgetLinesTable {
  project_id: string;
  organisation_id: string;
  category: string;
  amount_minor: number;
}

export interface ProjectObjectivesTable {
  id: string;
  project_id: string;
  position: number;
  text: string;
}

/** 考核指标 as the application stated them (name and target in words). */
export interface ProjectIndicatorsTable {
  id: string;
  project_id: string;
  objective_id: string | null;
  position: number;
  name: string;
  target: string;
}

export interface ProjectMilestonesTable {
  id: string;
  project_id: string;
  position: number;
  title: string;
  work_package: string | null;
  /** ISO date, from the month of the work plan counted from the start date. */
  due_on: string;
}

/** Every state change of a project: the timeline. */
export interface ProjectTransitionsTable {
  id: string;
  project_id: string;
  /** common/projects.ts PROJECT_ACTIONS, or 'create' for the first row */
  action: string;
  from_state: string | null;
  to_state: string;
  /** passed | failed when the move closes the project */
  outcome: string | null;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  reason: string | null;
}

/** 任务书: the officer's draft until both sides signed, then frozen (snapshot + sha256). */
export interface ProjectAgreementsTable {
  project_id: string;
  /** JSON of agreementContent (server/modules/projects/projects.agreement.schema.ts) */
  content_json: string;
  officer_signed_by: string | null;
  officer_signed_at: Timestamp | null;
  lead_signed_by: string | null;
  lead_signed_at: Timestamp | null;
  /** Canonical JSON (common/canonical-json.ts) of the agreement as signed by both */
  snapshot_json: string | null;
  /** sha256 hex of snapshot_json */
  checksum: string | null;
  frozen_at: Timestamp | null;
  updated_at: Timestamp;
  /** The current version's number: 1 as signed, one more per approved amendment (migration 0058) */
  version: Generated<number>;
}

/** Spending of a consortium member in a 任务书 cost category (migration 0018). */
export interface ProjectSpendingTable {
  id: string;
  project_id: string;
  organisation_id: string;
  /** common/projects.ts SPENDING_CATEGORIES */
  category: string;
  /** ISO date */
  spent_on: string;
  amount_minor: number;
  description: string;
  /** The evidence's reference in the books, e.g. an invoice number (migration 0050). */
  evidence_ref: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** A 预算调剂 request, numbered per project (migration 0024). */
export interface ProjectAdjustmentsTable {
  id: string;
  project_id: string;
  version: number;
  /** common/projects.adjustments.ts: unit | funder */
  level: string;
  /** JSON array of AdjustmentGround */
  grounds_json: string;
  /** JSON array of AdjustmentChange */
  changes_json: string;
  /** the requested new end date (an extension) */
  ends_on: string | null;
  reason: string;
  /** pending | approved | rejected */
  state: string;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

/** Completion of the 任务书 milestone at index `milestone`, submitted and reviewed (migration 0024). */
export interface ProjectMilestoneReviewsTable {
  project_id: string;
  milestone: number;
  /** submitted | accepted | rejected */
  state: string;
  note: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

/** A report of the reporting schedule as the project submitted it (migration 0024). */
export interface ProjectReportsTable {
  project_id: string;
  /** annual | interim | final */
  kind: string;
  due_on: string;
  body: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
  /** sha256 of the report's canonical JSON, its files' sha256 included (migration 0058; null before) */
  sha256: string | null;
}

export interface ProjectsTables {
  project_members: ProjectMembersTable;
  project_budget_lines: ProjectBudgetLinesTable;
  project_objectives: ProjectObjectivesTable;
  project_indicators: ProjectIndicatorsTable;
  project_milestones: ProjectMilestonesTable;
  project_transitions: ProjectTransitionsTable;
  project_agreements: ProjectAgreementsTable;
  project_spending: ProjectSpendingTable;
  project_adjustments: ProjectAdjustmentsTable;
  project_milestone_reviews: ProjectMilestoneReviewsTable;
  project_reports: ProjectReportsTable;
}

export const PROJECTS_TABLES = [
  'project_members',
  'project_budget_lines',
  'project_objectives',
  'project_indicators',
  'project_milestones',
  'project_transitions',
  'project_agreements',
  'project_spending',
  'project_adjustments',
  'project_milestone_reviews',
  'project_reports',
] as const satisfies readonly (keyof ProjectsTables)[];
