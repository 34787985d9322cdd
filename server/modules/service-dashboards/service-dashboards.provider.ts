import { INSTRUMENT_USE_DAYS } from '../../../common/service-dashboards.js';
import { REQUEST_STATES } from '../../../common/services.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { listBookings } from '../instruments/instruments.bookings.js';
import { listInstruments } from '../instruments/instruments.service.js';
import { actsForUnit } from '../services/services.policy.js';
import { unitAuthorities } from '../units/units.service.js';
import { listRedemptions } from '../vouchers/vouchers.redemptions.js';
import { readsUnitDashboard } from './service-dashboards.policy.js';
import type { DashboardView } from './service-dashboards.schema.js';
import { allRequests, dashboardPlatform } from './service-dashboards.service.js';
import {
  countsChart,
  daysBetween,
  figure,
  mean,
  monthOf,
  monthsChart,
  namedChart,
  percent,
  sum,
  tally,
} from './service-dashboards.views.js';

const OPEN_STATES: ReadonlySet<string> = new Set([
  'submitted',
  'quoted',
  'accepted',
  'contracted',
  'in_progress',
  'disputed',
]);
const DELIVERED_STATES: ReadonlySet<string> = new Set(['delivered', 'rated', 'closed']);
const HOUR = 3_600_000;

/** Hours of [startsAt, endsAt) that fall inside [from, to). */
const hoursWithin = (b: { startsAt: string; endsAt: string }, from: number, to: number) =>
  Math.max(0, Math.min(Date.parse(b.endsAt), to) - Math.max(Date.parse(b.startsAt), from)) / HOUR;

/**
 * The service unit's dashboard: the queue of the units the caller acts for (a director's own units, all
 * of them for the platform's admins), overdue work, delivery time against the quoted date, its
 * instruments' machine hours used, revenue and voucher redemptions by month, the ratings it received.
 */
export async function unitDashboard(ctx: Ctx, platformId: string): Promise<DashboardView> {
  const actor = ctx.actor!;
  const currency = await dashboardPlatform(ctx, platformId, readsUnitDashboard(actor, platformId));
  const units = (await unitAuthorities(ctx.db, platformId)).filter((u) => actsForUnit(actor, u));
  // A lab director who directs no unit of the platform has no queue to look at.
  if (units.length === 0 && !actsForUnit(actor, { platformId, directorUserId: null })) throw forbidden();
  const unitIds = new Set(units.map((u) => u.id));
  const requests = units.length === 0 ? [] : await allRequests(ctx, platformId, 'unit');
  const redemptions = (await listRedemptions(ctx, platformId)).items.filter(
    (x) => unitIds.has(x.unitId) && x.redeemedAt !== null,
  );

  const byState = tally(requests, (r) => r.state);
  const delivered = requests.filter((r) => DELIVERED_STATES.has(r.state) && r.deliveredAt);
  const quotedDelivered = delivered.filter((r) => r.quote);
  const onTime = quotedDelivered.filter((r) => r.deliveredAt!.slice(0, 10) <= r.quote!.dueOn);
  const ratings = requests.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const byScore = tally(ratings, String);
  const money = [
    ...quotedDelivered.map((r) => [monthOf(r.deliveredAt!), 'revenue', r.quote!.priceMinor] as const),
    ...redemptions.map((x) => [monthOf(x.redeemedAt!), 'voucher', x.voucherMinor] as const),
  ];

  // Machine hours: approved bookings against the open hours of the last days, maintenance taken out.
  const to = ctx.clock.now().getTime();
  const from = to - INSTRUMENT_USE_DAYS * 24 * HOUR;
  const instruments = [];
  for (const unitId of unitIds)
    instruments.push(
      ...(
        await listInstruments(ctx, platformId, { unitId, state: 'published', page: 1, pageSize: 100 }, false)
      ).items,
    );
  const bookings =
    instruments.length === 0
      ? []
      : (await listBookings(ctx, { platformId, view: 'unit', state: 'approved' })).items;
  const use = instruments.map((i) => {
    const own = bookings.filter((b) => b.instrument.id === i.id);
    const booked = sum(own.filter((b) => b.kind === 'booking').map((b) => hoursWithin(b, from, to)));
    const blocked = sum(own.filter((b) => b.kind === 'maintenance').map((b) => hoursWithin(b, from, to)));
    const open = (i.closeHour - i.openHour) * INSTRUMENT_USE_DAYS - blocked;
    return { id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, booked, open };
  });

  return {
    platformId,
    currency,
    figures: [
      figure('queue_open', 'count', requests.filter((r) => OPEN_STATES.has(r.state)).length),
      figure('overdue', 'count', requests.filter((r) => r.overdue).length),
      figure(
        'average_turnaround',
        'days',
        mean(delivered.map((r) => daysBetween(r.createdAt, r.deliveredAt!))),
      ),
      figure('on_time', 'percent', percent(onTime.length, quotedDelivered.length)),
      figure(
        'instrument_use',
        'percent',
        percent(sum(use.map((u) => u.booked)), sum(use.map((u) => u.open))),
      ),
      figure('revenue', 'money', sum(quotedDelivered.map((r) => r.quote!.priceMinor))),
      figure('voucher_redeemed', 'money', sum(redemptions.map((x) => x.voucherMinor))),
      figure('ratings_received', 'count', ratings.length),
      figure('average_rating_received', 'rating', mean(ratings)),
    ],
    charts: [
      countsChart('requests.by_state', REQUEST_STATES, (s) => byState.get(s) ?? 0),
      monthsChart('revenue.by_month', ['revenue', 'voucher'], money),
      countsChart('ratings.by_score', ['1', '2', '3', '4', '5'], (s) => byScore.get(s) ?? 0),
      namedChart(
        'instruments.use',
        'percent',
        use.map((u) => ({ ...u, values: { value: percent(u.booked, u.open) ?? 0 } })),
        ['value'],
      ),
    ],
  };
}
