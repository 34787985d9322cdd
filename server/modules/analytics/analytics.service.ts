import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { fieldWithChildren } from '../fields/fields.lookup.js';
import { allPlatformProfiles } from '../platforms/platforms.lookup.js';
import { Converter } from '../ttreports/ttreports.fx.js';
import { periodOf } from '../ttreports/ttreports.period.js';
import { unitAuthorities } from '../units/units.service.js';
import { platformFigures } from './analytics.figures.js';
import { analyticsReach } from './analytics.policy.js';
import type { AnalyticsPlatformView, AnalyticsQuery, AnalyticsView } from './analytics.schema.js';

const invalid = (pointer: string, code: 'analytics.unit_not_analysed' | 'analytics.unknown_field') =>
  new AppError(422, code, { errors: [{ in: 'querystring', pointer, code, message: '' }] });

/**
 * The analysed platforms of the caller with the unit each is cut to: the whole platform, or for a lab
 * director the unit it directs (the first, by name order, when it directs several and asked for none).
 */
async function scopeOf(ctx: Ctx, q: AnalyticsQuery) {
  const reach = analyticsReach(ctx.actor);
  let platforms = await allPlatformProfiles(ctx.db);
  if (reach !== 'all') platforms = platforms.filter((p) => reach.whole.has(p.id) || reach.directed.has(p.id));
  // A lab director analyses the units it directs: the units of each such platform, resolved once.
  const ownUnits = new Map<string, string[]>();
  if (reach !== 'all')
    for (const p of platforms.filter((x) => !reach.whole.has(x.id))) {
      const units = await unitAuthorities(ctx.db, p.id);
      const own = units
        .filter((u) => u.directorUserId === ctx.actor?.userId)
        .sort((a, b) => a.nameEn.localeCompare(b.nameEn))
        .map((u) => u.id);
      if (own.length) ownUnits.set(p.id, own);
    }
  if (reach !== 'all') platforms = platforms.filter((p) => reach.whole.has(p.id) || ownUnits.has(p.id));
  if (platforms.length === 0) throw forbidden();
  if (q.platformIds) {
    const mine = new Set(platforms.map((p) => p.id));
    // A platform the caller may not analyse is refused rather than silently dropped from a comparison.
    if (q.platformIds.some((id) => !mine.has(id))) throw forbidden();
    platforms = platforms.filter((p) => q.platformIds!.includes(p.id));
  }
  if (q.model) platforms = platforms.filter((p) => p.model === q.model);
  if (q.country) platforms = platforms.filter((p) => p.country?.toUpperCase() === q.country!.toUpperCase());
  if (q.minGovParticipation !== undefined)
    platforms = platforms.filter(
      (p) => p.ratingFunding + p.ratingRd + p.ratingManagement >= q.minGovParticipation!,
    );

  const out: Array<{ platform: (typeof platforms)[number]; unitId: string | null }> = [];
  for (const p of platforms) {
    const own = ownUnits.get(p.id);
    if (!q.unitId) {
      // The whole platform, or the director's first unit (by name) when it directs several.
      out.push({ platform: p, unitId: own ? own[0]! : null });
      continue;
    }
    const onPlatform = own
      ? own.includes(q.unitId)
      : (await unitAuthorities(ctx.db, p.id)).some((u) => u.id === q.unitId);
    if (onPlatform) out.push({ platform: p, unitId: q.unitId });
  }
  if (q.unitId && out.length === 0) throw invalid('/unitId', 'analytics.unit_not_analysed');
  return out;
}

/**
 * The indicators (common/analytics.ts) of every platform the caller may analyse, cut as asked, year by
 * year: supervisors see the platforms they supervise, platform staff theirs, a lab director only its
 * unit, system admins all. Figures are SQL aggregates asked of the owning modules.
 */
export async function analytics(ctx: Ctx, q: AnalyticsQuery): Promise<AnalyticsView> {
  const scope = await scopeOf(ctx, q);
  // A field cut takes the field's sub-fields with it (a parent field includes its children).
  let fieldIds: string[] | undefined;
  if (q.fieldId) {
    fieldIds = await fieldWithChildren(ctx.db, q.fieldId);
    if (fieldIds.length === 0) throw invalid('/fieldId', 'analytics.unknown_field');
  }
  const fx = await Converter.load(ctx.db, q.currency);
  let converted = false;
  const platforms: AnalyticsPlatformView[] = [];
  for (const { platform: p, unitId } of scope) {
    const period = periodOf(q.from, q.to, q.basis, p.fiscalYearStartMonth);
    const r = await platformFigures(
      { db: ctx.db, platformId: p.id, unitId, fieldId: null, fieldIds, period },
      fx,
    );
    converted ||= r.converted;
    platforms.push({
      id: p.id,
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      model: p.model,
      country: p.country,
      ratingFunding: p.ratingFunding,
      ratingRd: p.ratingRd,
      ratingManagement: p.ratingManagement,
      govParticipation: p.ratingFunding + p.ratingRd + p.ratingManagement,
      fiscalYearStartMonth: p.fiscalYearStartMonth,
      isIllustrative: p.isIllustrative,
      fundingIllustrative: r.fundingIllustrative,
      unitId,
      figures: r.figures,
    });
  }
  fx.assertComplete();
  const years: number[] = [];
  for (let y = q.from; y <= q.to; y++) years.push(y);
  return {
    years,
    basis: q.basis,
    currency: q.currency,
    converted,
    platforms,
    generatedAt: isoNow(ctx.clock),
  };
}
