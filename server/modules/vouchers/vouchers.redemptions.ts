import type { Kysely } from 'kysely';
import { catalogPrice } from '../../../common/services.js';
import { REDEEMABLE_REQUEST_STATES, subsidyPercent, voucherPart } from '../../../common/vouchers.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { serviceRequestNumbers } from '../services/services.lookup.js';
import { accessibleRequest } from '../services/services.requests.js';
import { serviceById } from '../services/services.service.js';
import { governsVouchers, readsAllVouchers } from './vouchers.policy.js';
import {
  findRedemption,
  findSettlement,
  insertRedemption,
  insertSettlement,
  type Redemption,
  redemptionList,
  replaceRedemption,
  type Settlement,
  settlementList,
  settlementOfMonth,
  settleRedemptions,
} from './vouchers.redemptions.repository.js';
import { appendLedger, balanceOf, findScheme, findVoucher } from './vouchers.repository.js';
import type { RedeemInput } from './vouchers.schema.js';
import { refused, visibleVoucher } from './vouchers.service.js';

const bare = ({ createdAt: _c, platformId: _p, reportSha256: _r, ...r }: Redemption) => r;

/** Redemptions as answered: each with its scheme's currency (one read per voucher) and request number. */
async function views(db: Kysely<DB>, rows: readonly Redemption[]) {
  const currencies = new Map<string, string>();
  for (const id of new Set(rows.map((x) => x.voucherId))) {
    const v = await findVoucher(db, null, id);
    currencies.set(id, (v && (await findScheme(db, null, v.schemeId))?.currency) ?? 'CNY');
  }
  const numbers = await serviceRequestNumbers(
    db,
    rows.map((x) => x.serviceRequestId),
  );
  return rows.map((x) => ({
    ...bare(x),
    serviceRequestNumber: numbers.get(x.serviceRequestId)!,
    currency: currencies.get(x.voucherId)!,
  }));
}
const view = async (db: Kysely<DB>, x: Redemption) => (await views(db, [x]))[0]!;

/**
 * The enterprise pays part of a quote with its voucher: the scheme's share of the quoted price (by its
 * region and the provider's), never beyond the balance. The part is planned here and taken from the
 * balance only when the provider redeems it with proof.
 */
export async function useVoucher(ctx: Ctx, requestId: string, voucherId: string) {
  const r = await write(
    ctx,
    async (trx, audit) => {
      const { r: request, sides } = await accessibleRequest(trx, ctx, requestId, true);
      if (!sides.includes('enterprise')) throw forbidden();
      const { v, s, own } = await visibleVoucher(trx, ctx, voucherId, true);
      if (!own || v.organisationId !== request.organisationId)
        throw refused('vouchers.not_found', '/voucherId');
      if (v.state !== 'issued') throw refused('vouchers.voucher_state', '/voucherId');
      const day = isoNow(ctx.clock).slice(0, 10);
      if (day < s.validFrom || day > s.validTo) throw refused('vouchers.expired', '/voucherId');
      if (!['quoted', 'accepted', 'contracted'].includes(request.state) || request.quotePriceMinor === null)
        throw new AppError(409, 'vouchers.request_state', { currentState: request.state });
      const service = (await serviceById(trx, null, request.serviceId))!;
      const provider = s.rules.providers.find((p) => p.unitId === request.unitId);
      if ((s.rules.providers.length > 0 && !provider) || !s.rules.serviceKinds.includes(service.kind))
        throw refused('vouchers.provider_not_eligible', '/voucherId');
      if (
        (await redemptionList(trx, { platformId: request.platformId })).some(
          (x) => x.serviceRequestId === requestId,
        )
      )
        throw new AppError(409, 'vouchers.already_used');
      const { balanceMinor } = await balanceOf(trx, v.id);
      const percent = subsidyPercent(s.rules, v.profile.region, provider?.region ?? null);
      const part = voucherPart(request.quotePriceMinor, percent, balanceMinor);
      if (part <= 0) throw refused('vouchers.insufficient_balance', '/voucherId', { balanceMinor });
      const x: Redemption = {
        id: newId(),
        voucherId: v.id,
        serviceRequestId: requestId,
        platformId: request.platformId,
        unitId: request.unitId,
        priceMinor: request.quotePriceMinor,
        voucherMinor: part,
        state: 'planned',
        contractRef: null,
        reportSha256: null,
        paymentRef: null,
        paidByEnterpriseMinor: null,
        redeemedAt: null,
        settlementId: null,
        createdAt: isoNow(ctx.clock),
      };
      await insertRedemption(trx, x);
      await audit({
        action: 'voucher.use_planned',
        entityType: 'voucher_redemption',
        entityId: x.id,
        platformId: request.platformId,
        after: { voucherId: v.id, requestId, percent, voucherMinor: part },
      });
      return x;
    },
    { retryOnUniqueViolation: true },
  );
  return view(ctx.db, r);
}

/**
 * The provider redeems the voucher part of a delivered request: the contract reference, the delivered
 * report and proof that the enterprise paid its own share are required. The voucher row is locked and
 * the ledger's next entry number is unique, so concurrent redemptions cannot spend one balance twice.
 */
