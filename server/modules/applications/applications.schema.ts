import { z } from 'zod';
import { APPLICATION_STATES, INVITATION_STATES } from '../../../common/applications.js';
import { batchIds } from '../../../common/batch.js';
import { ATTACHMENT_TYPES, COST_CATEGORIES } from '../../../common/calls.js';
import type { RuleOutcome } from '../../../common/eligibility.js';
import { exportOptions } from '../../../common/export-options.js';

/**
 * Request and response shapes of consortium applications (issue 4). Drafts take partial content; the
 * strict checks (everything filled in, budgets adding up, eligibility) run at submission.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
/** Money in integer minor units (分 for CNY); never negative, never a fraction. */
export const money = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const indicator = z.strictObject({ name: text(200), target: text(200) });
export const objective = z.strictObject({
  text: text(1000),
  indicators: z.array(indicator).max(20).default([]),
});
export const milestone = z.strictObject({
  title: text(300),
  /** Month of the project (1 = the first month). */
  month: z.int().min(1).max(120),
});
export const workPackage = z.strictObject({
  title: text(300),
  startMonth: z.int().min(1).max(120),
  endMonth: z.int().min(1).max(120),
  milestones: z.array(milestone).max(20).default([]),
});

/** The project part of an application; every field may be missing in a draft. */
export const applicationContent = z.strictObject({
  titleZh: optionalText(300),
  titleEn: optionalText(300),
  summaryZh: optionalText(5000),
  summaryEn: optionalText(5000),
  /** One of the call's fields. */
  fieldId: z.uuid().nullable().optional(),
  objectives: z.array(objective).max(20).optional(),
  workPlan: z.array(workPackage).max(30).optional(),
});
export type ApplicationContent = z.infer<typeof applicationContent>;

/** One organisation of the consortium; the first entry is the lead (the applicant's own organisation). */
export const consortiumMember = z.strictObject({
  organisationId: z.uuid(),
  /** The person who confirms this organisation's part; defaults to nobody in a draft. */
  contactPersonId: z.uuid().nullable().optional(),
  /** What the organisation does in the project. */
  role: optionalText(500),
  requestedMinor: money,
  cofundingMinor: money,
});
export type ConsortiumMemberInput = z.infer<typeof consortiumMember>;

export const budgetLine = z.strictObject({
  organisationId: z.uuid(),
  category: z.enum(COST_CATEGORIES),
  amountMinor: money,
});
export type BudgetLineInput = z.infer<typeof budgetLine>;

/** Saving a draft: each section given replaces that section; sections left out stay as they are. */
export const saveDraftBody = z.strictObject({
  content: applicationContent.optional(),
  consortium: z.array(consortiumMember).min(1).max(30).optional(),
  budget: z
    .array(budgetLine)
    .max(30 * COST_CATEGORIES.length)
    .optional(),
});
export type SaveDraftInput = z.infer<typeof saveDraftBody>;

export const createApplicationBody = saveDraftBody;
export type CreateApplicationInput = SaveDraftInput;

export const callIdParams = z.strictObject({ callId: z.uuid() });
export const applicationIdParams = z.strictObject({ id: z.uuid() });
/** Which frozen version (query, since path parameters are ids). */
export const versionQuery = z.strictObject({ versionNo: z.coerce.number().int().min(1) });
/** The call's attachment key the file is for (query, since path parameters are ids). */
export const attachmentKeyQuery = z.strictObject({ key: z.string().regex(/^[a-z0-9_-]{1,50}$/) });
export const attachmentIdParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
export const invitationIdParams = z.strictObject({ invitationId: z.uuid() });
/** The one-time link's secret: a random (v4) UUID, 122 bits from the system's CSPRNG; only its hash is stored. */
export const invitationTokenParams = z.strictObject({ token: z.uuid() });

export const withdrawBody = z.strictObject({ reason: text(2000) });
export const inviteBody = z.strictObject({ organisationId: z.uuid() });
export const respondBody = z.strictObject({ accept: z.boolean(), note: optionalText(1000) });

export const screeningAnswer = z.strictObject({
  key: z.string().min(1).max(50),
  ok: z.boolean(),
  note: optionalText(1000),
});
/** Checklist answers, with an outcome to decide (no outcome: save the answers and keep screening). */
export const screeningBody = z.strictObject({
  answers: z.array(screeningAnswer).max(50),
  outcome: z.enum(['pass', 'return', 'reject']).nullable().optional(),
  /** Required when returning or rejecting. */
  reasons: optionalText(4000),
});
export type ScreeningInput = z.infer<typeof screeningBody>;

/** Several applications passed or returned at once; a return needs its reason, as one at a time. */
export const batchScreeningBody = z
  .strictObject({
    applicationIds: batchIds,
    outcome: z.enum(['pass', 'return']),
    reasons: optionalText(4000),
  })
  .refine((b) => b.outcome === 'pass' || !!b.reasons, {
    path: ['reasons'],
    message: 'A reason is required to return applications',
  });
export type BatchScreeningInput = z.infer<typeof batchScreeningBody>;

