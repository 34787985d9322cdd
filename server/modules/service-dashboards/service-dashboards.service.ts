import { CONTACT_STATES } from '../../../common/needs.js';
import { REQUEST_STATES } from '../../../common/services.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { listNeeds } from '../needs/needs.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { listRequests } from '../services/services.queue.js';
import type { RequestView } from '../services/services.schema.js';
import { listRedemptions } from '../vouchers/vouchers.redemptions.js';
import { listVouchers } from '../vouchers/vouchers.service.js';
import { readsEnterpriseDashboard } from './service-dashboards.policy.js';
import type { DashboardView } from './service-dashboards.schema.js';
import {
  countsChart,
  figure,
  mean,
  monthOf,
  monthsChart,
  namedChart,
  sum,
  tally,
} from './service-dashboards.views.js';

/**
 * The dashboards of services to enterprises (issue 14; docs/services.md "Dashboards"). Every figure is
 * summed from lists read through their owners' services with the caller's own rights (the same lists
 * the services, vouchers and needs pages show), so a dashboard never counts what its reader may not see.
 */

/** The states in which a quote was accepted: the enterprise owes (and the unit earns) its price. */
export const COMMITTED_STATES: ReadonlySet<string> = new Set([
  'accepted',
  'contracted',
  'in_progress',
  'delivered',
  'rated',
  'closed',
  'disputed',
]);

/** The platform's currency after the usual checks: 404 to those without a role on it. */
export async function dashboardPlatform(ctx: Ctx, platformId: string, mayRead: boolean) {
  const platform = await platformOrNotFound(ctx.db, platformId);
  const actor = ctx.actor!;
  if (!actor.isSystemAdmin && !actor.roles.some((r) => r.platformId === platformId))
    throw notFound('platforms.not_found');
  if (!mayRead) throw forbidden();
  return platform.defaultCurrency;
}

/** Every request of a view (the list pages by 100), as the caller may see them. */
export async function allRequests(ctx: Ctx, platformId: string, view: 'mine' | 'unit' | 'all') {
  const items: RequestView[] = [];
  for (let page = 1; ; page++) {
    const r = await listRequests(ctx, { platformId, view, page, pageSize: 100 });
    items.push(...r.items);
    if (r.items.length === 0 || items.length >= r.total) return items;
  }
}

/** The enterprise's requests by state, spend and voucher use, ratings given, needs and their contacts. */
export async function enterpriseDashboard(ctx: Ctx, platformId: string): Promise<DashboardView> {
  const currency = await dashboardPlatform(ctx, platformId, readsEnterpriseDashboard(ctx.actor, platformId));
  const requests = await allRequests(ctx, platformId, 'mine');
  const mine = new Set(requests.map((r) => r.id));
  // A redemption is the voucher's part of a request's price; only those of the enterprise's requests.
  const voucherOf = new Map<string, number>();
  for (const x of (await listRedemptions(ctx, platformId)).items)
    if (mine.has(x.serviceRequestId)) voucherOf.set(x.serviceRequestId, x.voucherMinor);
  const vouchers = (await listVouchers(ctx, { platformId, view: 'mine' })).items.filter(
    (v) => v.state === 'issued',
  );
  const needs = (await listNeeds(ctx, { platformId, mine: true })).items;

  const committed = requests.filter((r) => COMMITTED_STATES.has(r.state) && r.quote);
  const spend = committed.flatMap((r) => {
    const voucher = voucherOf.get(r.id) ?? 0;
    const month = monthOf(r.createdAt);
    return [
      [month, 'own_share', r.quote!.priceMinor - voucher] as const,
      [month, 'voucher', voucher] as const,
    ];
  });
  const byState = tally(requests, (r) => r.state);
  const ratings = requests.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const contacts = needs.flatMap((n) => n.contacts);
  return {
    platformId,
    currency,
    figures: [
      figure('requests', 'count', requests.length),
      figure('quotes_to_answer', 'count', byState.get('quoted') ?? 0),
      figure('spent', 'money', sum(committed.map((r) => r.quote!.priceMinor))),
      figure('voucher_paid', 'money', sum([...voucherOf.values()])),
      figure('voucher_balance', 'money', sum(vouchers.map((v) => v.balanceMinor))),
      figure('ratings_given', 'count', ratings.length),
      figure('average_rating_given', 'rating', mean(ratings)),
      figure('needs', 'count', needs.length),
      figure('contacts', 'count', contacts.length),
    ],
    charts: [
      countsChart('requests.by_state', REQUEST_STATES, (s) => byState.get(s) ?? 0),
      monthsChart('spend.by_month', ['own_share', 'voucher'], spend),
      namedChart(
        'needs.contacts',
        'count',
        needs.map((n) => {
          const states = tally(n.contacts, (c) => c.state);
          return {
            id: n.id,
            nameZh: n.title,
            nameEn: n.title,
            values: Object.fromEntries(CONTACT_STATES.map((s) => [s, states.get(s) ?? 0])),
          };
        }),
        CONTACT_STATES,
      ),
    ],
  };
}
