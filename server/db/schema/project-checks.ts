import type { Timestamp } from './columns.js';

// 中期检查 / 结题验收 with the dual evaluation and 绩效评价 (issue 13; migration 0023;
// docs/projects.md "Checks"). Owned by server/modules/projects.

/** One check of a project: interim or final, its criteria (common/calls.ts CallCriteria as JSON). */
export interface ProjectChecksTable {
  id: string;
  project_id: string;
  /** interim | final */
  kind: string;
  /** open | under_review | rectification | decided */
  state: string;
  due_on: string;
  criteria_json: string;
  /** The current report version (0 until the first submission). */
  version: number;
  /** The last adopted verdict: pass | rectify | fail. */
  verdict: string | null;
  opened_by: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
}

/** A submitted report version (frozen: canonical JSON + sha256) and the panel's adoption of it. */
export interface ProjectCheckReportsTable {
  check_id: string;
  version: number;
  report_json: string;
  report_sha256: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
  verdict: string | null;
  adoption_json: string | null;
  adoption_sha256: string | null;
  adopted_by: string | null;
  adopted_at: Timestamp | null;
}

/** An expert on a check's panel; `chair` (0/1) may adopt the verdict besides the officers. */
export interface ProjectCheckPanelTable {
  check_id: string;
  expert_id: string;
  chair: number;
  assigned_by: string | null;
  assigned_at: Timestamp;
  /** invited (offered by an engine run) | accepted | declined (migration 0059; hand seats are accepted) */
  state: string;
  run_id: string | null;
  respond_by: string | null;
  responded_at: string | null;
  decline_reason: string | null;
}

/** One run of the assignment engine over checks of a platform, kept whole (migration 0059). */
export interface ProjectCheckRunsTable {
  id: string;
  platform_id: string;
  check_ids_json: string;
  mode: string;
  purpose: string;
  panel_size: number;
  rule_set_id: string;
  seed: string | null;
  solver: string;
  input_hash: string;
  instance_json: string;
  result_json: string;
  objective: number | null;
  millis: number;
  created_by: string | null;
  created_at: Timestamp;
}

/** Why an expert may not evaluate the project: the rule and the evidence found. */
export interface ProjectCheckConflictsTable {
  id: string;
  check_id: string;
  expert_id: string;
  /** The key of the rule of the rule set that matched (e.g. same_organisation, consortium_member). */
  rule: string;
  evidence_json: string;
  found_at: Timestamp;
  rule_set_id: string | null;
  run_id: string | null;
}

/** An expert's scorecard on one report version: draft until submitted. */
export interface ProjectCheckScorecardsTable {
  id: string;
  check_id: string;
  version: number;
  expert_id: string;
  /** draft | submitted */
  state: string;
  overall_comment: string | null;
  total: number | null;
  submitted_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ProjectCheckScoresTable {
  scorecard_id: string;
  criterion: string;
  score: number;
  comment: string;
}

/** The 绩效评价 of a closed project, frozen (canonical JSON + sha256). */
export interface ProjectEvaluationsTable {
  project_id: string;
  /** excellent | good | pass | fail (优秀 / 良好 / 合格 / 不合格) */
  grade: string;
  evaluation_json: string;
  evaluation_sha256: string;
  evaluated_by: string | null;
  evaluated_at: Timestamp;
}

/** A review of a final check's report version (migration 0041): task or financial, frozen. */
export interface ProjectCheckReviewsTable {
  check_id: string;
  version: number;
  /** task | financial */
  kind: string;
  /** pass | rectify | fail */
  outcome: string;
  review_json: string;
  review_sha256: string;
  reviewed_by: string | null;
  reviewed_at: Timestamp;
}

export interface ProjectCheckTables {
  project_checks: ProjectChecksTable;
  project_check_reports: ProjectCheckReportsTable;
  project_check_panel: ProjectCheckPanelTable;
  project_check_conflicts: ProjectCheckConflictsTable;
  project_check_scorecards: ProjectCheckScorecardsTable;
  project_check_scores: ProjectCheckScoresTable;
  project_evaluations: ProjectEvaluationsTable;
  project_check_reviews: ProjectCheckReviewsTable;
  project_check_runs: ProjectCheckRunsTable;
}

export const PROJECT_CHECK_TABLES = [
  'project_checks',
  'project_check_reports',
  'project_check_panel',
  'project_check_conflicts',
  'project_check_scorecards',
  'project_check_scores',
  'project_evaluations',
  'project_check_reviews',
  'project_check_runs',
] as const satisfies readonly (keyof ProjectCheckTables)[];
