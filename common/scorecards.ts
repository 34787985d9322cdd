import { z } from 'zod';
import { CRITERIA } from './calls.js';

/**
 * The shapes a panel's scorecards share wherever a panel scores against the call criteria: the
 * project checks' panels (server/modules/projects/checks) and the committee's evaluation of units
 * (server/modules/lab-evaluations). One definition, so the two aggregates cannot drift apart.
 */

/** Per criterion over the submitted scorecards: mean, dispersion, range, count. */
export const criterionStats = z.object({
  criterion: z.enum(CRITERIA),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  n: z.number(),
});
export type CriterionStats = z.infer<typeof criterionStats>;

/** A panel's aggregate over its submitted scorecards (field order as the responses list it). */
export const panelAggregateShape = {
  criteria: z.array(criterionStats),
  academic: z.number().nullable(),
  economic: z.number().nullable(),
  total: z.number().nullable(),
  /** Standard deviation of the members' weighted totals: how far the panel agrees. */
  totalSd: z.number().nullable(),
  scorecards: z.number(),
};
export const panelAggregate = z.object(panelAggregateShape);
export type PanelAggregate = z.infer<typeof panelAggregate>;

/** What a member's scorecard says beyond its scores: the overall comment, the total, when submitted. */
export const scorecardOutcomeShape = {
  overallComment: z.string().nullable(),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
};
