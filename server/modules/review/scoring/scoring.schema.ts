import { z } from 'zod';
import { COST_CATEGORIES, CRITERIA } from '../../../../common/calls.js';
import {
  MAX_COMMENT_CHARS,
  REVIEW_FLAGS,
  REVIEWER_FLAGS,
  SCORECARD_STATES,
} from '../../../../common/review-scoring.js';
import { reviewThresholds } from '../../../../common/review-thresholds.js';
import { applicationContent } from '../../applications/applications.schema.js';

/** Request and response shapes of the scorecards and the panel (issue 5; docs/review-scoring.md). */
export const assignmentIdParams = z.strictObject({ assignmentId: z.uuid() });
export const callIdParams = z.strictObject({ callId: z.uuid() });
export const applicationIdParams = z.strictObject({ applicationId: z.uuid() });
export const attachmentParams = z.strictObject({ assignmentId: z.uuid(), attachmentId: z.uuid() });

/** One criterion of a scorecard; the scale is the call's, checked by the server. */
export const scoreInput = z.strictObject({
  criterion: z.enum(CRITERIA),
  score: z.number().min(-1000).max(1000),
  comment: z.string().max(MAX_COMMENT_CHARS),
});
export const scorecardBody = z.strictObject({
  scores: z.array(scoreInput).max(CRITERIA.length * 2),
  overallComment: z.string().trim().max(MAX_COMMENT_CHARS).nullable().optional(),
});
export type ScorecardInput = z.infer<typeof scorecardBody>;
export const declarationBody = z.strictObject({
  /** The expert declares having no conflict of interest with this application. */
  noConflict: z.literal(true),
});

const orgRef = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
});
/** The application as a reviewer reads it: the frozen content, no contacts, no owner, no other reviewers. */
export const reviewerApplicationView = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callTitleZh: z.string(),
  callTitleEn: z.string(),
  versionNo: z.number().int(),
  receiptNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  currency: z.string(),
  requestedTotalMinor: z.number().int(),
  content: applicationContent,
  consortium: z.array(
    z.object({
      position: z.number().int(),
      organisation: orgRef,
      role: z.string().nullable(),
      requestedMinor: z.number().int(),
      cofundingMinor: z.number().int(),
    }),
  ),
  budgetByCategory: z.array(z.object({ category: z.enum(COST_CATEGORIES), amountMinor: z.number().int() })),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      fileName: z.string(),
      type: z.string(),
      sizeBytes: z.number().int(),
    }),
  ),
});

export const criterionView = z.object({
  key: z.enum(CRITERIA),
  weight: z.number(),
  dimension: z.enum(['academic', 'economic']),
});
export const scorecardView = z.object({
  assignmentId: z.uuid(),
  /** What others see instead of the reviewer's name (e.g. A). */
  label: z.string(),
  application: reviewerApplicationView,
  scale: z.object({ min: z.number(), max: z.number() }),
  criteria: z.array(criterionView),
  scoringClosesAt: z.string().nullable(),
  declaredAt: z.string().nullable(),
  state: z.enum(SCORECARD_STATES).nullable(),
  scores: z.array(z.object({ criterion: z.enum(CRITERIA), score: z.number(), comment: z.string() })),
  overallComment: z.string().nullable(),
  weightedTotal: z.number().nullable(),
  submittedAt: z.string().nullable(),
  access: z.object({ canDeclare: z.boolean(), canEdit: z.boolean() }),
});
export type ScorecardView = z.infer<typeof scorecardView>;

const perCriterion = z.partialRecord(z.enum(CRITERIA), z.number().nullable());
export const panelReviewView = z.object({
  /** The seat's label (A, B, C…), what the panel discusses by. */
  label: z.string(),
  /** Only officers see who it is; this route is theirs. */
  expertName: z.string(),
  /** The English name alone, for pages read in English (null when the person has none). */
  expertNameEn: z.string().nullable(),
  raw: perCriterion,
  calibrated: perCriterion,
  rawTotal: z.number(),
  calibratedTotal: z.number(),
  flags: z.array(z.enum(REVIEW_FLAGS)),
  reviewerFlag: z.enum(REVIEWER_FLAGS).nullable(),
  submittedAt: z.string(),
});
export const panelApplicationView = z.object({
  applicationId: z.uuid(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  leadNameZh: z.string(),
  leadNameEn: z.string().nullable(),
  requestedTotalMinor: z.number().int(),
  seats: z.number().int(),
  reviews: z.array(panelReviewView),
  rawMean: z.number().nullable(),
  calibratedMean: z.number().nullable(),
  criteriaMeans: z.object({ raw: perCriterion, calibrated: perCriterion }),
  academic: z.number().nullable(),
  economic: z.number().nullable(),
  consensus: z
    .object({
      score: z.number(),
      reportZh: z.string().nullable(),
      reportEn: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** Consensus when recorded, else the calibrated mean. */
  score: z.number().nullable(),
  passesThresholds: z.boolean(),
  missedThresholds: z.array(z.string()),
  flagged: z.boolean(),
  rank: z.number().int().nullable(),
});
export type PanelApplicationView = z.infer<typeof panelApplicationView>;
export const panelView = z.object({
  callId: z.uuid(),
  currency: z.string(),
  scale: z.object({ min: z.number(), max: z.number() }),
  criteria: z.array(criterionView),
  thresholds: reviewThresholds,
  calibration: z.object({
    method: z.string(),
    lambda: z.number(),
    residualSd: z.number().nullable(),
    components: z.number().int(),
    converged: z.boolean(),
    reviews: z.number().int(),
  }),
  reviewers: z.array(
    z.object({
      /** A stable per-call code (R1, R2…), so the bias list does not tie labels across applications. */
      code: z.string(),
      expertName: z.string(),
      expertNameEn: z.string().nullable(),
      reviews: z.number().int(),
      effect: z.number(),
      flag: z.enum(REVIEWER_FLAGS).nullable(),
    }),
  ),
  applications: z.array(panelApplicationView),
});
export type PanelView = z.infer<typeof panelView>;

export const panelReviewBody = z.strictObject({
  consensusScore: z.number().min(-1000).max(1000),
  reportZh: z.string().trim().min(1).max(20_000).nullable().optional(),
  reportEn: z.string().trim().min(1).max(20_000).nullable().optional(),
});
export type PanelReviewInput = z.infer<typeof panelReviewBody>;
export const consensusView = z.object({
  applicationId: z.uuid(),
  consensusScore: z.number(),
  reportZh: z.string().nullable(),
  reportEn: z.string().nullable(),
  basis: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export { reviewThresholds };
