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

/** A file attached as evidence to a milestone's completion or a spending entry (migration 0037). */
export interface ProjectEvidenceTable {
  id: string;
  project_id: string;
  /** milestone | spending */
  subject: string;
  /** The milestone's index in the frozen 任务书, or the spending entry's id. */
  subject_ref: string;
  file_name: string;
  /** pdf | docx | xlsx | png | jpeg (sniffed from the bytes) */
  type: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface ProjectRecordTables {
  project_outputs: ProjectOutputsTable;
  project_evidence: ProjectEvidenceTable;
}

export const PROJECT_RECORD_TABLES = [
  'project_outputs',
  'project_evidence',
] as const satisfies readonly (keyof ProjectRecordTables)[];
