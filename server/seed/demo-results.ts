import type { Ctx } from '../http/context.js';
import { changeResultState, createResult } from '../modules/results/results.service.js';
import { NIST_RESULTS } from './demo-results.data.js';

/**
 * The demo results catalog of NIST: public technologies for licensing, an SRM and reference data, a
 * standard, a publication, software and a dataset, plus an internal draft that the portal never shows.
 * Idempotent: a result whose English title already exists on the platform is left alone.
 */
export async function seedNistResults(ctx: Ctx, platformId: string): Promise<number> {
  const units = await ctx.db
    .selectFrom('org_units')
    .select(['id', 'code'])
    .where('platform_id', '=', platformId)
    .execute();
  const existing = new Set(
    (
      await ctx.db.selectFrom('results').select('title_en').where('platform_id', '=', platformId).execute()
    ).map((r) => r.title_en),
  );
  let made = 0;
  for (const { unitCode, publish, ...spec } of NIST_RESULTS) {
    if (existing.has(spec.titleEn)) continue;
    const unitId = units.find((u) => u.code === unitCode)?.id ?? null;
    const created = await createResult(ctx, { ...spec, platformId, unitId });
    if (publish) await changeResultState(ctx, created.id, 'publish');
    made++;
  }
  return made;
}
