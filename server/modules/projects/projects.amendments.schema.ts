import { z } from 'zod';
import { AMENDMENT_SECTIONS, AMENDMENT_STATES } from '../../../common/projects.amendments.js';
import {
  agreementContent,
  agreementIndicator,
  agreementMilestone,
  reportDue,
  scheduledReport,
} from './projects.agreement.schema.js';

/**
 * Amendments (变更) of a frozen 任务书 (issue 13, docs/adr/0041): the sections they may change, each given
 * whole as it should read in the new version (the form starts from the current one). Not the budget: it
 * changes through 预算调剂 only.
 */
export const amendmentChanges = z.strictObject({
  endsOn: z.iso.date().optional(),
  objectives: z.array(z.string().trim().min(1).max(1000)).min(1).max(30).optional(),
  indicators: z.array(agreementIndicator).min(1).max(50).optional(),
  milestones: z.array(agreementMilestone).max(50).optional(),
  schedule: z.array(scheduledReport).min(1).max(60).optional(),
});
export type AmendmentChanges = z.infer<typeof amendmentChanges>;

export const amendmentBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  changes: amendmentChanges,
});
export type AmendmentInput = z.infer<typeof amendmentBody>;

export const amendmentDecisionBody = z.strictObject({
  decision: z.enum(['approved', 'refused']),
  /** Required when refusing. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type AmendmentDecisionInput = z.infer<typeof amendmentDecisionBody>;

export const amendmentIdParams = z.object({ id: z.uuid(), amendmentId: z.uuid() });

export const agreementChange = z.object({
  section: z.enum(AMENDMENT_SECTIONS),
  index: z.int().nullable(),
  label: z.string().nullable(),
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const amendmentView = z.object({
  id: z.uuid(),
  number: z.int(),
  state: z.enum(AMENDMENT_STATES),
  changes: amendmentChanges,
  /** What it changes against the version it was proposed on, section by section. */
  diff: z.array(agreementChange),
  reason: z.string(),
  fromVersion: z.int(),
  toVersion: z.int().nullable(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** What the caller may do with it now. */
  access: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
});
export type AmendmentView = z.infer<typeof amendmentView>;

export const amendmentList = z.object({
  projectId: z.uuid(),
  items: z.array(amendmentView),
  access: z.object({ propose: z.boolean() }),
});
export type AmendmentList = z.infer<typeof amendmentList>;

export const agreementVersionView = z.object({
  version: z.int(),
  checksum: z.string(),
  frozenAt: z.string(),
  amendmentId: z.uuid().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  content: agreementContent,
  schedule: z.array(reportDue),
  /** What changed from the version before (empty for version 1). */
  diff: z.array(agreementChange),
});
export const agreementVersionList = z.object({ projectId: z.uuid(), items: z.array(agreementVersionView) });
export type AgreementVersionList = z.infer<typeof agreementVersionList>;
