import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../../../common/calls.js';

/**
 * Evidence files of project execution (issue 13): on a milestone's completion, a spending entry, or the
 * audit firm's report for the financial review of a final check (`ref` is the check's id).
 */
export const EVIDENCE_SUBJECTS = ['milestone', 'spending', 'audit_report', 'report', 'check_report'] as const;

export const evidenceUploadQuery = z.strictObject({
  subject: z.enum(EVIDENCE_SUBJECTS),
  /**
   * The milestone's index in the frozen 任务书 (digits), the spending entry's id, the check's id (an audit
   * report, a check report's file), or a report of the schedule as `kind:dueOn`.
   */
  ref: z
    .string()
    .regex(
      /^(\d{1,2}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(annual|interim|final):\d{4}-\d{2}-\d{2})$/,
    ),
});
export type EvidenceUploadQuery = z.infer<typeof evidenceUploadQuery>;

export const evidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });

export const evidenceView = z.object({
  id: z.uuid(),
  subject: z.enum(EVIDENCE_SUBJECTS),
  ref: z.string(),
  fileName: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  mediaType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** Whether the caller may remove it now (a file of a report still being written, by its authors). */
  removable: z.boolean(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const evidenceList = z.object({ projectId: z.uuid(), items: z.array(evidenceView) });
export type EvidenceList = z.infer<typeof evidenceList>;
