import { z } from 'zod';
import { batchIds } from '../../../../common/batch.js';
import { ASSIGNMENT_MODES, EXPERT_CATEGORIES, SEAT_STATES } from '../../../../common/review.js';

/**
 * Request and response shapes of a call's review settings, assignment runs, pins/forbids and seats
 * (issue 5). Officers see experts by name; experts see only their own seats; applicants see no seats.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const load = z.int().min(0).max(100);

export const callIdParams = z.strictObject({ callId: z.uuid() });
export const runParams = z.strictObject({ callId: z.uuid(), runId: z.uuid() });
export const overrideParams = z.strictObject({ callId: z.uuid(), overrideId: z.uuid() });
export const seatParams = z.strictObject({ assignmentId: z.uuid() });

export const composition = z.strictObject({ academic: load, industry: load, lab: load.optional() });

export const reviewSettingsView = z.object({
  callId: z.string(),
  ruleSetId: z.string(),
  composition: z.object({ academic: z.number(), industry: z.number(), lab: z.number().optional() }),
  loadMin: z.number(),
  loadMax: z.number(),
  hybridTopN: z.number(),
  responseDays: z.number(),
  scoringClosesAt: z.string().nullable(),
  /** k: calls.reviewers_per_application */
  reviewersPerApplication: z.number(),
  updatedAt: z.string(),
});
export type ReviewSettingsView = z.infer<typeof reviewSettingsView>;

export const updateReviewSettingsBody = z
  .strictObject({
    ruleSetId: z.uuid(),
    composition,
    loadMin: load,
    loadMax: load,
    hybridTopN: z.int().min(1).max(1000),
    responseDays: z.int().min(1).max(90),
    scoringClosesAt: instant.nullable(),
  })
  .partial();
export type UpdateReviewSettingsInput = z.infer<typeof updateReviewSettingsBody>;

export const createRunBody = z.strictObject({
  mode: z.enum(ASSIGNMENT_MODES),
  /** 32-bit unsigned seed (random, hybrid); a fresh one is drawn and recorded when omitted. */
  seed: z.int().min(0).max(0xffffffff).optional(),
});
export type CreateRunInput = z.infer<typeof createRunBody>;

export const runSummary = z.object({
  id: z.string(),
  callId: z.string(),
  mode: z.enum(ASSIGNMENT_MODES),
  purpose: z.enum(['initial', 'refill']),
  state: z.enum(['draft', 'published', 'discarded']),
  seed: z.number().nullable(),
  solver: z.string(),
  inputHash: z.string(),
  objective: z.number().nullable(),
  millis: z.number(),
  timings: z.record(z.string(), z.number()),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  pairs: z.number(),
});
export const runList = z.object({ items: z.array(runSummary) });

export const runPair = z.object({
  expertId: z.string(),
  expertName: z.string(),
  /** The expert's English name alone, for pages read in English (null when the person has none). */
  expertNameEn: z.string().nullable(),
  category: z.enum(EXPERT_CATEGORIES),
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  applicationTitle: z.string().nullable(),
  applicationTitleEn: z.string().nullable(),
  affinity: z.number(),
  /** Fixed before solving (a pin, or a seat kept by a refill). */
  fixed: z.boolean(),
});
export const runView = runSummary.extend({ assignments: z.array(runPair) });
export type RunView = z.infer<typeof runView>;

export const replayView = z.object({
  identical: z.boolean(),
  inputHash: z.string(),
  storedHash: z.string(),
  objective: z.number(),
  storedObjective: z.number().nullable(),
  pairs: z.number(),
});

export const overrideBody = z.strictObject({
  applicationId: z.uuid(),
  expertId: z.uuid(),
  kind: z.enum(['pin', 'forbid']),
  reason: text(1000),
});
export type OverrideInput = z.infer<typeof overrideBody>;
export const overrideView = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  expertId: z.string(),
  expertName: z.string(),
  /** The expert's English name alone, for pages read in English (null when the person has none). */
  expertNameEn: z.string().nullable(),
  kind: z.enum(['pin', 'forbid']),
  reason: z.string(),
  createdAt: z.string(),
});
export const overrideList = z.object({ items: z.array(overrideView) });

export const seatView = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  applicationTitle: z.string().nullable(),
  applicationTitleEn: z.string().nullable(),
  expertId: z.string(),
  expertName: z.string(),
  /** The expert's English name alone, for pages read in English (null when the person has none). */
  expertNameEn: z.string().nullable(),
  category: z.enum(EXPERT_CATEGORIES),
  label: z.string(),
  state: z.enum(SEAT_STATES),
  invitedAt: z.string(),
  respondBy: z.string(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  runId: z.string(),
});
export const seatList = z.object({
  items: z.array(seatView),
  counts: z.record(z.enum(SEAT_STATES), z.number()),
});

/** An expert's own seat: the application, never the other reviewers. */
export const myReviewView = z.object({
  id: z.string(),
  callId: z.string(),
  callCode: z.string(),
  callTitleZh: z.string(),
  callTitleEn: z.string(),
  applicationNumber: z.string().nullable(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
  label: z.string(),
  state: z.enum(SEAT_STATES),
  respondBy: z.string(),
  respondedAt: z.string().nullable(),
  scoringClosesAt: z.string().nullable(),
  /** The expert's scorecard for the seat is submitted: nothing left to do on it. */
  scorecardSubmitted: z.boolean(),
});
export const myReviewList = z.object({ items: z.array(myReviewView) });
export type MyReviewView = z.infer<typeof myReviewView>;

export const declineBody = z.strictObject({ reason: text(1000) });
/** 批量重新邀请: the seats (of one call) whose invitations ran out unanswered. */
export const reinviteBody = z.strictObject({ seatIds: batchIds });

export const reviewCallView = z.object({
  id: z.string(),
  platformId: z.string(),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  state: z.string(),
  inReview: z.number(),
  seats: z.number(),
});
export const reviewCallList = z.object({ items: z.array(reviewCallView) });
