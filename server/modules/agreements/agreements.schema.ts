import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  CRADA_CLASSES,
  EXCLUSIVITIES,
  LICENCE_KINDS,
  RECEIPT_CATEGORIES,
  TERMINATION_REASONS,
} from '../../../common/ip.js';
import { money } from '../../../common/money.js';
import { isCurrencyCode } from '../../../common/platforms.js';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
export const currencyCode = z
  .string()
  .refine(isCurrencyCode, { message: 'an ISO 4217 currency code such as CNY, USD, EUR' });
/** Integer minor units (cents, fen); at most 10^13 so sums stay exact. */
const minor = z.number().int().min(-10_000_000_000_000).max(10_000_000_000_000);

export const ipLink = z.strictObject({
  disclosureId: z.uuid().optional(),
  filingId: z.uuid().optional(),
  otherAssetId: z.uuid().optional(),
});

export const createAgreementBody = z.strictObject({
  refNo: text(60),
  title: text(500),
  kind: z.enum(AGREEMENT_KINDS),
  /** Licences and options: what is licensed (invention = patents and patent applications). */
  licenceKind: z.enum(LICENCE_KINDS).nullable().optional(),
  exclusivity: z.enum(EXCLUSIVITIES).nullable().optional(),
  cradaClass: z.enum(CRADA_CLASSES).nullable().optional(),
  fieldOfUse: text(500).nullable().optional(),
  territory: text(200).nullable().optional(),
  /** The licensee or partner, from the organisation registry. */
  partnerOrgId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  fieldId: z.uuid().nullable().optional(),
  /** The day the partner asked in writing (federal "elapsed execution time" starts here). */
  requestDate: isoDate.nullable().optional(),
  executionDate: isoDate,
  /** The end of the term. */
  endDate: isoDate.nullable().optional(),
  terminationDate: isoDate.nullable().optional(),
  terminationReason: z.enum(TERMINATION_REASONS).nullable().optional(),
  /** Contract value (合同金额) in minor units; required for 技术开发/咨询/服务, 转让 and 作价投资. */
  contractValueMinor: minor.nonnegative().nullable().optional(),
  currency: currencyCode,
  ip: z.array(ipLink).max(100).default([]),
  /** The portal inquiry this licence or option answers: it moves to `licensed` (the funnel's last step). */
  inquiryId: z.uuid().optional(),
});
export type CreateAgreementInput = z.infer<typeof createAgreementBody>;

export const updateAgreementBody = z.strictObject({
  title: text(500).optional(),
  exclusivity: z.enum(EXCLUSIVITIES).nullable().optional(),
  fieldOfUse: text(500).nullable().optional(),
  territory: text(200).nullable().optional(),
  requestDate: isoDate.nullable().optional(),
  executionDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
  terminationDate: isoDate.nullable().optional(),
  terminationReason: z.enum(TERMINATION_REASONS).nullable().optional(),
  contractValueMinor: minor.nonnegative().nullable().optional(),
});
export type UpdateAgreementInput = z.infer<typeof updateAgreementBody>;

export const createReceiptBody = z.strictObject({
  receivedDate: isoDate,
  /** Minor units; negative only for a refund. */
  amountMinor: minor.refine((n) => n !== 0, { message: 'an amount other than zero' }),
  currency: currencyCode,
  category: z.enum(RECEIPT_CATEGORIES),
  note: text(500).nullable().optional(),
});
export type CreateReceiptInput = z.infer<typeof createReceiptBody>;

export const agreementListQuery = z.strictObject({
  kind: z.enum(AGREEMENT_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
  /** Executed on or after / on or before these days: the analytics' licences executed per year. */
  executedFrom: z.iso.date().optional(),
  executedTo: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

export const platformParams = z.strictObject({ platformId: z.uuid() });
export const idParams = z.strictObject({ id: z.uuid() });

export { type Money, money } from '../../../common/money.js';

export const distributionView = z.object({
  id: z.uuid(),
  recipientKind: z.enum(['inventor', 'unit', 'platform']),
  personId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  recipientName: z.string(),
  amount: money,
});

export const receiptView = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  receivedDate: z.string(),
  amount: money,
  category: z.enum(RECEIPT_CATEGORIES),
  note: z.string().nullable(),
  distributions: z.array(distributionView),
  createdAt: z.string(),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const agreementSummary = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  licenceKind: z.enum(LICENCE_KINDS).nullable(),
  exclusivity: z.enum(EXCLUSIVITIES).nullable(),
  cradaClass: z.enum(CRADA_CLASSES).nullable(),
  fieldOfUse: z.string().nullable(),
  territory: z.string().nullable(),
  partner: z.object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    /** An enterprise of size SME (fewer than 500 employees in the federal report's sense). */
    smallBusiness: z.boolean(),
  }),
  unitId: z.uuid().nullable(),
  fieldId: z.uuid().nullable(),
  requestDate: z.string().nullable(),
  executionDate: z.string(),
  endDate: z.string().nullable(),
  terminationDate: z.string().nullable(),
  terminationReason: z.enum(TERMINATION_REASONS).nullable(),
  contractValue: money.nullable(),
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgreementSummary = z.infer<typeof agreementSummary>;
export const agreementView = agreementSummary.extend({
  ip: z.array(
    z.object({
      disclosureId: z.uuid().nullable(),
      filingId: z.uuid().nullable(),
      otherAssetId: z.uuid().nullable(),
      label: z.string(),
    }),
  ),
  receipts: z.array(receiptView),
  received: z.array(money),
});
export type AgreementView = z.infer<typeof agreementView>;
export const agreementList = z.object({ items: z.array(agreementSummary), total: z.number().int() });

export const fxRateInput = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  currency: currencyCode,
  quoteCurrency: currencyCode,
  /** Units of quoteCurrency for one unit of currency (yearly average), up to 6 decimals. */
  rate: z.number().positive().max(1_000_000),
});
export const fxRatesBody = z.strictObject({ rates: z.array(fxRateInput).min(1).max(500) });
export type FxRatesInput = z.infer<typeof fxRatesBody>;
export const fxRateView = z.object({
  year: z.number().int(),
  currency: z.string(),
  quoteCurrency: z.string(),
  rate: z.number(),
  updatedAt: z.string(),
});
export const fxRateList = z.object({ items: z.array(fxRateView) });

export const distributionRuleBody = z.strictObject({
  name: text(200),
  currency: currencyCode,
  /** The first amount of each calendar year's income per agreement that goes to the inventors in full. */
  inventorFirstMinor: z.number().int().min(0).max(10_000_000_000),
  /** Share of the rest to the inventors, percent with up to two decimals (federal: 15; 中国: ≥ 50). */
  inventorSharePct: z.number().min(0).max(100).multipleOf(0.01),
});
export type DistributionRuleInput = z.infer<typeof distributionRuleBody>;
export const distributionRuleView = z.object({
  platformId: z.uuid(),
  rule: z
    .object({
      name: z.string(),
      currency: z.string(),
      inventorFirstMinor: z.number().int(),
      inventorSharePct: z.number(),
      updatedAt: z.string(),
    })
    .nullable(),
});
