import { z } from 'zod';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { INQUIRY_KINDS, INQUIRY_STATES, RESULT_TYPES } from '../../../common/results.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The public inquiry form on a published result (no sign-in). */
export const createInquiryBody = z.strictObject({
  kind: z.enum(INQUIRY_KINDS),
  name: text(100),
  organisation: text(200),
  email: z.email().max(200),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()-]{5,30}$/, 'a phone number')
    .nullable()
    .optional(),
  message: z.string().trim().min(10).max(4000),
  locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  /** The version of the privacy notice the visitor agreed to (个人信息保护法): the current one only. */
  consentVersion: z.literal(PRIVACY_NOTICE_VERSION),
});
export type CreateInquiryInput = z.infer<typeof createInquiryBody>;

export const inquiryReceipt = z.object({ id: z.uuid(), receivedAt: z.string() });

export const transitionBody = z.strictObject({
  to: z.enum(INQUIRY_STATES),
  /** Required when closing. */
  reason: text(1000).optional(),
  note: text(1000).optional(),
  /** The licence recorded from this inquiry (when moving to licensed). */
  licenceId: text(100).optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const inquiryIdParams = z.strictObject({ id: z.uuid() });
export const resultInquiryParams = z.strictObject({ id: z.uuid() });

export const listInquiriesQuery = z.strictObject({
  platformId: z.uuid().optional(),
  state: z.enum(INQUIRY_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListInquiriesQuery = z.infer<typeof listInquiriesQuery>;

export const funnelQuery = z.strictObject({
  platformId: z.uuid(),
  /** Inquiries received from this day (inclusive), YYYY-MM-DD. */
  from: z.iso.date().optional(),
  /** … up to this day (inclusive). */
  to: z.iso.date().optional(),
});

export const transitionView = z.object({
  id: z.uuid(),
  from: z.enum(INQUIRY_STATES).nullable(),
  to: z.enum(INQUIRY_STATES),
  at: z.string(),
  actorLabel: z.string(),
  note: z.string().nullable(),
});

export const inquiryView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  result: z.object({
    id: z.uuid(),
    type: z.enum(RESULT_TYPES),
    titleZh: z.string(),
    titleEn: z.string(),
  }),
  kind: z.enum(INQUIRY_KINDS),
  name: z.string(),
  organisation: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  message: z.string(),
  locale: z.string(),
  state: z.enum(INQUIRY_STATES),
  closeReason: z.string().nullable(),
  licenceId: z.string().nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** States this inquiry may move to next. */
  next: z.array(z.enum(INQUIRY_STATES)),
  transitions: z.array(transitionView),
});
export type InquiryView = z.infer<typeof inquiryView>;

export const inquiryList = z.object({
  items: z.array(inquiryView.omit({ transitions: true, message: true })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/**
 * The funnel for inquiries received in the period: how many reached each stage (an inquiry that was
 * licensed also passed discussion), and where they are now.
 */
export const funnelView = z.object({
  platformId: z.uuid(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  received: z.number().int(),
  reached: z.object({
    in_discussion: z.number().int(),
    nda_signed: z.number().int(),
    licensed: z.number().int(),
    closed: z.number().int(),
  }),
  current: z.record(z.enum(INQUIRY_STATES), z.number().int()),
});