export const LIST_SORTS = ['updatedAt', 'submittedAt', 'title', 'requested', 'state'] as const;
export const listApplicationsQuery = z.strictObject({
  callId: z.uuid().optional(),
  platformId: z.uuid().optional(),
  state: z.enum(APPLICATION_STATES).optional(),
  fieldId: z.uuid().optional(),
  /** First submitted on or after / on or before these days (UTC): the analytics' drill-down by year. */
  submittedFrom: z.iso.date().optional(),
  submittedTo: z.iso.date().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(LIST_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;
export const exportApplicationsQuery = listApplicationsQuery
  .omit({ limit: true, offset: true })
  .extend(exportOptions);
export const receiptQuery = z.strictObject({ versionNo: z.coerce.number().int().min(1).optional() });

const orgRef = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
  enterpriseSize: z.string().nullable(),
});

export const applicationSummary = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callTitleZh: z.string(),
  callTitleEn: z.string(),
  platformId: z.uuid(),
  state: z.enum(APPLICATION_STATES),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  fieldId: z.uuid().nullable(),
  lead: orgRef,
  requestedTotalMinor: z.number().int(),
  currency: z.string(),
  versionNo: z.number().int(),
  receiptNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  resubmitDeadline: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const listApplicationsView = z.object({
  items: z.array(applicationSummary),
  total: z.number().int(),
  /** Counts by state over the same filters except the state filter itself. */
  counts: z.record(z.string(), z.number().int()),
});

export const memberView = z.object({
  position: z.number().int(),
  organisation: orgRef,
  contact: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  role: z.string().nullable(),
  requestedMinor: z.number().int(),
  cofundingMinor: z.number().int(),
  /** The member's confirmation of its part (the lead needs none). */
  confirmation: z.enum(['not_needed', 'not_invited', ...INVITATION_STATES, 'outdated']),
});
export const budgetLineView = z.object({
  organisationId: z.uuid(),
  category: z.enum(COST_CATEGORIES),
  amountMinor: z.number().int(),
});
export const attachmentView = z.object({
  id: z.uuid(),
  key: z.string(),
  fileName: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export const versionSummary = z.object({
  versionNo: z.number().int(),
  frozenAt: z.string().nullable(),
  checksum: z.string().nullable(),
  receiptNo: z.string().nullable(),
});
export const transitionView = z.object({
  fromState: z.string().nullable(),
  toState: z.string(),
  at: z.string(),
  actorLabel: z.string(),
  reason: z.string().nullable(),
});
export const screeningView = z.object({
  answers: z.array(z.object({ key: z.string(), ok: z.boolean(), note: z.string().nullable().optional() })),
  outcome: z.string().nullable(),
  reasons: z.string().nullable(),
  at: z.string(),
  officerLabel: z.string(),
});

export const applicationView = applicationSummary.extend({
  content: applicationContent,
  consortium: z.array(memberView),
  budget: z.array(budgetLineView),
  attachments: z.array(attachmentView),
  versions: z.array(versionSummary),
  transitions: z.array(transitionView),
  screenings: z.array(screeningView),
  withdrawReason: z.string().nullable(),
  access: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canWithdraw: z.boolean(),
    canInvite: z.boolean(),
    canScreen: z.boolean(),
  }),
});
export type ApplicationView = z.infer<typeof applicationView>;

/** A frozen version as it was submitted, with its checksum (sha256 of the canonical JSON). */
export const frozenVersionView = z.object({
  versionNo: z.number().int(),
  frozenAt: z.string(),
  checksum: z.string(),
  receiptNo: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});

export const ruleOutcomeView = z.object({
  kind: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  path: z.string().optional(),
}) satisfies z.ZodType<Omit<RuleOutcome, 'kind'> & { kind: string }>;
export const eligibilityView = z.object({
  eligible: z.boolean(),
  outcomes: z.array(ruleOutcomeView),
  /** What is still missing or wrong for a submission besides the rules (pointer + error code). */
  problems: z.array(z.object({ pointer: z.string(), code: z.string() })),
});
export type EligibilityView = z.infer<typeof eligibilityView>;

export const receiptView = z.object({
  applicationId: z.uuid(),
  callCode: z.string(),
  receiptNo: z.string(),
  versionNo: z.number().int(),
  submittedAt: z.string(),
  checksum: z.string(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  leadNameZh: z.string(),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const invitationView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  callTitleZh: z.string(),
  callTitleEn: z.string(),
  applicationTitleZh: z.string().nullable(),
  applicationTitleEn: z.string().nullable(),
  leadNameZh: z.string(),
  organisation: orgRef,
  contact: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }),
  requestedMinor: z.number().int(),
  cofundingMinor: z.number().int(),
  role: z.string().nullable(),
  state: z.enum(INVITATION_STATES),
  /** in_app: the contact has an account and answers in the app; email: a one-time link was e-mailed. */
  channel: z.enum(['in_app', 'email']),
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

/** What the public confirm page shows to the holder of a one-time link. */
export const publicInvitationView = z.object({
  state: z.enum(INVITATION_STATES),
  callTitleZh: z.string(),
  callTitleEn: z.string(),
  applicationTitleZh: z.string().nullable(),
  applicationTitleEn: z.string().nullable(),
  leadNameZh: z.string(),
  organisationNameZh: z.string(),
  contactNameZh: z.string(),
  requestedMinor: z.number().int(),
  cofundingMinor: z.number().int(),
  currency: z.string(),
  role: z.string().nullable(),
  expiresAt: z.string(),
});
