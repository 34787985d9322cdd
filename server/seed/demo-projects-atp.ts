import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json.js';
import { addMonths, type CheckVerdict } from '../../common/project-checks.js';
import {
  AGREEMENT_AMOUNT_FIELD,
  endOfProjectMonth,
  reportingSchedule,
  SPENDING_CATEGORIES,
} from '../../common/projects.js';
import { type Trx, write } from '../db/write.js';
import { type Ctx, isoNow, newId } from '../http/context.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import {
  freezeAgreement,
  saveAgreementDraft,
  signAgreement,
} from '../modules/projects/projects.agreement.repository.js';
import type { AgreementContent } from '../modules/projects/projects.agreement.schema.js';
import { createProject } from '../modules/projects/projects.creation.js';
import { insertReport as insertDueReport } from '../modules/projects/projects.reports.repository.js';
import { findProject, type ProjectRecord } from '../modules/projects/projects.repository.js';
import type { ProjectTransitionInput } from '../modules/projects/projects.schema.js';
import { insertSpending } from '../modules/projects/projects.spending.repository.js';
import { moveInTrx } from '../modules/projects/projects.transitions.js';
import { demoChecks } from './demo-projects-atp.checks.js';
import { DEMO_ATP_PROJECTS, DEMO_BUDGET, type DemoAtpProject, INDICATORS } from './demo-projects-atp.data.js';

const DAY = 86_400_000;
const at = (day: string) => `${day}T09:00:00.000Z`;
const then = (ctx: Ctx, day: string): Ctx => ({ ...ctx, clock: { now: () => new Date(at(day)) } });

/** The first day of the month `n` months before today. */
function monthsAgo(today: string, n: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 10);
}
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);

/**
 * ATP's funded projects in execution (issue 13 "Demo data"): two in execution with spending and a report
 * falling due, one that passed its interim check with one indicator not met, one in 整改 after its final
 * check, one closed (通过) and evaluated (绩效评价). The decided ATP call of last year in the demo is the
 * one the review browser test decides itself, so these come from the programme's earlier rounds: made
 * through the one creation function without the application trail, then walked through their life with
 * the projects module's own writes (timeline, audit) at the dates they happened. Idempotent by code.
 */
export async function seedDemoAtpProjects(ctx: Ctx): Promise<void> {
  const atp = await ctx.db.selectFrom('platforms').select('id').where('code', '=', 'ATP').executeTakeFirst();
  if (!atp) return;
  const taken = new Set(
    (await ctx.db.selectFrom('projects').select('code').where('platform_id', '=', atp.id).execute()).map(
      (p) => p.code,
    ),
  );
  const applicant = await ctx.db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select(['people.id', 'people.organisation_id'])
    .where('users.username', '=', 'applicant')
    .executeTakeFirst();
  const experts = (
    await ctx.db
      .selectFrom('experts')
      .innerJoin('people', 'people.id', 'experts.person_id')
      .select('experts.id')
      .where('people.user_id', 'is', null)
      .where('experts.active', '=', 1)
      .orderBy('experts.created_at')
      .orderBy('experts.id')
      .limit(3)
      .execute()
  ).map((e) => e.id);
  const today = isoNow(ctx.clock).slice(0, 10);
  for (const spec of DEMO_ATP_PROJECTS) {
    if (taken.has(spec.code)) continue;
    const lead =
      spec.lead === 'applicant'
        ? applicant?.organisation_id
          ? { orgId: applicant.organisation_id, personId: applicant.id }
          : null
        : {
            orgId: (
              await createOrg(ctx, { ...spec.lead, type: 'enterprise', enterpriseSize: 'sme', country: 'US' })
            ).id,
            personId: null,
          };
    if (!lead) continue;
    const partner = (await createOrg(ctx, { ...spec.partner, type: 'institute', country: 'US' })).id;
    await seedOne(ctx, atp.id, spec, lead, partner, experts, today);
  }
}

