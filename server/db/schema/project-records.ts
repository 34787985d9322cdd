import type { Timestamp } from './columns.js';

// Execution of projects, third part (issue 13; migration 0028; docs/projects.md "Outputs").
// Owned by server/modules/projects.

/** An output another module keeps (common/project-outputs.ts OUTPUT_TYPES), linked to a project. */
export interface ProjectOutputsTable {
  id: string;
  project_id: string;
  /** result | disclosure | filing | licence | service_request */
  output_type: string;
  output_id: string;
  linked_by: string | null;
  linked_at: Timestamp;
}

export interface ProjectRecordTables {
  project_outputs: ProjectOutputsTable;
}

export const PROJECT_RECORD_TABLES = [
  'project_outputs',
] as const satisfies readonly (keyof ProjectRecordTables)[];
