import type { Timestamp } from './columns.js';

// Scorecards of the dual evaluation and the panel's consensus; migration 0010.
export interface ReviewScorecardsTable {
  id: string;
  assignment_id: string;
  call_id: string;
  application_id: string;
  expert_id: string;
  /** draft | submitted */
  state: string;
  no_conflict_declared_at: Timestamp | null;
  overall_comment: string | null;
  /** The weighted total on the call's scale, set on submission */
  weighted_total: number | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewScoresTable {
  scorecard_id: string;
  /** common/calls.ts CRITERIA */
  criterion: string;
  score: number;
  comment: string;
}

/** The panel's consensus per application. */
export interface PanelReviewsTable {
  application_id: string;
  call_id: string;
  consensus_score: number;
  report_zh: string | null;
  report_en: string | null;
  /** JSON snapshot of raw and calibrated means, flags and rank when the consensus was recorded */
  basis_json: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ScoringTables {
  review_scorecards: ReviewScorecardsTable;
  review_scores: ReviewScoresTable;
  panel_reviews: PanelReviewsTable;
}

export const SCORING_TABLES = [
  'review_scorecards',
  'review_scores',
  'panel_reviews',
] as const satisfies readonly (keyof ScoringTables)[];
