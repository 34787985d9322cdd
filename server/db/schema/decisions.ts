import type { Timestamp } from './columns.js';

// Funding decisions within the call budget (selection, cut-off, overrides); migration 0011.
export interface FundingDecisionsTable {
  id: string;
  call_id: string;
  /** draft | final */
  state: string;
  budget_minor: number;
  currency: string;
  /** JSON of the constraints (field balance, SME share) */
  constraints_json: string;
  solver: string;
  objective: number;
  millis: number;
  /** JSON of the cut-off explanation */
  explanation_json: string;
  created_by: string | null;
  created_at: Timestamp;
  finalised_by: string | null;
  finalised_at: Timestamp | null;
}

export interface FundingDecisionItemsTable {
  decision_id: string;
  application_id: string;
  rank: number;
  score: number;
  requested_minor: number;
  /** approved | waitlisted | declined, as the optimiser chose */
  optimiser_outcome: string;
  /** the outcome after overrides */
  outcome: string;
  override_reason: string | null;
}

export interface DecisionsTables {
  funding_decisions: FundingDecisionsTable;
  funding_decision_items: FundingDecisionItemsTable;
}

export const DECISIONS_TABLES = [
  'funding_decisions',
  'funding_decision_items',
] as const satisfies readonly (keyof DecisionsTables)[];
