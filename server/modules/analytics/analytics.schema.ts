import { z } from 'zod';
import { INDICATOR_IDS } from '../../../common/analytics.js';
import { PLATFORM_MODELS } from '../../../common/roles.js';
import { REPORT_BASES } from '../../../common/tech-transfer-report.js';
import { currencyCode } from '../agreements/agreements.schema.js';

const uuid = z.uuid();

/** The cuts of the analytics (docs/analytics.md); every one optional. */
export const analyticsQuery = z
  .strictObject({
    /** First and last report year; a fiscal year is named by the calendar year it ends in. */
    from: z.coerce.number().int().min(1900).max(2200),
    to: z.coerce.number().int().min(1900).max(2200),
    /** `calendar` (default) or `fiscal`: each platform's own fiscal year (its start month). */
    basis: z.enum(REPORT_BASES).default('calendar'),
    /** Comma-separated platform ids; default every platform the caller may analyse. */
    platformIds: z
      .string()
      .refine(
        (s) => {
          const ids = s.split(',').filter(Boolean);
          return ids.length <= 100 && ids.every((id) => uuid.safeParse(id).success);
        },
        // Refused at /platformIds itself: the caller sent one parameter, not a list of them.
        { message: 'a comma-separated list of at most 100 platform ids' },
      )
      .transform((s) => s.split(',').filter(Boolean))
      .optional(),
    model: z.enum(PLATFORM_MODELS).optional(),
    /** ISO 3166 country of the platform (the region cut). */
    country: z.string().trim().min(2).max(3).optional(),
    /** Government participation: the sum of the three 0–3 ratings (funding, R&D, management), at least. */
    minGovParticipation: z.coerce.number().int().min(0).max(9).optional(),
    /** One unit (its platform must be among the analysed ones); figures without a unit are then absent. */
    unitId: z.uuid().optional(),
    /**
     * One technology field, its sub-fields included; figures whose records carry no field (funding,
     * service requests) are then absent.
     */
    fieldId: z.uuid().optional(),
    /** The single currency of every amount (converted with the stored yearly rates). */
    currency: currencyCode.default('CNY'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'the last year must not be before the first' })
  .refine((q) => q.to - q.from < 30, { path: ['to'], message: 'at most 30 years' });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

const part = z.object({
  key: z.string(),
  total: z.number(),
  byYear: z.array(z.number().nullable()).nullable(),
});
export const figureView = z.object({
  /** Sum over the years (a ratio: over the summed parts); for a stock, the figure today. */
  total: z.number().nullable(),
  /** One value per year of `years`; null for a stock. */
  byYear: z.array(z.number().nullable()).nullable(),
  parts: z.array(part),
});
export type FigureView = z.infer<typeof figureView>;

export const analyticsPlatformView = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  model: z.enum(PLATFORM_MODELS),
  country: z.string().nullable(),
  ratingFunding: z.number().int(),
  ratingRd: z.number().int(),
  ratingManagement: z.number().int(),
  govParticipation: z.number().int(),
  fiscalYearStartMonth: z.number().int(),
  isIllustrative: z.boolean(),
  /** Some funding amount of the platform is an illustrative (demo) figure. */
  fundingIllustrative: z.boolean(),
  /** The unit the figures are cut to (a lab director's own unit), or null for the whole platform. */
  unitId: z.uuid().nullable(),
  /** Figure per indicator; absent (null) where the cut does not apply (a unit has no calls). */
  figures: z.record(z.enum(INDICATOR_IDS), figureView.nullable()),
});
export type AnalyticsPlatformView = z.infer<typeof analyticsPlatformView>;

export const analyticsView = z.object({
  years: z.array(z.number().int()),
  basis: z.enum(REPORT_BASES),
  currency: z.string(),
  /** Amounts in another currency were converted with the stored yearly rates (fx_rates). */
  converted: z.boolean(),
  platforms: z.array(analyticsPlatformView),
  generatedAt: z.string(),
});
export type AnalyticsView = z.infer<typeof analyticsView>;
