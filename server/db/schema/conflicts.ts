import type { Timestamp } from './columns.js';

// Conflict-of-interest rules 回避 as versioned data, and the excluded pairs with evidence; migration 0008.
/** A version of a rule set; a new version is a new row (same code, version + 1), old versions stay. */
export interface ConflictRuleSetsTable {
  id: string;
  /** null = a deployment-wide preset */
  platform_id: string | null;
  code: string;
  version: number;
  name_zh: string;
  name_en: string;
  /** JSON of the rules (common/conflict-rules.ts) */
  rules_json: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** One excluded (expert, application) pair of a call, with the rule and the evidence that triggered it. */
export interface ConflictExclusionsTable {
  id: string;
  call_id: string;
  application_id: string;
  expert_id: string;
  rule_set_id: string;
  /** The rule's key within the rule set, e.g. same_organisation */
  rule_key: string;
  /** JSON: what matched (organisation, output, application, declaration …) */
  evidence_json: string;
  computed_at: Timestamp;
}

/** Experts an applicant asks not to be reviewed by (at most 3 per application, as NSFC allows). */
export interface ApplicationAvoidRequestsTable {
  id: string;
  application_id: string;
  name: string;
  organisation_id: string | null;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ConflictsTables {
  conflict_rule_sets: ConflictRuleSetsTable;
  conflict_exclusions: ConflictExclusionsTable;
  application_avoid_requests: ApplicationAvoidRequestsTable;
}

export const CONFLICTS_TABLES = [
  'conflict_rule_sets',
  'conflict_exclusions',
  'application_avoid_requests',
] as const satisfies readonly (keyof ConflictsTables)[];
