import { z } from 'zod';

/** Completion of the 任务书's milestones (issue 13): submitted by the project, decided by the officer. */
/** A milestone by its position in the frozen 任务书. */
const milestone = z.int().min(0).max(49);

export const milestoneSubmissionBody = z.strictObject({
  milestone,
  /** What was done and where the deliverables are. */
  note: z.string().trim().min(1).max(4000),
});
export type MilestoneSubmissionInput = z.infer<typeof milestoneSubmissionBody>;

export const milestoneDecisionBody = z.strictObject({
  milestone,
  decision: z.enum(['accepted', 'rejected']),
  /** Required when rejecting. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type MilestoneDecisionInput = z.infer<typeof milestoneDecisionBody>;

export const milestoneView = z.object({
  index: z.int(),
  title: z.string(),
  dueOn: z.string(),
  deliverables: z.array(z.string()),
  review: z
    .object({
      state: z.enum(['submitted', 'accepted', 'rejected']),
      note: z.string(),
      submittedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
    })
    .nullable(),
  /** Whether the caller may submit (or resubmit) it now, and decide it now. */
  access: z.object({ submit: z.boolean(), decide: z.boolean() }),
});
export type MilestoneView = z.infer<typeof milestoneView>;

export const milestoneList = z.object({ projectId: z.uuid(), items: z.array(milestoneView) });
export type MilestoneList = z.infer<typeof milestoneList>;
