import { z } from 'zod';
import { FUNDING_SOURCES, isCurrencyCode, RATING_MAX } from '../../../common/platforms.js';
import { PLATFORM_MODELS } from '../../../common/roles.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';

export const platformSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  model: z.enum(PLATFORM_MODELS),
});
export const platformList = z.object({ items: z.array(platformSummary) });

const text = (max: number) => z.string().trim().min(1).max(max);
const rating = z.number().int().min(0).max(RATING_MAX);
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'an ISO 4217 currency code such as CNY, USD, EUR' });

/** Every editable profile field; create requires the first four. */
const profile = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, 'letters, digits, _ - (1–32 characters)'),
  nameZh: text(200),
  nameEn: text(200),
  model: z.enum(PLATFORM_MODELS),
  ratingFunding: rating,
  ratingRd: rating,
  ratingManagement: rating,
  supervisingDepartmentZh: text(200).nullable(),
  supervisingDepartmentEn: text(200).nullable(),
  committeeAppointerZh: text(200).nullable(),
  committeeAppointerEn: text(200).nullable(),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  defaultCurrency: currencyCode,
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code')
    .nullable(),
  foundedYear: z.number().int().min(1800).max(2100).nullable(),
  descriptionZh: text(4000).nullable(),
  descriptionEn: text(4000).nullable(),
  /** Free text shown with the record, e.g. which figures are illustrative rather than from a source. */
  notes: text(4000).nullable(),
  isIllustrative: z.boolean(),
};
const { code, nameZh, nameEn, model, ...rest } = profile;
export const createPlatformBody = z.strictObject({
  code,
  nameZh,
  nameEn,
  model,
  ...z.object(rest).partial().shape,
});
export type CreatePlatformInput = z.infer<typeof createPlatformBody>;
export const updatePlatformBody = z.strictObject(z.object(profile).partial().shape);
export type UpdatePlatformInput = z.infer<typeof updatePlatformBody>;

export const fundingRowInput = z.strictObject({
  year: z.number().int().min(1900).max(2100),
  source: z.enum(FUNDING_SOURCES),
  /** Integer minor units of the currency (cents for USD, yen for JPY). */
  amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Defaults to the platform's default currency and must equal it. */
  currency: currencyCode.optional(),
  isIllustrative: z.boolean().default(false),
  note: text(500).nullable().optional(),
});
export const setFundingBody = z.strictObject({ rows: z.array(fundingRowInput).max(1000) });
export type FundingRowInput = z.infer<typeof fundingRowInput>;

export const setPlatformFieldsBody = z.strictObject(fieldRefs);
export const platformIdParams = z.strictObject({ id: z.uuid() });

export const fundingRow = z.object({
  year: z.number().int(),
  source: z.enum(FUNDING_SOURCES),
  amountMinor: z.number().int(),
  currency: z.string(),
  isIllustrative: z.boolean(),
  note: z.string().nullable(),
});
export const fundingTable = z.object({
  currency: z.string(),
  /** Digits of the minor unit (USD 2, JPY 0): amountMinor / 10^digits is the amount. */
  currencyDigits: z.number().int(),
  rows: z.array(fundingRow),
});
export const fieldList = z.object({ items: z.array(fieldSummary) });

export const platformProfile = platformSummary.extend({
  ratingFunding: z.number().int(),
  ratingRd: z.number().int(),
  ratingManagement: z.number().int(),
  supervisingDepartmentZh: z.string().nullable(),
  supervisingDepartmentEn: z.string().nullable(),
  committeeAppointerZh: z.string().nullable(),
  committeeAppointerEn: z.string().nullable(),
  fiscalYearStartMonth: z.number().int(),
  defaultCurrency: z.string(),
  country: z.string().nullable(),
  foundedYear: z.number().int().nullable(),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  notes: z.string().nullable(),
  isIllustrative: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlatformProfile = z.infer<typeof platformProfile>;
