import { write } from '../db/write.js';
import { type Ctx, isoNow, newId } from '../http/context.js';
import { insertOutputLink } from '../modules/projects/projects.outputs.repository.js';
import { registerIntramuralProject } from '../modules/projects/projects.service.js';

const MILLION_USD = 1_000_000_00;

interface DemoProject {
  unit: string;
  code: string;
  titleZh: string;
  titleEn: string;
  millions: number;
  fields: string[];
}

/** Intramural projects of NIST's labs (illustrative: titles follow each lab's mission, amounts are made up). */
const PROJECTS: DemoProject[] = [
  {
    unit: 'ITL',
    code: 'ITL-2026-01',
    titleZh: '后量子密码算法符合性测试方法',
    titleEn: 'Conformance testing of post-quantum cryptography',
    millions: 3.2,
    fields: ['electronics'],
  },
  {
    unit: 'ITL',
    code: 'ITL-2026-02',
    titleZh: '人工智能系统风险测量框架',
    titleEn: 'Measurement framework for AI system risk',
    millions: 2.4,
    fields: ['electronics'],
  },
  {
    unit: 'CNST',
    code: 'CNST-2026-01',
    titleZh: '纳米加工过程计量',
    titleEn: 'Metrology for nanofabrication processes',
    millions: 2.8,
    fields: ['materials'],
  },
  {
    unit: 'CTL',
    code: 'CTL-2026-01',
    titleZh: '5G频谱共享测量与验证',
    titleEn: '5G spectrum sharing measurement and validation',
    millions: 2.1,
    fields: ['electronics.5g'],
  },
  {
    unit: 'EL',
    code: 'EL-2026-01',
    titleZh: '增材制造过程在线监测与控制',
    titleEn: 'In-situ monitoring and control of additive manufacturing',
    millions: 3.5,
    fields: ['manufacturing.3d_printing'],
  },
  {
    unit: 'MML',
    code: 'MML-2026-01',
    titleZh: '轻量化合金标准物质研制',
    titleEn: 'Standard reference materials for lightweight alloys',
    millions: 1.9,
    fields: ['materials.lightweight'],
  },
  {
    unit: 'NCNR',
    code: 'NCNR-2026-01',
    titleZh: '动力电池材料中子散射表征',
    titleEn: 'Neutron scattering characterisation of battery materials',
    millions: 2.6,
    fields: ['energy', 'materials'],
  },
  {
    unit: 'PML',
    code: 'PML-2026-01',
    titleZh: '基于量子效应的国际单位制复现',
    titleEn: 'Quantum-based realisation of the SI units',
    millions: 4.1,
    fields: ['electronics'],
  },
];

/** Registers the demo intramural projects of NIST's labs that are not there yet (by code). */
export async function seedDemoProjects(ctx: Ctx, nistId: string): Promise<void> {
  const units = await ctx.db
    .selectFrom('org_units')
    .select(['id', 'code'])
    .where('platform_id', '=', nistId)
    .execute();
  const existing = new Set(
    (await ctx.db.selectFrom('projects').select('code').where('platform_id', '=', nistId).execute()).map(
      (p) => p.code,
    ),
  );
  for (const p of PROJECTS) {
    const unit = units.find((u) => u.code === p.unit);
    if (!unit || existing.has(p.code)) continue;
    await registerIntramuralProject(ctx, nistId, {
      unitId: unit.id,
      code: p.code,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      summaryZh: '内部研究项目（示例数据）。',
      summaryEn: 'Intramural project (illustrative data).',
      budgetMinor: Math.round(p.millions * MILLION_USD),
      startsOn: '2025-10-01',
      endsOn: '2028-09-30',
      fieldCodes: p.fields,
    });
  }
}

/** How many of its unit's published results each intramural demo project links (oldest first). */
const LINKED_RESULTS = 2;

/**
 * Links each intramural demo project to results of its unit (issue 13 "Outputs linked, not copied"):
 * the unit's first published results, so the 成果 tab and the portfolio show outputs on NIST's projects.
 * A project that already has links is left alone.
 */
export async function linkDemoProjectOutputs(ctx: Ctx, nistId: string): Promise<void> {
  const projects = await ctx.db
    .selectFrom('projects')
    .select(['id', 'unit_id'])
    .where('platform_id', '=', nistId)
    .where('kind', '=', 'intramural')
    .orderBy('code')
    .execute();
  const linked = new Set(
    (await ctx.db.selectFrom('project_outputs').select('project_id').distinct().execute()).map(
      (r) => r.project_id,
    ),
  );
  for (const p of projects) {
    if (!p.unit_id || linked.has(p.id)) continue;
    const results = await ctx.db
      .selectFrom('results')
      .select('id')
      .where('platform_id', '=', nistId)
      .where('unit_id', '=', p.unit_id)
      .where('state', '=', 'published')
      .orderBy('created_at')
      .orderBy('id')
      .limit(LINKED_RESULTS)
      .execute();
    if (results.length === 0) continue;
    await write(ctx, async (trx, audit) => {
      for (const r of results) {
        const link = {
          id: newId(),
          projectId: p.id,
          outputType: 'result' as const,
          outputId: r.id,
          linkedBy: null,
          linkedAt: isoNow(ctx.clock),
        };
        await insertOutputLink(trx, link);
        await audit({
          action: 'project.output_linked',
          entityType: 'project',
          entityId: p.id,
          platformId: nistId,
          after: { linkId: link.id, type: 'result', outputId: r.id },
        });
      }
    });
  }
}
