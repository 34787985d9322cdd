import type { Timestamp } from './columns.js';

// The committee's periodic evaluation of a platform's units (issue 13; migration 0019;
// docs/lab-evaluation.md). Owned by server/modules/lab-evaluations.

/** One period's evaluation round: the criteria (common/calls.ts CallCriteria as JSON), the chair, the adopted report. */
export interface LabEvalRoundsTable {
  id: string;
  platform_id: string;
  /** Fiscal years of the platform, first and last (a fiscal year is named by the year it ends in). */
  from_year: number;
  to_year: number;
  start_date: string;
  end_date: string;
  criteria_json: string;
  chair_member_id: string;
  /** open | adopted */
  state: string;
  opened_by: string | null;
  opened_at: Timestamp;
  adopted_by: string | null;
  adopted_at: Timestamp | null;
  /** The adopted report (canonical JSON) and its sha256; null while open. */
  report_json: string | null;
  report_sha256: string | null;
}

/** A unit under evaluation and its portfolio for the period, frozen when the round opened. */
export interface LabEvalUnitsTable {
  round_id: string;
  unit_id: string;
  portfolio_json: string;
}

/** Why a member does not rate a unit: the rule and the evidence found. */
export interface LabEvalConflictsTable {
  id: string;
  round_id: string;
  unit_id: string;
  member_id: string;
  /** unit_director | unit_staff */
  rule: string;
  evidence_json: string;
  found_at: Timestamp;
}

/** A member's scorecard for a unit (the assignment): draft until submitted. */
export interface LabEvalScorecardsTable {
  id: string;
  round_id: string;
  unit_id: string;
  member_id: string;
  /** draft | submitted */
  state: string;
  overall_comment: string | null;
  /** The weighted total on the round's scale, once submitted. */
  total: number | null;
  submitted_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface LabEvalScoresTable {
  scorecard_id: string;
  criterion: string;
  score: number;
  comment: string;
}

export interface LabEvaluationTables {
  lab_eval_rounds: LabEvalRoundsTable;
  lab_eval_units: LabEvalUnitsTable;
  lab_eval_conflicts: LabEvalConflictsTable;
  lab_eval_scorecards: LabEvalScorecardsTable;
  lab_eval_scores: LabEvalScoresTable;
}

export const LAB_EVALUATION_TABLES = [
  'lab_eval_rounds',
  'lab_eval_units',
  'lab_eval_conflicts',
  'lab_eval_scorecards',
  'lab_eval_scores',
] as const satisfies readonly (keyof LabEvaluationTables)[];
