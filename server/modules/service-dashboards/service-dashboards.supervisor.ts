import { SERVICE_KINDS } from '../../../common/services.js';
import type { Ctx } from '../../http/context.js';
import { surveyOutcomes } from '../services/services.delivery.js';
import { unitAuthorities } from '../units/units.service.js';
import { listRedemptions } from '../vouchers/vouchers.redemptions.js';
import { listSchemes, listVouchers } from '../vouchers/vouchers.service.js';
import { readsSupervisorDashboard } from './service-dashboards.policy.js';
import type { DashboardView } from './service-dashboards.schema.js';
import { allRequests, COMMITTED_STATES, dashboardPlatform } from './service-dashboards.service.js';
import { countsChart, figure, namedChart, sum, tally } from './service-dashboards.views.js';

/** An enterprise whose voucher application declared no region. */
export const UNDECLARED_REGION = 'undeclared';

/**
 * The supervisor's dashboard of one platform: each voucher scheme's amounts applied for, issued,
 * redeemed and settled; the enterprises served (a quote accepted) by the region they declared on their
 * voucher application; requests by type of service; the impact survey's answers by unit.
 */
export async function supervisorDashboard(ctx: Ctx, platformId: string): Promise<DashboardView> {
  const currency = await dashboardPlatform(ctx, platformId, readsSupervisorDashboard(ctx.actor, platformId));
  const schemes = (await listSchemes(ctx, platformId)).items;
  const vouchers = (await listVouchers(ctx, { platformId, view: 'all' })).items;
  const redemptions = (await listRedemptions(ctx, platformId)).items;
  const requests = await allRequests(ctx, platformId, 'all');
  const outcomes = (await surveyOutcomes(ctx, platformId)).units;
  const units = new Map((await unitAuthorities(ctx.db, platformId)).map((u) => [u.id, u]));

  const schemeOf = new Map(vouchers.map((v) => [v.id, v.schemeId]));
  const issued = vouchers.filter((v) => v.state === 'issued');
  const spent = redemptions.filter((x) => x.state !== 'planned');
  const settled = redemptions.filter((x) => x.state === 'settled');
  const bySchemeSum = <T>(
    items: readonly T[],
    schemeId: string,
    idOf: (x: T) => string,
    amount: (x: T) => number,
  ) => sum(items.filter((x) => idOf(x) === schemeId).map(amount));

  // The latest declared region of each enterprise (vouchers come newest last within a platform list).
  const regionOf = new Map<string, string>();
  for (const v of [...vouchers].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
    regionOf.set(v.organisationId, v.profile.region);
  const served = [
    ...new Set(
      requests.filter((r) => COMMITTED_STATES.has(r.state) && r.organisationId).map((r) => r.organisationId!),
    ),
  ];
  const byRegion = tally(served, (o) => regionOf.get(o) ?? UNDECLARED_REGION);
  const regions = [...byRegion.keys()].sort((a, b) =>
    a === UNDECLARED_REGION ? 1 : b === UNDECLARED_REGION ? -1 : a.localeCompare(b),
  );
  const byKind = tally(requests, (r) => r.service.kind);

  return {
    platformId,
    currency,
    figures: [
      figure('schemes', 'count', schemes.length),
      figure('vouchers_issued', 'money', sum(issued.map((v) => v.amountMinor))),
      figure('vouchers_redeemed', 'money', sum(spent.map((x) => x.voucherMinor))),
      figure('vouchers_settled', 'money', sum(settled.map((x) => x.voucherMinor))),
      figure('enterprises_served', 'count', served.length),
      figure('surveys_answered', 'count', sum(outcomes.map((o) => o.answers))),
      figure('survey_jobs', 'count', sum(outcomes.map((o) => o.jobs))),
    ],
    charts: [
      namedChart(
        'vouchers.by_scheme',
        'money',
        schemes.map((s) => ({
          id: s.id,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          values: {
            applied: bySchemeSum(
              vouchers,
              s.id,
              (v) => v.schemeId,
              (v) => v.amountMinor,
            ),
            issued: bySchemeSum(
              issued,
              s.id,
              (v) => v.schemeId,
              (v) => v.amountMinor,
            ),
            redeemed: bySchemeSum(
              spent,
              s.id,
              (x) => schemeOf.get(x.voucherId) ?? '',
              (x) => x.voucherMinor,
            ),
            settled: bySchemeSum(
              settled,
              s.id,
              (x) => schemeOf.get(x.voucherId) ?? '',
              (x) => x.voucherMinor,
            ),
          },
        })),
        ['applied', 'issued', 'redeemed', 'settled'],
      ),
      {
        kind: 'enterprises.by_region',
        measure: 'count',
        categories: regions.map((code) =>
          code === UNDECLARED_REGION
            ? { code, nameZh: null, nameEn: null }
            : { code, nameZh: code, nameEn: code },
        ),
        series: [{ code: 'value', values: regions.map((r) => byRegion.get(r) ?? 0) }],
      },
      countsChart('requests.by_kind', SERVICE_KINDS, (k) => byKind.get(k) ?? 0),
      namedChart(
        'surveys.by_unit',
        'money',
        outcomes
          .filter((o) => o.answers > 0)
          .map((o) => ({
            id: o.unitId,
            nameZh: units.get(o.unitId)?.nameZh ?? null,
            nameEn: units.get(o.unitId)?.nameEn ?? null,
            values: { sales: o.salesMinor, savings: o.savingsMinor, investment: o.investmentMinor },
          })),
        ['sales', 'savings', 'investment'],
      ),
    ],
  };
}
