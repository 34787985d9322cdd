import { z } from 'zod';
import { callCriteria } from '../../../../common/calls.js';
import {
  CHECK_KINDS,
  CHECK_SEAT_STATES,
  CHECK_STATES,
  CHECK_VERDICTS,
  INDICATOR_JUDGEMENTS,
  MILESTONE_PROGRESS,
} from '../../../../common/project-checks.js';
import { INDICATOR_TYPES, SPENDING_CATEGORIES } from '../../../../common/projects.js';
import { ASSIGNMENT_MODES } from '../../../../common/review.js';
import { panelAggregate, scorecardOutcomeShape } from '../../../../common/scorecards.js';
import { scorecardBody } from '../../review/scoring/scoring.schema.js';
import { checkReviews } from './checks.reviews.schema.js';

/**
 * 中期检查 / 结题验收 of a project with the dual evaluation (issue 13; docs/projects.md "Checks"):
 * requests and views. The report's values are typed by the indicator of the frozen 任务书, which the
 * service checks (the schema only knows they are a number, a string or a yes/no).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const isoDate = z.iso.date();
const indicatorValue = z.union([z.number(), z.string().max(40), z.boolean()]);

export const checkIdParams = z.strictObject({ checkId: z.uuid() });
export const checkScorecardParams = z.strictObject({ scorecardId: z.uuid() });

export const openCheckBody = z.strictObject({
  kind: z.enum(CHECK_KINDS),
  /** When the project's report is due. */
  dueOn: isoDate,
  /** The dual evaluation's criteria for this check; the platform's default model when absent. */
  criteria: callCriteria.optional(),
});
export type OpenCheckInput = z.infer<typeof openCheckBody>;

export const checkReportBody = z.strictObject({
  /** Progress against each indicator of the frozen 任务书 (`index` in its list), once each. */
  indicators: z
    .array(z.strictObject({ index: z.int().min(0).max(49), value: indicatorValue, note: optionalText(1000) }))
    .max(50),
  /** Progress against each milestone of the frozen 任务书, once each. */
  milestones: z
    .array(
      z.strictObject({
        index: z.int().min(0).max(49),
        progress: z.enum(MILESTONE_PROGRESS),
        note: optionalText(1000),
      }),
    )
    .max(50),
  achievements: text(10_000),
  problems: z.string().trim().max(10_000),
  /** Who owns each output (required in a final report, as the EU requires). */
  resultsOwnership: z
    .array(z.strictObject({ output: text(300), ownerOrganisationId: z.uuid() }))
    .max(200)
    .default([]),
});
export type CheckReportInput = z.infer<typeof checkReportBody>;

export const assignExpertBody = z.strictObject({
  expertId: z.uuid(),
  /** The panel's chair, who may adopt the verdict beside the officers. */
  chair: z.boolean().default(false),
});

export const adoptCheckBody = z.strictObject({
  verdict: z.enum(CHECK_VERDICTS),
  /** Met or not per indicator (`index`); the automatic judgement (met = met) where absent. */
  indicators: z
    .array(z.strictObject({ index: z.int().min(0).max(49), met: z.boolean() }))
    .max(50)
    .default([]),
  /** With 整改: what must be rectified and by when (three months when no date is given). */
  rectification: z
    .strictObject({ items: z.array(text(1000)).min(1).max(50), dueOn: isoDate.optional() })
    .optional(),
  summary: optionalText(4000),
});
export type AdoptCheckInput = z.infer<typeof adoptCheckBody>;

export type { ScorecardInput } from '../../review/scoring/scoring.schema.js';
export { scorecardBody };

const reportedIndicator = z.object({
  index: z.int(),
  name: z.string(),
  type: z.enum(INDICATOR_TYPES),
  target: indicatorValue,
  value: indicatorValue,
  judgement: z.enum(INDICATOR_JUDGEMENTS),
  note: z.string().nullable(),
});

/** The frozen report of one version: what the project submitted and what was generated from records. */
export const checkReport = z.object({
  kind: z.enum(CHECK_KINDS),
  version: z.int(),
  agreementChecksum: z.string().nullable(),
  indicators: z.array(reportedIndicator),
  milestones: z.array(
    z.object({
      index: z.int(),
      title: z.string(),
      dueOn: z.string(),
      progress: z.enum(MILESTONE_PROGRESS),
      note: z.string().nullable(),
    }),
  ),
  spending: z.object({
    currency: z.string(),
    plannedMinor: z.int(),
    spentMinor: z.int(),
    byCategory: z.array(
      z.object({ category: z.enum(SPENDING_CATEGORIES), plannedMinor: z.int(), spentMinor: z.int() }),
    ),
  }),
  outputs: z.array(z.object({ kind: z.string(), id: z.string(), title: z.string() })),
  achievements: z.string(),
  problems: z.string(),
  resultsOwnership: z.array(z.object({ output: z.string(), ownerOrganisationId: z.string() })),
  /** The files attached to the report when it was submitted (their sha256 under the report's own). */
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sha256: z.string() })).optional(),
});
export type CheckReport = z.infer<typeof checkReport>;