async function seedOne(
  ctx: Ctx,
  platformId: string,
  spec: DemoAtpProject,
  lead: { orgId: string; personId: string | null },
  partner: string,
  experts: string[],
  today: string,
): Promise<void> {
  const startsOn = monthsAgo(today, spec.startMonthsAgo);
  const endsOn = endOfProjectMonth(startsOn, 24);
  const budget = DEMO_BUDGET(lead.orgId, partner);
  const content: AgreementContent = {
    budget,
    indicators: INDICATORS,
    milestones: [
      { title: '工艺方案评审', dueOn: endOfProjectMonth(startsOn, 6), deliverables: ['工艺方案报告'] },
      { title: '样件试制', dueOn: endOfProjectMonth(startsOn, 15), deliverables: ['样件', '检测报告'] },
      { title: '示范线验证', dueOn: endsOn, deliverables: ['示范线验收报告'] },
    ],
  };
  const total = budget.reduce(
    (s, b) => s + b.equipmentMinor + b.operationsMinor + b.labourMinor + b.indirectMinor,
    0,
  );
  // 立项 and the signed 任务书 a month before the start.
  const signedOn = addDays(startsOn, -20);
  let p = await write(then(ctx, signedOn), async (trx, audit) => {
    const created = await createProject(trx, audit, then(ctx, signedOn), {
      project: {
        platformId,
        unitId: null,
        kind: 'extramural',
        code: spec.code,
        titleZh: spec.titleZh,
        titleEn: spec.titleEn,
        summaryZh: '先进制造联合研发项目（示例数据）。',
        summaryEn: 'Joint R&D project in advanced manufacturing (illustrative data).',
        applicationId: null,
        leadOrgId: lead.orgId,
        budgetMinor: total,
        currency: 'USD',
        startsOn,
        endsOn,
      },
      state: 'approved',
      at: at(addDays(signedOn, -30)),
      fieldIds: [],
      structure: {
        members: [
          {
            position: 0,
            organisationId: lead.orgId,
            contactPersonId: lead.personId,
            role: '牵头，工艺开发与示范',
            fundedMinor: total - 280_000_00,
            cofundingMinor: total,
          },
          {
            position: 1,
            organisationId: partner,
            contactPersonId: null,
            role: '机理研究与测试',
            fundedMinor: 280_000_00,
            cofundingMinor: 0,
          },
        ],
        budget: budget
          .flatMap((b) =>
            (['equipment', 'materials', 'labour', 'indirect'] as const).map((category) => ({
              organisationId: b.organisationId,
              category,
              amountMinor: {
                equipment: b.equipmentMinor,
                materials: b.operationsMinor,
                labour: b.labourMinor,
                indirect: b.indirectMinor,
              }[category],
            })),
          )
          .filter((l) => l.amountMinor > 0),
        objectives: [{ text: '形成可推广的工艺与装备', indicators: [{ name: '良品率提升', target: '15%' }] }],
        milestones: content.milestones.map((m) => ({ title: m.title, workPackage: '研发', dueOn: m.dueOn })),
      },
      auditAction: 'project.created_from_application',
      auditAfter: { code: spec.code, demo: true },
    });
    const signedAt = at(signedOn);
    await saveAgreementDraft(trx, created.id, content, signedAt);
    await signAgreement(trx, created.id, 'officer', null, signedAt);
    await signAgreement(trx, created.id, 'lead', null, signedAt);
    const json = canonicalJson({
      projectId: created.id,
      code: created.code,
      currency: created.currency,
      startsOn,
      endsOn,
      content,
      schedule: reportingSchedule(startsOn, endsOn),
      officer: { by: null, at: signedAt },
      lead: { by: null, at: signedAt },
    });
    const checksum = createHash('sha256').update(json).digest('hex');
    await freezeAgreement(trx, created.id, { json, checksum }, signedAt);
    await audit({
      action: 'project.agreement_signed',
      entityType: 'project',
      entityId: created.id,
      platformId,
      after: { side: 'lead', frozen: true, checksum },
    });
    return created;
  });
  p = await move(ctx, p, startsOn, { action: 'start' });

  // Spending so far: a share of each planned cell, booked in two halves over the months run.
  const spentUntil = [endsOn, today].sort()[0]!;
  await write(then(ctx, spentUntil), async (trx, audit) => {
    let n = 0;
    for (const b of budget)
      for (const category of SPENDING_CATEGORIES) {
        const planned = b[AGREEMENT_AMOUNT_FIELD[category]];
        const amount = Math.floor((planned * spec.burn) / 100 / 2);
        if (amount <= 0) continue;
        for (const half of [1, 2]) {
          const spentOn = addDays(
            startsOn,
            Math.floor(((Date.parse(spentUntil) - Date.parse(startsOn)) / DAY) * (half / 3)),
          );
          await insertSpending(trx, {
            id: newId(),
            projectId: p.id,
            organisationId: b.organisationId,
            category,
            spentOn,
            amountMinor: amount,
            description: `${SPENDING_TEXT[category]}（第${half}笔，示例）`,
            createdBy: null,
            createdAt: at(spentOn),
          });
          n += 1;
        }
      }
    await audit({
      action: 'project.spending_recorded',
      entityType: 'project',
      entityId: p.id,
      platformId,
      after: { entries: n, demo: true },
    });
  });

  // Reports of the schedule that fell due before today are submitted (those still due are left).
  if (spec.stage !== 'execution')
    await write(ctx, async (trx) => {
      for (const r of reportingSchedule(startsOn, endsOn).filter((r) => r.dueOn < today)) {
        const report = {
          projectId: p.id,
          kind: r.kind,
          dueOn: r.dueOn,
          body: `${REPORT_TEXT[r.kind]}（示例）：按任务书推进，详见附件。`,
          submittedBy: null,
          submittedAt: at(addDays(r.dueOn, -5)),
        };
        // Hashed as the service hashes a submitted report (no files attached in the demo).
        const sha256 = createHash('sha256')
          .update(canonicalJson({ ...report, files: [] }))
          .digest('hex');
        await insertDueReport(trx, { ...report, sha256 });
      }
    });

  if (spec.stage === 'execution' || !spec.achieved || experts.length === 0) return;
  const checks = demoChecks(ctx, experts);
  if (spec.stage === 'interim_passed') {
    const day = addDays(endOfProjectMonth(startsOn, 12), 10);
    p = await move(ctx, p, day, { action: 'open_interim' });
    await checks.decided(p, 'interim', day, spec.achieved, 'pass');
    p = await move(ctx, p, addDays(day, 30), { action: 'close_interim' });
    return;
  }
  const day = addDays(endsOn, 7);
  p = await move(ctx, p, day, { action: 'open_final' });
  const verdict: CheckVerdict = spec.stage === 'rectification' ? 'rectify' : 'pass';
  const decidedOn = addDays(day, 20);
  const finalCheck = await checks.decided(p, 'final', day, spec.achieved, verdict, {
    items: ['补充第三件发明专利申请的受理材料', '良品率提升的第三方检测报告'],
    dueOn: addMonths(decidedOn, 3),
  });
  if (verdict === 'rectify') {
    await move(ctx, p, decidedOn, {
      action: 'request_rectification',
      reason: '发明专利申请与良品率未达到任务书指标',
    });
    return;
  }
  p = await move(ctx, p, decidedOn, { action: 'close', outcome: 'passed' });
  await checks.evaluated(p, addMonths(decidedOn, 12), spec.achieved, finalCheck);
  await move(ctx, p, addMonths(decidedOn, 12), { action: 'evaluate' });
}

const SPENDING_TEXT = {
  equipment: '设备购置',
  operations: '材料与测试费',
  labour: '劳务费',
  indirect: '间接费用',
} as const;
const REPORT_TEXT = { annual: '年度报告', interim: '中期报告', final: '结题报告' } as const;

/** One audited move of the project on its timeline, dated `day`; returns the project as it now is. */
async function move(ctx: Ctx, p: ProjectRecord, day: string, input: ProjectTransitionInput) {
  const c = then(ctx, day);
  return write(c, async (trx: Trx, audit) => {
    await moveInTrx(trx, audit, c, p, input);
    return (await findProject(trx, p.id))!;
  });
}
