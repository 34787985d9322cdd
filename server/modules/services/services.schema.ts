import { z } from 'zod';
import {
  PRICE_RULES,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  SERVICE_KINDS,
  SERVICE_STATES,
} from '../../../common/services.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in integer minor units: never negative, never fractional (ADR 0002). */
export const minor = z.number().int().min(0).max(1e13);
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO-4217 code');

export const accreditation = z.strictObject({ body: text(20), number: text(60) });

export const serviceBody = z.strictObject({
  unitId: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  nameZh: text(200),
  nameEn: text(200),
  descriptionZh: text(4000),
  descriptionEn: text(4000),
  fieldIds: z.array(z.uuid()).max(20).default([]),
  methodStandard: text(300).nullable().default(null),
  accreditations: z.array(accreditation).max(10).default([]),
  priceRule: z.enum(PRICE_RULES),
  priceMinor: minor,
  currency,
  turnaroundDays: z.number().int().min(1).max(3650),
  capacityPerMonth: z.number().int().min(1).max(100_000),
});
export type ServiceInput = z.infer<typeof serviceBody>;

export const serviceView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  unit: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() }),
  kind: z.enum(SERVICE_KINDS),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  fieldIds: z.array(z.uuid()),
  methodStandard: z.string().nullable(),
  accreditations: z.array(accreditation),
  priceRule: z.enum(PRICE_RULES),
  priceMinor: z.number().int(),
  currency: z.string(),
  turnaroundDays: z.number().int(),
  capacityPerMonth: z.number().int(),
  state: z.enum(SERVICE_STATES),
  updatedAt: z.string(),
});
export type ServiceView = z.infer<typeof serviceView>;
export const serviceList = z.object({ items: z.array(serviceView), total: z.number().int() });

export const serviceIdParams = z.strictObject({ id: z.uuid() });
export const platformParams = z.strictObject({ platformId: z.uuid() });
export const serviceStateBody = z.strictObject({ to: z.enum(SERVICE_STATES) });

export const catalogQuery = z.strictObject({
  /** Words in Chinese or English, matched against both languages (ADR 0009). */
  q: z.string().trim().max(200).optional(),
  kind: z.enum(SERVICE_KINDS).optional(),
  unitId: z.uuid().optional(),
  fieldId: z.uuid().optional(),
  state: z.enum(SERVICE_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CatalogQuery = z.infer<typeof catalogQuery>;

export const createRequestBody = z.strictObject({
  description: text(4000),
  quantity: z.number().int().min(1).max(100_000).default(1),
  wantedBy: z.iso.date().nullable().default(null),
});
export type CreateRequestInput = z.infer<typeof createRequestBody>;

export const requestTransitionBody = z.strictObject({
  action: z.enum(REQUEST_ACTIONS).exclude(['deliver']),
  /** Required for cancel, rework, dispute and resolve. */
  reason: text(2000).optional(),
  /** The quote (action quote): price in minor units of the service's currency, delivery date, terms. */
  priceMinor: minor.optional(),
  dueOn: z.iso.date().optional(),
  terms: text(4000).optional(),
  /** The rating (action rate): 1–5 and a comment. */
  rating: z.number().int().min(1).max(5).optional(),
  comment: text(2000).optional(),
});
export type RequestTransitionInput = z.infer<typeof requestTransitionBody>;

export const requestView = z.object({
  /** SR-<year>-<five digits>: per platform and calendar year, without gaps. */
  number: z.string(),
  id: z.uuid(),
  platformId: z.uuid(),
  service: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), kind: z.enum(SERVICE_KINDS) }),
  unitId: z.uuid(),
  requesterId: z.uuid(),
  organisationId: z.uuid().nullable(),
  state: z.enum(REQUEST_STATES),
  description: z.string(),
  quantity: z.number().int(),
  wantedBy: z.string().nullable(),
  quote: z
    .object({
      priceMinor: z.number().int(),
      currency: z.string(),
      dueOn: z.string(),
      terms: z.string().nullable(),
    })
    .nullable(),
  report: z
    .object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
    .nullable(),
  deliveredAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  lastReason: z.string().nullable(),
  overdue: z.boolean(),
  /** The impact survey: due a year after delivery, null before delivery. */
  survey: z.object({ dueOn: z.string(), due: z.boolean(), answered: z.boolean() }).nullable(),
  next: z.array(z.enum(REQUEST_ACTIONS)),
  createdAt: z.string(),
  transitions: z
    .array(
      z.object({
        action: z.string(),
        from: z.string().nullable(),
        to: z.string(),
        at: z.string(),
        reason: z.string().nullable(),
      }),
    )
    .optional(),
});
export type RequestView = z.infer<typeof requestView>;
export const requestList = z.object({ items: z.array(requestView), total: z.number().int() });

export const requestIdParams = z.strictObject({ id: z.uuid() });
export const requestsQuery = z.strictObject({
  /** mine: the caller's enterprise; unit: addressed to a unit the caller acts for; all: the platform. */
  platformId: z.uuid(),
  view: z.enum(['mine', 'unit', 'all']).default('mine'),
  unitId: z.uuid().optional(),
  state: z.enum(REQUEST_STATES).optional(),
  /** Created on or after / on or before these days (UTC): the analytics' drill-down by year. */
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

export const surveyBody = z.strictObject({
  salesMinor: minor,
  savingsMinor: minor,
  investmentMinor: minor,
  jobs: z.number().int().min(-100_000).max(100_000),
  comment: text(2000).optional(),
});
export type SurveyInput = z.infer<typeof surveyBody>;

export const surveyRollup = z.object({
  units: z.array(
    z.object({
      unitId: z.uuid(),
      answers: z.number().int(),
      salesMinor: z.number().int(),
      savingsMinor: z.number().int(),
      investmentMinor: z.number().int(),
      jobs: z.number().int(),
      averageRating: z.number().nullable(),
    }),
  ),
});
