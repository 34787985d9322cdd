import { reportingSchedule } from '../../../common/projects.js';
import type { Role } from '../../../common/roles.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { isoNow } from '../../http/context.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { freezeAgreement, saveAgreementDraft, signAgreement } from './projects.agreement.repository.js';
import type { AgreementContent } from './projects.agreement.schema.js';
import { createProject } from './projects.creation.js';
import type { ProjectRecord } from './projects.repository.js';
import { structureOf } from './projects.structure.repository.js';

let seq = 0;

/**
 * An extramural project as 立项 leaves it (state approved), made through the one creation function
 * with a two-member consortium and its planned budget, without running a whole call.
 */
export async function buildExtramuralProject(
  ctx: Ctx,
  platformId: string,
  opts: { leadContactPersonId?: string; state?: 'approved' | 'contracting' | 'in_progress' } = {},
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

/**
 * An extramural project in execution with a 任务书 signed and frozen (checksum of the fixture, not of a
 * real signature): the lead member 300 000 设备费, 150 000 业务费, 50 000 劳务费, 50 000 indirect; the
 * partner 200 000 业务费, 100 000 劳务费, 50 000 indirect.
 */
export async function buildProjectInExecution(
  ctx: Ctx,
  platformId: string,
  opts: { leadContactPersonId?: string; indicators?: AgreementContent['indicators'] } = {},
): Promise<ProjectRecord & { lead: string; partner: string }> {
  const p = await buildExtramuralProject(ctx, platformId, {
    leadContactPersonId: opts.leadContactPersonId,
    state: 'in_progress',
  });
  const [lead, partner] = (await structureOf(ctx.db, p.id)).members.map((m) => m.organisationId) as [
    string,
    string,
  ];
  const content: AgreementContent = {
    budget: [
      {
        organisationId: lead,
        equipmentMinor: 300_000,
        operationsMinor: 150_000,
        labourMinor: 50_000,
        indirectMinor: 50_000,
      },
      {
        organisationId: partner,
        equipmentMinor: 0,
        operationsMinor: 200_000,
        labourMinor: 100_000,
        indirectMinor: 50_000,
      },
    ],
    indicators: opts.indicators ?? [
      { name: '发明专利申请', type: 'count', target: 3, verification: '受理通知书' },
    ],
    milestones: [{ title: '样机', dueOn: '2099-06-30', deliverables: ['样机一台'] }],
  };
  const at = isoNow(ctx.clock);
  await write(ctx, async (trx) => {
    await saveAgreementDraft(trx, p.id, content, at);
    await signAgreement(trx, p.id, 'officer', null, at);
    await signAgreement(trx, p.id, 'lead', null, at);
    const snapshot = {
      projectId: p.id,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      content,
      schedule: reportingSchedule(p.startsOn, p.endsOn),
    };
    await freezeAgreement(trx, p.id, { json: JSON.stringify(snapshot), checksum: 'fixture' }, at);
  });
  return { ...p, lead, partner };
}

/** The people of the spending tests (booking, importing): a platform, its officer, a project lead with a person, a supervisor and an outsider. */
export interface SpendingWorld {
  t: TestApp;
  A: string;
  officer: Client;
  lead: Client;
  supervisor: Client;
  outsider: Client;
  leadPerson: string;
}

/** A fresh test app with the spending tests' people; the outsider's role is the test's to choose. */
export async function setUpSpendingWorld(outsiderRole: Role): Promise<SpendingWorld> {
  const t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: [outsiderRole], platformId: A });
  const leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  return {
    t,
    A,
    leadPerson,
    officer: await signIn(t.app, 'officer'),
    lead: await signIn(t.app, 'lead'),
    supervisor: await signIn(t.app, 'supervisor'),
    outsider: await signIn(t.app, 'outsider'),
  };
}
