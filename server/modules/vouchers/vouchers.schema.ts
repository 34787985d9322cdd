import { z } from 'zod';
import {
  enterpriseProfile,
  REDEMPTION_STATES,
  SCHEME_STATES,
  schemeRules,
  VOUCHER_STATES,
} from '../../../common/vouchers.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in integer minor units: never negative, never fractional (ADR 0002). */
const minor = z.number().int().min(0).max(1e13);

export const platformParams = z.strictObject({ platformId: z.uuid() });
export const idParams = z.strictObject({ id: z.uuid() });
export const requestParams = z.strictObject({ requestId: z.uuid() });

export const schemeBody = z.strictObject({
  nameZh: text(200),
  nameEn: text(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO-4217 code'),
  rules: schemeRules,
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  lottery: z.boolean().default(false),
});
export type SchemeInput = z.infer<typeof schemeBody>;

export const schemeView = schemeBody.extend({
  id: z.uuid(),
  platformId: z.uuid(),
  state: z.enum(SCHEME_STATES),
  lotterySeed: z.string().nullable(),
  lotteryDraw: z.array(z.string()).nullable(),
  updatedAt: z.string(),
});
export type SchemeView = z.infer<typeof schemeView>;
export const schemeList = z.object({ items: z.array(schemeView) });
export const schemeStateBody = z.strictObject({ to: z.enum(SCHEME_STATES) });

export const applyBody = z.strictObject({ amountMinor: minor.min(1), profile: enterpriseProfile });
export type ApplyInput = z.infer<typeof applyBody>;

export const decisionBody = z.strictObject({
  action: z.enum(['issue', 'refuse']),
  reason: z.string().trim().max(1000).optional(),
});
export const lotteryBody = z.strictObject({
  /** Published in advance (e.g. a lottery date and number), so the draw can be re-run by anyone. */
  seed: text(200),
  winners: z.number().int().min(0).max(100_000),
});

export const ledgerEntryView = z.object({
  seq: z.number().int(),
  kind: z.string(),
  amountMinor: z.number().int(),
  balanceAfterMinor: z.number().int(),
  redemptionId: z.string().nullable(),
  at: z.string(),
});

export const voucherView = z.object({
  id: z.uuid(),
  schemeId: z.uuid(),
  organisationId: z.uuid(),
  /** The enterprise's names, for the supervisor's list. */
  organisation: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  state: z.enum(VOUCHER_STATES),
  amountMinor: z.number().int(),
  balanceMinor: z.number().int(),
  currency: z.string(),
  profile: enterpriseProfile,
  year: z.number().int(),
  issuedAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  ledger: z.array(ledgerEntryView).optional(),
});
export type VoucherView = z.infer<typeof voucherView>;
export const voucherList = z.object({ items: z.array(voucherView) });
export const vouchersQuery = z.strictObject({
  platformId: z.uuid(),
  /** mine: the caller's organisation's; all: the platform's (supervisor, platform admins). */
  view: z.enum(['mine', 'all']).default('mine'),
  schemeId: z.uuid().optional(),
});

export const useBody = z.strictObject({ voucherId: z.uuid() });
export const redeemBody = z.strictObject({
  contractRef: text(200),
  /** Proof the enterprise paid its own share: a payment reference and the amount paid. */
  paymentRef: text(200),
  paidByEnterpriseMinor: minor,
});
export type RedeemInput = z.infer<typeof redeemBody>;

export const redemptionView = z.object({
  id: z.uuid(),
  voucherId: z.uuid(),
  serviceRequestId: z.uuid(),
  /** The request's number (SR-2026-00042), what people quote. */
  serviceRequestNumber: z.string(),
  unitId: z.uuid(),
  priceMinor: z.number().int(),
  voucherMinor: z.number().int(),
  /** The scheme's currency, so the amounts can be read alone. */
  currency: z.string(),
  state: z.enum(REDEMPTION_STATES),
  contractRef: z.string().nullable(),
  paymentRef: z.string().nullable(),
  paidByEnterpriseMinor: z.number().int().nullable(),
  redeemedAt: z.string().nullable(),
  settlementId: z.string().nullable(),
});
export const redemptionList = z.object({ items: z.array(redemptionView) });
export const redemptionsQuery = z.strictObject({ platformId: z.uuid() });

export const settleBody = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });
export const settlementView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  month: z.string(),
  totalMinor: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
  redemptions: z.array(redemptionView),
});
export const settlementList = z.object({ items: z.array(settlementView.omit({ redemptions: true })) });

export const fraudSignals = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['same_controller', 'price_above_catalog', 'all_top_ratings', 'shared_people_or_address']),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
});
