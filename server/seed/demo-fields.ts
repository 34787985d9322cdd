import type { Ctx } from '../http/context.js';
import { createField } from '../modules/fields/fields.service.js';

/** The seed's six fields and eleven example sub-technologies (DOMAIN.md §2, the source document's Figure 1). */
export const DEMO_FIELDS: ReadonlyArray<{
  code: string;
  nameZh: string;
  nameEn: string;
  children: Array<{ code: string; nameZh: string; nameEn: string }>;
}> = [
  {
    code: 'energy',
    nameZh: '新能源与节能技术',
    nameEn: 'New energy and energy saving',
    children: [
      { code: 'energy.solar_thermal', nameZh: '太阳能热发电', nameEn: 'Solar thermal power' },
      { code: 'energy.offshore_wind', nameZh: '海上风电设计', nameEn: 'Offshore wind design' },
    ],
  },
  {
    code: 'materials',
    nameZh: '新材料技术',
    nameEn: 'New materials',
    children: [
      { code: 'materials.composites', nameZh: '复合材料', nameEn: 'Composites' },
      { code: 'materials.lightweight', nameZh: '轻量化材料', nameEn: 'Lightweight materials' },
    ],
  },
  {
    code: 'environment',
    nameZh: '资源与环境技术',
    nameEn: 'Resources and environment',
    children: [
      {
        code: 'environment.remanufacturing',
        nameZh: '再制造与报废再利用',
        nameEn: 'Remanufacturing and end-of-life reuse',
      },
    ],
  },
  {
    code: 'manufacturing',
    nameZh: '先进制造技术',
    nameEn: 'Advanced manufacturing',
    children: [
      { code: 'manufacturing.3d_printing', nameZh: '3D打印', nameEn: '3D printing' },
      { code: 'manufacturing.light_metal', nameZh: '轻金属制造', nameEn: 'Light-metal manufacturing' },
    ],
  },
  {
    code: 'electronics',
    nameZh: '电子信息技术',
    nameEn: 'Electronic information',
    children: [
      { code: 'electronics.5g', nameZh: '5G通信', nameEn: '5G communication' },
      { code: 'electronics.flexible', nameZh: '柔性电子', nameEn: 'Flexible electronics' },
    ],
  },
  {
    code: 'bio',
    nameZh: '生物与医药技术',
    nameEn: 'Bio and medicine',
    children: [
      { code: 'bio.brain', nameZh: '人脑研究', nameEn: 'Brain research' },
      { code: 'bio.tissue', nameZh: '生物组织制造', nameEn: 'Biological tissue manufacturing' },
    ],
  },
];

/** Adds the fields that are missing (by code); existing ones, possibly edited, are left alone. */
export async function seedFields(ctx: Ctx): Promise<void> {
  const existing = new Map(
    (await ctx.db.selectFrom('tech_fields').select(['id', 'code']).execute()).map((f) => [f.code, f.id]),
  );
  for (const [i, top] of DEMO_FIELDS.entries()) {
    const parentId =
      existing.get(top.code) ??
      (await createField(ctx, { code: top.code, nameZh: top.nameZh, nameEn: top.nameEn, sortOrder: i })).id;
    for (const [j, child] of top.children.entries()) {
      if (!existing.has(child.code)) await createField(ctx, { ...child, parentId, sortOrder: j });
    }
  }
}