export async function redeem(ctx: Ctx, id: string, input: RedeemInput) {
  const r = await write(
    ctx,
    async (trx, audit) => {
      const before = await findRedemption(trx, ctx.seam, id);
      if (!before) throw notFound('vouchers.redemption_not_found');
      const { r: request, sides } = await accessibleRequest(trx, ctx, before.serviceRequestId, false);
      if (!sides.includes('unit')) throw forbidden();
      if (before.state !== 'planned')
        throw new AppError(409, 'vouchers.already_redeemed', { currentState: before.state });
      if (!(REDEEMABLE_REQUEST_STATES as readonly string[]).includes(request.state) || !request.reportSha256)
        throw new AppError(409, 'vouchers.report_required', { currentState: request.state });
      const owed = before.priceMinor - before.voucherMinor;
      if (input.paidByEnterpriseMinor < owed)
        throw refused('vouchers.payment_required', '/paidByEnterpriseMinor', { owedMinor: owed });
      const voucher = (await findVoucher(trx, ctx.seam, before.voucherId))!;
      const { balanceMinor, nextSeq } = await balanceOf(trx, voucher.id);
      if (balanceMinor < before.voucherMinor)
        throw refused('vouchers.insufficient_balance', '/voucherId', { balanceMinor });
      const now = isoNow(ctx.clock);
      await appendLedger(trx, {
        id: newId(),
        voucherId: voucher.id,
        seq: nextSeq,
        kind: 'redeem',
        amountMinor: -before.voucherMinor,
        balanceAfterMinor: balanceMinor - before.voucherMinor,
        redemptionId: id,
        at: now,
        actorId: ctx.actor?.userId || null,
      });
      const after: Redemption = {
        ...before,
        ...input,
        state: 'redeemed',
        reportSha256: request.reportSha256,
        redeemedAt: now,
      };
      await replaceRedemption(trx, after);
      await audit({
        action: 'voucher.redeemed',
        entityType: 'voucher_redemption',
        entityId: id,
        platformId: before.platformId,
        before: { state: before.state },
        after: { state: 'redeemed', voucherMinor: before.voucherMinor, ...input },
      });
      return after;
    },
    { retryOnUniqueViolation: true },
  );
  return view(ctx.db, r);
}

/** Redemptions the caller may see: the platform's for its overseers, else its units' and its own. */
export async function listRedemptions(ctx: Ctx, platformId: string) {
  if (readsAllVouchers(ctx.actor, platformId))
    return { items: await views(ctx.db, await redemptionList(ctx.db, { platformId })) };
  const items: Redemption[] = [];
  for (const x of await redemptionList(ctx.db, { platformId })) {
    try {
      const { sides } = await accessibleRequest(ctx.db, ctx, x.serviceRequestId, false);
      if (sides.length > 0) items.push(x);
    } catch {
      // not the caller's: left out
    }
  }
  return { items: await views(ctx.db, items) };
}

const monthBounds = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
};

/** The supervisor settles a month: every redemption redeemed before its end and not yet settled. */
export async function settleMonth(ctx: Ctx, platformId: string, month: string) {
  if (!governsVouchers(ctx.actor, platformId)) throw forbidden();
  const s = await write(
    ctx,
    async (trx, audit) => {
      if (await settlementOfMonth(trx, platformId, month)) throw new AppError(409, 'vouchers.month_settled');
      const due = await redemptionList(trx, {
        platformId,
        states: ['redeemed'],
        redeemedBefore: monthBounds(month).to,
      });
      if (due.length === 0) throw refused('vouchers.nothing_to_settle', '/month');
      const scheme = await findScheme(trx, null, (await findVoucher(trx, null, due[0]!.voucherId))!.schemeId);
      const settlement: Settlement = {
        id: newId(),
        platformId,
        month,
        totalMinor: due.reduce((n, x) => n + x.voucherMinor, 0),
        currency: scheme!.currency,
        createdAt: isoNow(ctx.clock),
        createdBy: ctx.actor?.userId || null,
      };
      await insertSettlement(trx, settlement);
      await settleRedemptions(
        trx,
        due.map((x) => x.id),
        settlement.id,
      );
      await audit({
        action: 'voucher_settlement.created',
        entityType: 'voucher_settlement',
        entityId: settlement.id,
        platformId,
        after: { month, totalMinor: settlement.totalMinor, redemptions: due.map((x) => x.id) },
      });
      return settlement;
    },
    { retryOnUniqueViolation: true },
  );
  return settlementDetail(ctx, s.id);
}

export async function settlementDetail(ctx: Ctx, id: string) {
  const s = await findSettlement(ctx.db, id);
  if (!s || !readsAllVouchers(ctx.actor, s.platformId)) throw notFound('vouchers.settlement_not_found');
  const redemptions = await redemptionList(ctx.db, { platformId: s.platformId, settlementId: id });
  const { createdBy: _b, ...rest } = s;
  return { ...rest, redemptions: await views(ctx.db, redemptions) };
}

export async function listSettlements(ctx: Ctx, platformId: string) {
  if (!readsAllVouchers(ctx.actor, platformId)) throw forbidden();
  return { items: (await settlementList(ctx.db, platformId)).map(({ createdBy: _b, ...s }) => s) };
}

/** Catalog price of a request, for the "price above catalog" signal. */
export async function catalogPriceOf(ctx: Ctx, requestId: string) {
  const { r } = await accessibleRequest(ctx.db, ctx, requestId, false);
  const service = (await serviceById(ctx.db, null, r.serviceId))!;
  return {
    catalog: catalogPrice(service.priceRule, service.priceMinor, r.quantity),
    rating: r.rating,
    unitId: r.unitId,
    number: r.number,
  };
}
