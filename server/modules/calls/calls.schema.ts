import { z } from 'zod';
import {
  CALL_EFFECTIVE_STATES,
  CALL_STATES,
  callCriteria,
  requiredAttachments,
  screeningChecklist,
} from '../../../common/calls.js';
import { eligibilityRules } from '../../../common/eligibility.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';
import { currencyCode } from '../platforms/platforms.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** An instant in UTC, e.g. 2026-06-30T09:00:00Z (an offset is accepted and converted to UTC). */
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
/** Integer minor units of the call's currency. */
const money = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Every editable part of a call; create requires code, titles, times and budget. */
const editable = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'letters, digits, _ - (1–40 characters)'),
  titleZh: text(300),
  titleEn: text(300),
  summaryZh: text(20_000).nullable(),
  summaryEn: text(20_000).nullable(),
  opensAt: instant,
  closesAt: instant,
  /** The platform's default currency when omitted. */
  currency: currencyCode,
  budgetTotalMinor: money,
  ceilingMinor: money,
  eligibility: eligibilityRules,
  criteria: callCriteria,
  reviewersPerApplication: z.int().min(1).max(20),
  requiredAttachments,
  screeningChecklist,
  resubmitWindowDays: z.int().min(0).max(365),
  /** The call's contact person (联系人): name, phone and e-mail, each optional. */
  contactName: text(100).nullable(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+()\- ]{3,40}$/, 'digits, spaces, + ( ) -')
    .nullable(),
  contactEmail: z.email().max(254).nullable(),
};

export const createCallBody = z.strictObject({
  code: editable.code,
  titleZh: editable.titleZh,
  titleEn: editable.titleEn,
  summaryZh: editable.summaryZh.optional(),
  summaryEn: editable.summaryEn.optional(),
  opensAt: editable.opensAt,
  closesAt: editable.closesAt,
  currency: editable.currency.optional(),
  budgetTotalMinor: editable.budgetTotalMinor,
  ceilingMinor: editable.ceilingMinor,
  eligibility: editable.eligibility.optional(),
  criteria: editable.criteria.optional(),
  reviewersPerApplication: editable.reviewersPerApplication.optional(),
  requiredAttachments: editable.requiredAttachments.optional(),
  screeningChecklist: editable.screeningChecklist.optional(),
  resubmitWindowDays: editable.resubmitWindowDays.optional(),
  contactName: editable.contactName.optional(),
  contactPhone: editable.contactPhone.optional(),
  contactEmail: editable.contactEmail.optional(),
  ...fieldRefs,
});
export type CreateCallInput = z.infer<typeof createCallBody>;

/** 复制申报指南: what a copy cannot take from the earlier call (its own code and dates); titles optionally. */
export const copyCallBody = createCallBody
  .pick({ code: true, opensAt: true, closesAt: true, titleZh: true, titleEn: true })
  .partial({ titleZh: true, titleEn: true });
export type CopyCallInput = z.infer<typeof copyCallBody>;

/** Only drafts are edited; given parts replace the stored ones (fields too). */
export const updateCallBody = z.strictObject({
  code: editable.code.optional(),
  titleZh: editable.titleZh.optional(),
  titleEn: editable.titleEn.optional(),
  summaryZh: editable.summaryZh.optional(),
  summaryEn: editable.summaryEn.optional(),
  opensAt: editable.opensAt.optional(),
  closesAt: editable.closesAt.optional(),
  currency: editable.currency.optional(),
  budgetTotalMinor: editable.budgetTotalMinor.optional(),
  ceilingMinor: editable.ceilingMinor.optional(),
  eligibility: editable.eligibility.optional(),
  criteria: editable.criteria.optional(),
  reviewersPerApplication: editable.reviewersPerApplication.optional(),
  requiredAttachments: editable.requiredAttachments.optional(),
  screeningChecklist: editable.screeningChecklist.optional(),
  resubmitWindowDays: editable.resubmitWindowDays.optional(),
  contactName: editable.contactName.optional(),
  contactPhone: editable.contactPhone.optional(),
  contactEmail: editable.contactEmail.optional(),
  ...fieldRefs,
});
export type UpdateCallInput = z.infer<typeof updateCallBody>;

