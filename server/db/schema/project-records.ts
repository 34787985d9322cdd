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
  /** milestone | spending | audit_report | report (migration 0058) */
  subject: string;
  /** The milestone's index in the frozen 任务书, the spending entry's id, the check's id, or the report's
   * `kind:dueOn`. */
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

/** An amendment (变更) of a frozen 任务书, numbered per project (migration 0058, docs/adr/0041). */
export interface ProjectAmendmentsTable {
  id: string;
  project_id: string;
  number: number;
  /** The 任务书 version it was proposed against, and the version its approval froze. */
  from_version: number;
  to_version: number | null;
  /** JSON of amendmentChanges (server/modules/projects/projects.amendments.schema.ts) */
  changes_json: string;
  reason: string;
  /** proposed | approved | refused | withdrawn */
  state: string;
  proposed_by: string | null;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

/** Every frozen version of a 任务书: 1 as signed, then one per approved amendment (migration 0058). */
export interface ProjectAgreementVersionsTable {
  project_id: string;
  version: number;
  /** Canonical JSON (common/canonical-json.ts) of the version */
  snapshot_json: string;
  /** sha256 hex of snapshot_json */
  checksum: string;
  amendment_id: string | null;
  frozen_at: Timestamp;
}

export interface ProjectRecordTables {
  project_outputs: ProjectOutputsTable;
  project_evidence: ProjectEvidenceTable;
  project_amendments: ProjectAmendmentsTable;
  project_agreement_versions: ProjectAgreementVersionsTable;
}

export const PROJECT_RECORD_TABLES = [
  'project_outputs',
  'project_evidence',
  'project_amendments',
  'project_agreement_versions',
] as const satisfies readonly (keyof ProjectRecordTables)[];
