import { z } from 'zod';
import { DECISION_OUTCOMES } from '../../../../common/review.js';

const pct = z.int().min(0).max(100);

/** Field balance of one field: counts of funded applications, or shares (whole percent) of the call budget. */
export const fieldRule = z.strictObject({
  fieldId: z.uuid(),
  minCount: z.int().min(0).max(10_000).optional(),
  maxCount: z.int().min(0).max(10_000).optional(),
  minSharePct: pct.optional(),
  maxSharePct: pct.optional(),
});

/** The officer's constraints of a decision (docs/review-decisions.md). */
export const decisionConstraints = z.strictObject({
  fields: z.array(fieldRule).max(100).default([]),
  /** Minimum share (whole percent) of the funded total requested by SME members of the consortia. */
  smeMinSharePct: pct.optional(),
  /** Unselected applications passing the thresholds waitlisted by rank (the rest are declined). */
  waitlistSize: z.int().min(0).max(1000).default(5),
});
export type DecisionConstraintsInput = z.infer<typeof decisionConstraints>;

export const computeDecisionBody = z.strictObject({
  constraints: decisionConstraints.default({ fields: [], waitlistSize: 5 }),
});
export const overrideBody = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  reason: z.string().trim().min(1).max(2000),
});
export type OverrideInput = z.infer<typeof overrideBody>;
export const finaliseBody = z.strictObject({ reason: z.string().trim().max(2000).optional() });

export const callDecisionsParams = z.strictObject({ callId: z.uuid() });
export const decisionParams = z.strictObject({ callId: z.uuid(), decisionId: z.uuid() });
export const decisionItemParams = z.strictObject({
  callId: z.uuid(),
  decisionId: z.uuid(),
  applicationId: z.uuid(),
});

const itemReason = z.union([
  z.strictObject({ code: z.literal('selected') }),
  z.strictObject({ code: z.literal('below_threshold'), thresholds: z.array(z.string()) }),
  z.strictObject({ code: z.literal('would_exceed'), constraint: z.string() }),
]);
const scored = z.strictObject({ applicationId: z.string(), score: z.number() });

export const decisionExplanation = z.strictObject({
  fundedMinor: z.number(),
  remainingMinor: z.number(),
  cutoff: z
    .strictObject({
      applicationId: z.string(),
      rank: z.number(),
      requestedMinor: z.number(),
      remainingMinor: z.number(),
      reason: itemReason,
      forced: z
        .union([
          z.strictObject({ feasible: z.literal(false), constraints: z.array(z.string()) }),
          z.strictObject({
            feasible: z.literal(true),
            objective: z.number(),
            dropped: z.array(scored),
            added: z.array(scored),
            droppedScore: z.number(),
            addedScore: z.number(),
            tie: z.boolean(),
          }),
        ])
        .optional(),
    })
    .nullable(),
  items: z.record(z.string(), itemReason),
});
export type DecisionExplanation = z.infer<typeof decisionExplanation>;

export const decisionItemView = z.strictObject({
  applicationId: z.string(),
  number: z.string().nullable(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  fieldId: z.string().nullable(),
  rank: z.number(),
  score: z.number(),
  requestedMinor: z.number(),
  /** Σ requested of the approved items up to this one, in rank order (after overrides). */
  cumulativeApprovedMinor: z.number(),
  optimiserOutcome: z.enum(DECISION_OUTCOMES),
  outcome: z.enum(DECISION_OUTCOMES),
  overrideReason: z.string().nullable(),
  reason: itemReason,
});

export const decisionView = z.strictObject({
  id: z.string(),
  callId: z.string(),
  state: z.enum(['draft', 'final']),
  budgetMinor: z.number(),
  currency: z.string(),
  constraints: decisionConstraints,
  solver: z.string(),
  objective: z.number(),
  millis: z.number(),
  explanation: decisionExplanation,
  /** Σ requested of the items approved after overrides. */
  approvedMinor: z.number(),
  createdAt: z.string(),
  finalisedAt: z.string().nullable(),
  items: z.array(decisionItemView),
});
export type DecisionView = z.infer<typeof decisionView>;

export const decisionSummary = decisionView.omit({ items: true, explanation: true });
export const decisionList = z.strictObject({ items: z.array(decisionSummary) });
export type DecisionList = z.infer<typeof decisionList>;
