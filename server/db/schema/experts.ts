import type { Flag, Timestamp, WithDefault } from './columns.js';

// The expert database 专家库 (DOMAIN.md §5; issue 5); migration 0007.
/** An expert is a person (people.id) with a review profile; the organisation is the person's. */
export interface ExpertsTable {
  id: string;
  person_id: string;
  /** academic | lab | industry (common/review.ts EXPERT_CATEGORIES) */
  category: string;
  expertise_zh: string | null;
  expertise_en: string | null;
  /** Most applications this expert reviews in one call. */
  load_max: WithDefault<number>;
  active: WithDefault<Flag>;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExpertFieldsTable {
  expert_id: string;
  field_id: string;
}

/** Past outputs: publications, patents, projects (title and abstract feed the affinity model). */
export interface ExpertOutputsTable {
  id: string;
  expert_id: string;
  /** publication | patent | project */
  kind: string;
  title: string;
  abstract: string | null;
  year: number | null;
  created_at: Timestamp;
}

/** Co-authors, co-inventors, project partners of an output (the collaboration conflict rule reads them). */
export interface ExpertOutputCollaboratorsTable {
  id: string;
  output_id: string;
  person_id: string | null;
  organisation_id: string | null;
  name: string;
}

/** Conflicts the expert declares: an organisation or a person, with the reason. */
export interface ExpertDeclaredConflictsTable {
  id: string;
  expert_id: string;
  organisation_id: string | null;
  person_id: string | null;
  reason: string;
  declared_at: Timestamp;
}

/** Windows (inclusive dates) in which the expert is available to review. No window = always available. */
export interface ExpertAvailabilityTable {
  id: string;
  expert_id: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
}

export interface ExpertsTables {
  experts: ExpertsTable;
  expert_fields: ExpertFieldsTable;
  expert_outputs: ExpertOutputsTable;
  expert_output_collaborators: ExpertOutputCollaboratorsTable;
  expert_declared_conflicts: ExpertDeclaredConflictsTable;
  expert_availability: ExpertAvailabilityTable;
}

export const EXPERTS_TABLES = [
  'experts',
  'expert_fields',
  'expert_outputs',
  'expert_output_collaborators',
  'expert_declared_conflicts',
  'expert_availability',
] as const satisfies readonly (keyof ExpertsTables)[];
