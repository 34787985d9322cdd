import { z } from 'zod';
import { CRITERIA, callCriteria } from '../../../common/calls.js';
import { LAB_EVAL_ROUND_STATES } from '../../../common/lab-evaluations.js';
import { SCORECARD_STATES } from '../../../common/review-scoring.js';
import { panelAggregateShape, scorecardOutcomeShape } from '../../../common/scorecards.js';
import { scorecardBody } from '../review/scoring/scoring.schema.js';

/** Request and response shapes of the committee's evaluation of units (docs/lab-evaluation.md). */
export const platformParams = z.strictObject({ platformId: z.uuid() });
export const roundParams = z.strictObject({ roundId: z.uuid() });
export const scorecardParams = z.strictObject({ scorecardId: z.uuid() });
export const unitParams = z.strictObject({ unitId: z.uuid() });

export const openRoundBody = z.strictObject({
  /** Fiscal years of the platform (named by the calendar year they end in). */
  fromYear: z.int().min(1900).max(2200),
  toYear: z.int().min(1900).max(2200),
  /** The dual evaluation's criteria, weights and scale; the defaults of a call when left out. */
  criteria: callCriteria.optional(),
  chairMemberId: z.uuid(),
});
export type OpenRoundInput = z.infer<typeof openRoundBody>;

export const assignBody = z.strictObject({ unitId: z.uuid(), memberId: z.uuid() });
/** A round's set-up before scoring starts: new criteria and/or a new chair. */
export const editRoundBody = z.strictObject({
  criteria: callCriteria.optional(),
  chairMemberId: z.uuid().optional(),
});
export type EditRoundInput = z.infer<typeof editRoundBody>;
export const roundMemberParams = z.strictObject({ roundId: z.uuid(), memberId: z.uuid() });
export const adoptBody = z.strictObject({
  summaryZh: z.string().trim().max(4000).nullable().optional(),
  summaryEn: z.string().trim().max(4000).nullable().optional(),
});
export type AdoptInput = z.infer<typeof adoptBody>;
export type { ScorecardInput } from '../review/scoring/scoring.schema.js';
export { scorecardBody };

const money = z.object({ currency: z.string(), amountMinor: z.number() });

/** What the committee sees of a unit for the period, pulled from the owning modules when the round opened. */
export const portfolio = z.object({
  period: z.object({
    fromYear: z.number(),
    toYear: z.number(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  projects: z.object({
    total: z.number(),
    intramural: z.number(),
    extramural: z.number(),
    byState: z.record(z.string(), z.number()),
    passed: z.number(),
    failed: z.number(),
    budget: z.array(money),
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        titleZh: z.string(),
        titleEn: z.string(),
        kind: z.string(),
        state: z.string(),
        outcome: z.string().nullable(),
      }),
    ),
  }),
  outputs: z.object({ total: z.number(), byType: z.record(z.string(), z.number()) }),
  ip: z.object({ disclosures: z.number(), patentApplications: z.number(), patentsGranted: z.number() }),
  licences: z.object({ active: z.number(), new: z.number() }),
  licenceIncome: z.array(money),
  services: z.object({ contracts: z.number(), value: z.array(money) }),
  staff: z.object({ total: z.number(), byPosition: z.record(z.string(), z.number()) }),
});
export type Portfolio = z.infer<typeof portfolio>;

const ref = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });
const unitRef = z.object({
  id: z.string(),
  code: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
});

/** A unit's aggregate over the committee's submitted scorecards (the shape project checks share). */
export const unitResult = z.object({ unit: unitRef, ...panelAggregateShape });
export type UnitResult = z.infer<typeof unitResult>;
export const reportView = z.object({
  units: z.array(unitResult),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
});
export type ReportView = z.infer<typeof reportView>;

export const roundSummary = z.object({
  id: z.string(),
  platformId: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  state: z.enum(LAB_EVAL_ROUND_STATES),
  criteria: callCriteria,
  chair: z.object({ memberId: z.string(), person: ref }),
  openedAt: z.string(),
  adoptedAt: z.string().nullable(),
  reportSha256: z.string().nullable(),
  progress: z.object({ submitted: z.number(), total: z.number() }),
});
export type RoundSummary = z.infer<typeof roundSummary>;
export const roundList = z.object({
  items: z.array(roundSummary),
  /** Whether the caller may open a round (the web offers the form from this, not from copied rules). */
  access: z.object({ open: z.boolean() }),
});
export type RoundList = z.infer<typeof roundList>;

const statusCell = z.object({
  scorecardId: z.string(),
  member: z.object({ memberId: z.string(), person: ref, category: z.string() }),
  state: z.enum(SCORECARD_STATES),
});
export const conflictView = z.object({
  unitId: z.string(),
  memberId: z.string(),
  person: ref,
  rule: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});
export const roundDetail = roundSummary.extend({
  units: z.array(
    z.object({
      unit: unitRef,
      portfolio,
      /** Who rates the unit and how far they are: the admins and the chair only. */
      scorecards: z.array(statusCell).nullable(),
    }),
  ),
  /** Found at opening and on each assignment: the admins only. */
  conflicts: z.array(conflictView).nullable(),
  /** The adopted report, or for the admins and the chair the running aggregates. */
  report: reportView.nullable(),
  access: z.object({ manage: z.boolean(), adopt: z.boolean() }),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const scorecardView = z.object({
  id: z.string(),
  round: z.object({
    id: z.string(),
    fromYear: z.number(),
    toYear: z.number(),
    state: z.enum(LAB_EVAL_ROUND_STATES),
    criteria: callCriteria,
  }),
  unit: unitRef,
  portfolio,
  state: z.enum(SCORECARD_STATES),
  scores: z.array(z.object({ criterion: z.enum(CRITERIA), score: z.number(), comment: z.string() })),
  ...scorecardOutcomeShape,
});
export type ScorecardView = z.infer<typeof scorecardView>;
export const myScorecards = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      roundId: z.string(),
      platformId: z.string(),
      fromYear: z.number(),
      toYear: z.number(),
      roundState: z.enum(LAB_EVAL_ROUND_STATES),
      unit: unitRef,
      state: z.enum(SCORECARD_STATES),
      total: z.number().nullable(),
    }),
  ),
});

/** A unit's adopted results over the periods, oldest first (the unit page's chart and table). */
export const unitHistory = z.object({
  unit: unitRef,
  periods: z.array(
    z.object({
      roundId: z.string(),
      fromYear: z.number(),
      toYear: z.number(),
      adoptedAt: z.string(),
      scale: z.object({ min: z.number(), max: z.number() }),
      result: unitResult,
      portfolio,
    }),
  ),
});
export type UnitHistory = z.infer<typeof unitHistory>;
