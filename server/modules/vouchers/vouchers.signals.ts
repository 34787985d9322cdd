import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { governsVouchers } from './vouchers.policy.js';
import { catalogPriceOf } from './vouchers.redemptions.js';
import { redemptionList } from './vouchers.redemptions.repository.js';
import { voucherList } from './vouchers.repository.js';
import { sharedPeopleOrAddress } from './vouchers.signals.shared.js';

/** At least this many rated requests before "all 5 from one provider's clients" is a signal. */
const MIN_RATINGS = 3;

/**
 * Fraud signals for the supervisor, each with its evidence: one actual controller behind several
 * enterprises; a voucher-paid price above the catalog price; a provider whose voucher clients all
 * rated 5; a provider and an enterprise sharing people or an address (vouchers.signals.shared.ts).
 * Signals are leads to check, not findings.
 */
export async function fraudSignals(ctx: Ctx, platformId: string) {
  if (!governsVouchers(ctx.actor, platformId)) throw forbidden();
  const items: Array<{
    kind: 'same_controller' | 'price_above_catalog' | 'all_top_ratings' | 'shared_people_or_address';
    evidence: Record<string, unknown>;
  }> = [];
  const vouchers = await voucherList(ctx.db, { platformId });
  const byController = new Map<string, { name: string; organisations: Set<string>; vouchers: string[] }>();
  for (const v of vouchers) {
    const c = byController.get(v.controllerKey) ?? {
      name: v.profile.controllerName,
      organisations: new Set(),
      vouchers: [],
    };
    c.organisations.add(v.organisationId);
    c.vouchers.push(v.id);
    byController.set(v.controllerKey, c);
  }
  for (const [key, c] of byController)
    if (c.organisations.size > 1)
      items.push({
        kind: 'same_controller',
        evidence: {
          controllerId: key,
          controllerName: c.name,
          organisationIds: [...c.organisations],
          voucherIds: c.vouchers,
        },
      });
  const ratings = new Map<string, number[]>();
  const redemptions = await redemptionList(ctx.db, { platformId });
  for (const x of redemptions) {
    const { catalog, rating, unitId, number } = await catalogPriceOf(ctx, x.serviceRequestId);
    if (x.priceMinor > catalog)
      items.push({
        kind: 'price_above_catalog',
        evidence: {
          redemptionId: x.id,
          serviceRequestNumber: number,
          priceMinor: x.priceMinor,
          catalogMinor: catalog,
        },
      });
    if (rating !== null) ratings.set(unitId, [...(ratings.get(unitId) ?? []), rating]);
  }
  for (const [unitId, rs] of ratings)
    if (rs.length >= MIN_RATINGS && rs.every((r) => r === 5))
      items.push({ kind: 'all_top_ratings', evidence: { unitId, ratings: rs.length } });
  items.push(...(await sharedPeopleOrAddress(ctx.db, platformId, redemptions)));
  return { items };
}
