import type { PlatformModel } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';

/** Every platform of the deployment: names and models are public (the comparison page shows them). */
export async function listPlatforms(ctx: Pick<Ctx, 'db'>) {
  const rows = await ctx.db.selectFrom('platforms').selectAll().orderBy('code').execute();
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    model: p.model as PlatformModel,
  }));
}
