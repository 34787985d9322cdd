import { z } from 'zod';
import { REPORT_BASES } from '../../../common/tech-transfer-report.js';
import { currencyCode } from '../agreements/agreements.schema.js';

export {
  type LicenceCounts,
  licenceCounts,
  REPORT_BASES,
  type Report,
  type ReportBasis,
  reportView,
} from '../../../common/tech-transfer-report.js';

export const reportQuery = z
  .strictObject({
    /** First year of the period (a fiscal year is named by the calendar year it ends in). */
    from: z.coerce.number().int().min(1900).max(2200),
    to: z.coerce.number().int().min(1900).max(2200),
    /** `fiscal`: the platform's fiscal year (its start month); `calendar`: January–December. */
    basis: z.enum(REPORT_BASES).default('fiscal'),
    unitId: z.uuid().optional(),
    fieldId: z.uuid().optional(),
    /** The single currency of every amount; default the platform's currency. Needs FX rates for others. */
    currency: currencyCode.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'the last year must not be before the first' })
  .refine((q) => q.to - q.from < 100, { path: ['to'], message: 'at most 100 years' });
export type ReportQuery = z.infer<typeof reportQuery>;
export const reportParams = z.strictObject({ platformId: z.uuid() });
