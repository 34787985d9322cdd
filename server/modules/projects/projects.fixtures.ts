import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { isoNow } from '../../http/context.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { createProject } from './projects.creation.js';
import type { ProjectRecord } from './projects.repository.js';

let seq = 0;

/**
 * An extramural project as 立项 leaves it (state approved), made through the one creation function
 * with a two-member consortium and its planned budget, without running a whole call.
 */
export async function buildExtramuralProject(
  ctx: Ctx,
  platformId: string,
  opts: { leadContactPersonId?: string; state?: 'approved' | 'contracting' } = {},
): Promise<ProjectRecord> {
  const lead = (await buildOrg(ctx, { type: 'university' })).id;
  const partner = (await buildOrg(ctx)).id;
  const at = isoNow(ctx.clock);
  const code = `EX-${++seq}-${Date.now().toString(36).toUpperCase()}`;
  return write(ctx, (trx, audit) =>
    createProject(trx, audit, ctx, {
      project: {
        platformId,
        unitId: null,
        kind: 'extramural',
        code,
        titleZh: '工业传感器',
        titleEn: 'Industrial sensors',
        summaryZh: null,
        summaryEn: null,
        applicationId: null,
        leadOrgId: lead,
        budgetMinor: 1_000_000,
        currency: 'CNY',
        startsOn: at.slice(0, 10),
        endsOn: '2099-12-31',
      },
      state: opts.state ?? 'approved',
      at,
      fieldIds: [],
      structure: {
        members: [
          {
            position: 0,
            organisationId: lead,
            contactPersonId: opts.leadContactPersonId ?? null,
            role: '牵头',
            fundedMinor: 600_000,
            cofundingMinor: 0,
          },
          {
            position: 1,
            organisationId: partner,
            contactPersonId: null,
            role: '参与',
            fundedMinor: 400_000,
            cofundingMinor: 400_000,
          },
        ],
        budget: [
          { organisationId: lead, category: 'equipment', amountMinor: 600_000 },
          { organisationId: partner, category: 'labour', amountMinor: 400_000 },
        ],
        objectives: [{ text: '样机', indicators: [{ name: '精度', target: '0.1%' }] }],
        milestones: [{ title: '方案评审', workPackage: '设计', dueOn: '2099-06-30' }],
      },
      auditAction: 'project.created_from_application',
      auditAfter: { code },
    }),
  );
}
