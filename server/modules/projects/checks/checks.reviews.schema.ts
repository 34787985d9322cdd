import { z } from 'zod';
import { CHECK_VERDICTS, INDICATOR_JUDGEMENTS } from '../../../../common/project-checks.js';
import { INDICATOR_TYPES, SPENDING_CATEGORIES } from '../../../../common/projects.js';

/**
 * The two reviews of 结题验收 (issue 13; docs/projects.md "Final acceptance"): the task review of the
 * report's indicator table and the financial review of spending against the budget. Each has its own
 * outcome (通过 / 整改 / 不通过); the check's verdict can be no better than either.
 */
const notes = z.string().trim().min(1).max(4000);
const indicatorValue = z.union([z.number(), z.string().max(40), z.boolean()]);

export const taskReviewBody = z.strictObject({
  outcome: z.enum(CHECK_VERDICTS),
  /** Met or not per indicator (`index`), with the actual value where the reviewer found another. */
  indicators: z
    .array(
      z.strictObject({ index: z.int().min(0).max(49), met: z.boolean(), actual: indicatorValue.optional() }),
    )
    .max(50)
    .default([]),
  notes,
});
export type TaskReviewInput = z.infer<typeof taskReviewBody>;

export const financialReviewBody = z.strictObject({
  outcome: z.enum(CHECK_VERDICTS),
  notes,
  /** The audit firm's report, uploaded first as evidence of subject `audit_report` for this check. */
  auditReportId: z.uuid().optional(),
});
export type FinancialReviewInput = z.infer<typeof financialReviewBody>;

export const taskReview = z.object({
  version: z.int(),
  reportSha256: z.string(),
  outcome: z.enum(CHECK_VERDICTS),
  indicators: z.array(
    z.object({
      index: z.int(),
      name: z.string(),
      type: z.enum(INDICATOR_TYPES),
      target: indicatorValue,
      /** What the report gave, or the reviewer's finding. */
      actual: indicatorValue,
      judgement: z.enum(INDICATOR_JUDGEMENTS),
      met: z.boolean(),
    }),
  ),
  notes: z.string(),
});
export type TaskReview = z.infer<typeof taskReview>;

const moneyLine = {
  plannedMinor: z.int(),
  spentMinor: z.int(),
  /** Spent over planned, 0–1 and above when over-spent; null when nothing was planned. */
  rate: z.number().nullable(),
  overspent: z.boolean(),
};

export const financialReview = z.object({
  version: z.int(),
  reportSha256: z.string(),
  outcome: z.enum(CHECK_VERDICTS),
  currency: z.string(),
  /** The approved budget (the signed 任务书 with its approved 预算调剂) against the spending records. */
  total: z.object(moneyLine),
  byCategory: z.array(z.object({ category: z.enum(SPENDING_CATEGORIES), ...moneyLine })),
  byMember: z.array(z.object({ organisationId: z.string(), name: z.string(), ...moneyLine })),
  /** The member × category lines spent beyond their budget. */
  overspent: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      category: z.enum(SPENDING_CATEGORIES),
      plannedMinor: z.int(),
      spentMinor: z.int(),
    }),
  ),
  auditReport: z.object({ id: z.string(), fileName: z.string() }).nullable(),
  notes: z.string(),
});
export type FinancialReview = z.infer<typeof financialReview>;

/** The reviews of one report version as the check's readers see them. */
export const checkReviews = z.object({
  task: taskReview.extend({ reviewedAt: z.string(), sha256: z.string() }).nullable(),
  financial: financialReview.extend({ reviewedAt: z.string(), sha256: z.string() }).nullable(),
});
export type CheckReviews = z.infer<typeof checkReviews>;
