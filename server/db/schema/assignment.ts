import type { Timestamp } from './columns.js';

// Review settings of a call, assignment runs, hand overrides and the invited seats; migration 0009.
export interface CallReviewSettingsTable {
  call_id: string;
  rule_set_id: string;
  /** JSON { academic, lab, industry } minimum reviewers of each category per application */
  composition_json: string;
  load_min: number;
  load_max: number;
  /** Hybrid mode: draw among each application's top N candidates by affinity */
  hybrid_top_n: number;
  /** Days an invited expert has to accept or decline */
  response_days: number;
  scoring_closes_at: Timestamp | null;
  /** JSON of the panel's thresholds per criterion and total (common/review.ts) */
  thresholds_json: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** One run of the engine, kept whole so an auditor can replay it and get the identical result. */
export interface AssignmentRunsTable {
  id: string;
  call_id: string;
  /** optimal | random | hybrid */
  mode: string;
  /** initial | refill */
  purpose: string;
  seed: string | null;
  solver: string;
  input_hash: string;
  /** The instance file (server/modules/review/engines/assignment/instance.ts) */
  instance_json: string;
  result_json: string;
  objective: number | null;
  millis: number;
  /** JSON of named phase timings in ms (build, conflicts, affinity, solve) */
  timings_json: string;
  /** draft | published | discarded */
  state: string;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
}

/** A pair pinned or forbidden by hand, with the reason; removed_at ends it. */
export interface AssignmentOverridesTable {
  id: string;
  call_id: string;
  application_id: string;
  expert_id: string;
  /** pin | forbid */
  kind: string;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: string | null;
}

/** A seat: an expert invited to review an application. */
export interface ReviewAssignmentsTable {
  id: string;
  call_id: string;
  application_id: string;
  expert_id: string;
  run_id: string;
  /** invited | accepted | declined | expired */
  state: string;
  /** What other reviewers and applicants see instead of the name (e.g. 专家 A / Reviewer A) */
  label: string;
  invited_at: Timestamp;
  respond_by: Timestamp;
  responded_at: Timestamp | null;
  decline_reason: string | null;
}

export interface AssignmentTables {
  call_review_settings: CallReviewSettingsTable;
  assignment_runs: AssignmentRunsTable;
  assignment_overrides: AssignmentOverridesTable;
  review_assignments: ReviewAssignmentsTable;
}

export const ASSIGNMENT_TABLES = [
  'call_review_settings',
  'assignment_runs',
  'assignment_overrides',
  'review_assignments',
] as const satisfies readonly (keyof AssignmentTables)[];
