import { z } from 'zod';
import { OUTPUT_TYPES } from '../../../common/project-outputs.js';
import { INDICATOR_TYPES } from '../../../common/projects.js';

/**
 * The 任务书 (task agreement) of a project, issue 13: the final budget per member in the three
 * categories of the 2021 reform plus indirect costs, typed 考核指标 with targets and how each is
 * verified, and milestones with due dates and deliverables.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
/** Integer minor units (分); never negative, never a fraction. */
const money = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const isoDate = z.iso.date();

export const agreementBudget = z.strictObject({
  organisationId: z.uuid(),
  /** 设备费 */
  equipmentMinor: money,
  /** 业务费 */
  operationsMinor: money,
  /** 劳务费 */
  labourMinor: money,
  /** 间接费用 */
  indirectMinor: money,
});

const indicatorBase = { name: text(200), verification: text(500) };
/** A typed indicator: the target's type follows the indicator's type. */
export const agreementIndicator = z.discriminatedUnion('type', [
  z.strictObject({
    ...indicatorBase,
    type: z.literal('count'),
    target: z.int().min(0).max(1_000_000_000),
    /** The type of linked output this indicator counts: measured from the links, not reported. */
    measuredBy: z.enum(OUTPUT_TYPES).optional(),
  }),
  z.strictObject({ ...indicatorBase, type: z.literal('amount'), target: money }),
  z.strictObject({ ...indicatorBase, type: z.literal('percentage'), target: z.number().min(0).max(100) }),
  z.strictObject({ ...indicatorBase, type: z.literal('date'), target: isoDate }),
  z.strictObject({ ...indicatorBase, type: z.literal('yes_no'), target: z.boolean() }),
]);
export type AgreementIndicator = z.infer<typeof agreementIndicator>;
// Keeps the union and the shared list of types in step.
const _types: readonly AgreementIndicator['type'][] = INDICATOR_TYPES;

export const agreementMilestone = z.strictObject({
  title: text(300),
  dueOn: isoDate,
  deliverables: z.array(text(300)).min(1).max(20),
});

/** A report of the schedule a version names (an amendment sets it; otherwise computed from the dates). */
export const scheduledReport = z.strictObject({
  kind: z.enum(['annual', 'interim', 'final']),
  dueOn: isoDate,
});

export const agreementContent = z.strictObject({
  budget: z.array(agreementBudget).min(1).max(30),
  indicators: z.array(agreementIndicator).min(1).max(50),
  milestones: z.array(agreementMilestone).max(50),
  /** The project's objectives as the 任务书 states them (set by an amendment; absent: the application's). */
  objectives: z.array(text(1000)).min(1).max(30).optional(),
  /** The reporting schedule, when an amendment named one; absent: computed from the project's dates. */
  schedule: z.array(scheduledReport).min(1).max(60).optional(),
});
export type AgreementContent = z.infer<typeof agreementContent>;

export const signAgreementBody = z.strictObject({
  /** Which side signs: the funder's officer or the lead organisation. */
  as: z.enum(['officer', 'lead']),
});

export const reportDue = z.object({ kind: z.enum(['annual', 'interim', 'final']), dueOn: z.string() });
export type ReportDue = z.infer<typeof reportDue>;

const signature = z.object({ by: z.string().nullable(), at: z.string() }).nullable();
export const agreementView = z.object({
  projectId: z.uuid(),
  content: agreementContent,
  /** Per member and in all: the sum of the four amounts. */
  totalMinor: z.int(),
  schedule: z.array(reportDue),
  officerSigned: signature,
  leadSigned: signature,
  frozenAt: z.string().nullable(),
  checksum: z.string().nullable(),
  /** The current version: 1 as signed, one more per approved amendment. */
  version: z.int(),
  /** What the caller may do now. */
  access: z.object({ edit: z.boolean(), signAsOfficer: z.boolean(), signAsLead: z.boolean() }),
});
export type AgreementView = z.infer<typeof agreementView>;
