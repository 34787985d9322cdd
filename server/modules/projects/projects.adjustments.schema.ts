import { z } from 'zod';
import { ADJUSTMENT_GROUNDS, ADJUSTMENT_STATES } from '../../../common/projects.adjustments.js';
import { SPENDING_CATEGORIES } from '../../../common/projects.js';

/** 预算调剂 requests of a project (issue 13). */
const delta = z
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((n) => n !== 0, { message: 'A change of zero changes nothing' });

export const adjustmentChange = z.strictObject({
  organisationId: z.uuid(),
  category: z.enum(SPENDING_CATEGORIES),
  /** Integer minor units added to (positive) or taken from (negative) the approved amount. */
  deltaMinor: delta,
});

export const adjustmentBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  changes: z.array(adjustmentChange).max(40).default([]),
  /** A later end date: an extension of time. */
  endsOn: z.iso.date().nullable().default(null),
});
export type AdjustmentInput = z.infer<typeof adjustmentBody>;

export const adjustmentDecisionBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  /** Required when rejecting. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type AdjustmentDecisionInput = z.infer<typeof adjustmentDecisionBody>;

export const adjustmentIdParams = z.object({ id: z.uuid(), adjustmentId: z.uuid() });

export const adjustmentView = z.object({
  id: z.uuid(),
  version: z.int(),
  level: z.enum(['unit', 'funder']),
  grounds: z.array(z.enum(ADJUSTMENT_GROUNDS)),
  changes: z.array(adjustmentChange),
  endsOn: z.string().nullable(),
  reason: z.string(),
  state: z.enum(ADJUSTMENT_STATES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Whether the caller may decide it now. */
  decide: z.boolean(),
});
export type AdjustmentView = z.infer<typeof adjustmentView>;

export const adjustmentList = z.object({
  projectId: z.uuid(),
  items: z.array(adjustmentView),
  access: z.object({ request: z.boolean() }),
});
export type AdjustmentList = z.infer<typeof adjustmentList>;
