import { z } from 'zod';
import { EVALUATION_GRADES, INDICATOR_JUDGEMENTS } from '../../../../common/project-checks.js';
import { INDICATOR_TYPES, PROJECT_OUTCOMES } from '../../../../common/projects.js';

/** 绩效评价 of a closed project (issue 13; docs/projects.md "绩效评价"). */
const indicatorValue = z.union([z.number(), z.string().max(40), z.boolean()]);

export const evaluationBody = z.strictObject({
  /** What each indicator of the frozen 任务书 achieved (`index`), once each, typed by the indicator. */
  indicators: z
    .array(
      z.strictObject({
        index: z.int().min(0).max(49),
        achieved: indicatorValue,
        note: z.string().trim().max(1000).optional(),
      }),
    )
    .max(50),
  /** 学术评估 and 经济评估: the judgement in words. */
  academic: z.string().trim().min(1).max(10_000),
  economic: z.string().trim().min(1).max(10_000),
  grade: z.enum(EVALUATION_GRADES),
});
export type EvaluationInput = z.infer<typeof evaluationBody>;

export const evaluationRecord = z.object({
  projectId: z.string(),
  outcome: z.enum(PROJECT_OUTCOMES).nullable(),
  agreementChecksum: z.string().nullable(),
  indicators: z.array(
    z.object({
      index: z.int(),
      name: z.string(),
      type: z.enum(INDICATOR_TYPES),
      target: indicatorValue,
      achieved: indicatorValue,
      /** Measured from the records linked to the project, where a link gives the figure; else null. */
      measured: indicatorValue.nullable(),
      judgement: z.enum(INDICATOR_JUDGEMENTS),
      note: z.string().nullable(),
    }),
  ),
  academic: z.string(),
  economic: z.string(),
  grade: z.enum(EVALUATION_GRADES),
  /** The final check the evaluation follows, with its adopted verdict. */
  finalCheck: z
    .object({ checkId: z.string(), verdict: z.string().nullable(), adoptionSha256: z.string().nullable() })
    .nullable(),
});
export type EvaluationRecord = z.infer<typeof evaluationRecord>;

export const evaluationView = z.object({
  evaluation: evaluationRecord.nullable(),
  sha256: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  /** Whether the caller may record it now (the funder's side, a closed project not yet evaluated). */
  access: z.object({ evaluate: z.boolean() }),
});
export type EvaluationView = z.infer<typeof evaluationView>;