export const transitionBody = z.strictObject({ reason: text(2000).optional() });
export const extendDeadlineBody = z.strictObject({ closesAt: instant, reason: text(2000) });
export type ExtendDeadlineInput = z.infer<typeof extendDeadlineBody>;

export const callIdParams = z.strictObject({ id: z.uuid() });
export const platformCallsParams = z.strictObject({ platformId: z.uuid() });

/** The public list: open (now), upcoming, past (closed and later), or all published. */
export const PUBLIC_CALL_FILTERS = ['open', 'upcoming', 'past', 'all'] as const;
/**
 * Calls that opened between two dates (inclusive; drafts never opened): the analytics' drill-down opens
 * the list with the report year's bounds (docs/analytics.md).
 */
const openedWithin = {
  openedFrom: z.iso.date().optional(),
  openedTo: z.iso.date().optional(),
};
export const publicCallsQuery = z.strictObject({
  status: z.enum(PUBLIC_CALL_FILTERS).default('all'),
  platformId: z.uuid().optional(),
  fieldId: z.uuid().optional(),
  ...openedWithin,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicCallsQuery = z.infer<typeof publicCallsQuery>;

/**
 * The staff list of a platform: every state, drafts included, newest first. Paged when `pageSize` is
 * given (the calls page; `total` counts every match), else whole (the screening's call filter, the export).
 */
export const staffCallsQuery = z.strictObject({
  state: z.enum(CALL_EFFECTIVE_STATES).optional(),
  ...openedWithin,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
export type StaffCallsQuery = z.infer<typeof staffCallsQuery>;

const platformRef = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** What anyone sees of a published call. Times are UTC; the client shows them in the viewer's zone. */
export const publicCallView = z.object({
  id: z.uuid(),
  platform: platformRef,
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
  effectiveState: z.enum(CALL_EFFECTIVE_STATES),
  opensAt: z.string(),
  closesAt: z.string(),
  /** The server's clock when answering, so the client can count down without trusting its own clock. */
  serverNow: z.string(),
  currency: z.string(),
  budgetTotalMinor: z.number().int(),
  ceilingMinor: z.number().int(),
  fields: z.array(fieldSummary),
  eligibility: eligibilityRules,
  criteria: callCriteria,
  reviewersPerApplication: z.number().int(),
  requiredAttachments,
  resubmitWindowDays: z.number().int(),
  /** The contact person (联系人) applicants ask about the call. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  publishedAt: z.string().nullable(),
  deadlineExtensions: z.array(
    z.object({ previousClosesAt: z.string(), closesAt: z.string(), reason: z.string(), at: z.string() }),
  ),
});
export type PublicCallView = z.infer<typeof publicCallView>;

/** The staff view adds the stored state, the checklist and bookkeeping. */
export const callView = publicCallView.extend({
  state: z.enum(CALL_STATES),
  screeningChecklist,
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  access: z.object({
    canEdit: z.boolean(),
    canPublish: z.boolean(),
    canExtend: z.boolean(),
    canClose: z.boolean(),
    /** 复制申报指南: start a new draft from this call (any state). */
    canCopy: z.boolean(),
  }),
});
export type CallView = z.infer<typeof callView>;

export const publicCallSummary = publicCallView.pick({
  id: true,
  platform: true,
  code: true,
  titleZh: true,
  titleEn: true,
  effectiveState: true,
  opensAt: true,
  closesAt: true,
  currency: true,
  budgetTotalMinor: true,
  ceilingMinor: true,
  fields: true,
});
export type PublicCallSummary = z.infer<typeof publicCallSummary>;

export const publicCallList = z.object({
  items: z.array(publicCallSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  serverNow: z.string(),
  counts: z.object({ open: z.number().int(), upcoming: z.number().int(), past: z.number().int() }),
});
export type PublicCallList = z.infer<typeof publicCallList>;

export const staffCallSummary = publicCallSummary.extend({
  state: z.enum(CALL_STATES),
  updatedAt: z.string(),
});
export const staffCallList = z.object({
  items: z.array(staffCallSummary),
  total: z.number().int(),
  serverNow: z.string(),
  access: z.object({ canCreate: z.boolean() }),
});
export type StaffCallList = z.infer<typeof staffCallList>;