/** The panel's aggregate over its submitted scorecards (the shape lab evaluations share, common/). */
export const panelResult = panelAggregate;

/** The panel's adoption of a report version, frozen (canonical JSON + sha256). */
export const checkAdoption = z.object({
  verdict: z.enum(CHECK_VERDICTS),
  version: z.int(),
  reportSha256: z.string(),
  panel: panelResult,
  indicators: z.array(
    z.object({ index: z.int(), name: z.string(), judgement: z.enum(INDICATOR_JUDGEMENTS), met: z.boolean() }),
  ),
  rectification: z.object({ items: z.array(z.string()), dueOn: z.string() }).nullable(),
  summary: z.string().nullable(),
  /** The sha256 of the task and financial reviews a final check's verdict rests on (absent before 0041). */
  reviews: z.object({ task: z.string(), financial: z.string() }).nullable().optional(),
});
export type CheckAdoption = z.infer<typeof checkAdoption>;

export const checkView = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(CHECK_KINDS),
  state: z.enum(CHECK_STATES),
  dueOn: z.string(),
  criteria: callCriteria,
  version: z.int(),
  verdict: z.enum(CHECK_VERDICTS).nullable(),
  openedAt: z.string(),
  reports: z.array(
    z.object({
      version: z.int(),
      report: checkReport,
      reportSha256: z.string(),
      submittedAt: z.string(),
      adoption: checkAdoption.nullable(),
      adoptionSha256: z.string().nullable(),
      adoptedAt: z.string().nullable(),
      /** The task and financial reviews of this version (final acceptance only). */
      reviews: checkReviews.nullable(),
    }),
  ),
  /** The panel and its progress on the current version: for the officers and the chair only. */
  panel: z
    .array(
      z.object({
        expertId: z.string(),
        name: z.string(),
        chair: z.boolean(),
        /** invited by an engine run until answered; accepted; declined; expired (CHECK_SEAT_STATES). */
        state: z.enum(CHECK_SEAT_STATES),
        respondBy: z.string().nullable(),
        declineReason: z.string().nullable(),
        scorecard: z.enum(['draft', 'submitted']).nullable(),
      }),
    )
    .nullable(),
  conflicts: z
    .array(
      z.object({
        expertId: z.string(),
        rule: z.string(),
        evidence: z.record(z.string(), z.unknown()),
        foundAt: z.string(),
      }),
    )
    .nullable(),
  /** The running aggregates of the current version before adoption (officers and chair). */
  running: panelResult.nullable(),
  /** The reviewer calibration of the submitted scorecards beside the raw scores (officers and chair). */
  calibration: z
    .object({
      method: z.string(),
      lambda: z.number(),
      rawMean: z.number().nullable(),
      calibratedMean: z.number().nullable(),
      reviews: z.array(
        z.object({
          expertId: z.string(),
          name: z.string(),
          rawTotal: z.number(),
          calibratedTotal: z.number().nullable(),
        }),
      ),
      criteria: z.array(
        z.object({ criterion: z.string(), raw: z.number().nullable(), calibrated: z.number().nullable() }),
      ),
    })
    .nullable(),
  /** The latest engine run that seated experts on this check (officers and chair). */
  latestRun: z
    .object({
      id: z.string(),
      mode: z.enum(ASSIGNMENT_MODES),
      purpose: z.enum(['initial', 'refill']),
      panelSize: z.int(),
      seed: z.string().nullable(),
      createdAt: z.string(),
    })
    .nullable(),
  access: z.object({
    submitReport: z.boolean(),
    manage: z.boolean(),
    adopt: z.boolean(),
    /** Whether the caller may record the task / financial review now. */
    review: z.boolean(),
  }),
});
export type CheckView = z.infer<typeof checkView>;

export const checkList = z.object({
  items: z.array(checkView),
  access: z.object({ open: z.boolean() }),
});
export type CheckList = z.infer<typeof checkList>;

export const checkScorecardView = z.object({
  id: z.string(),
  checkId: z.string(),
  version: z.int(),
  project: z.object({
    id: z.string(),
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string().nullable(),
  }),
  kind: z.enum(CHECK_KINDS),
  criteria: callCriteria,
  report: checkReport,
  state: z.enum(['draft', 'submitted']),
  scores: z.array(z.object({ criterion: z.string(), score: z.number(), comment: z.string() })),
  ...scorecardOutcomeShape,
  /** The adopted result once the panel's verdict is adopted (never before). */
  adoption: checkAdoption.nullable(),
});
export type CheckScorecardView = z.infer<typeof checkScorecardView>;

export const myCheckScorecards = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      checkId: z.string(),
      version: z.int(),
      project: z.object({
        id: z.string(),
        code: z.string(),
        titleZh: z.string(),
        titleEn: z.string().nullable(),
      }),
      kind: z.enum(CHECK_KINDS),
      state: z.enum(['draft', 'submitted']),
      total: z.number().nullable(),
    }),
  ),
});
