import type { Ctx } from '../http/context.js';
import { uploadAttachment } from '../modules/applications/applications.attachments.js';
import { createApplication, saveDraft } from '../modules/applications/applications.drafts.js';
import { inviteMember, respondByToken } from '../modules/applications/applications.invitations.js';
import type { SaveDraftInput } from '../modules/applications/applications.schema.js';
import { submitApplication } from '../modules/applications/applications.submission.js';
import { loadCall } from '../modules/calls/calls.lookup.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { createPerson } from '../modules/people/people.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { demoBudgetSheet, demoPdf } from './demo-files.js';

/**
 * Demo applications on the open ATP call from the demo `applicant` account's organisation (an SME it is
 * linked to through a person record): one submitted with a confirmed university partner, one draft.
 * Runs after the calls seed; does nothing when the applicant already has applications there.
 */
export async function seedDemoApplications(ctx: Ctx): Promise<void> {
  const atp = await ctx.db.selectFrom('platforms').select('id').where('code', '=', 'ATP').executeTakeFirst();
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'applicant')
    .executeTakeFirst();
  if (!atp || !user) return;
  const year = ctx.clock.now().getUTCFullYear();
  const row = await ctx.db
    .selectFrom('calls')
    .select('id')
    .where('platform_id', '=', atp.id)
    .where('code', '=', `ATP-${year}-AM`)
    .executeTakeFirst();
  const call = row && (await loadCall(ctx.db, row.id));
  if (!call?.fieldIds.length) return;
  const already = await ctx.db
    .selectFrom('applications')
    .select('id')
    .where('call_id', '=', call.id)
    .where('owner_user_id', '=', user.id)
    .executeTakeFirst();
  if (already) return;

  let person = await ctx.db
    .selectFrom('people')
    .select(['id', 'organisation_id'])
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  let leadOrg = person?.organisation_id ?? null;
  if (!leadOrg) {
    leadOrg = (
      await createOrg(ctx, {
        nameZh: '示例精密制造科技有限公司',
        nameEn: 'Example Precision Manufacturing Co., Ltd. (illustrative)',
        type: 'enterprise',
        enterpriseSize: 'sme',
        country: 'US',
      })
    ).id;
  }
  if (!person) {
    const p = await createPerson(ctx, {
      nameZh: '周涛',
      nameEn: 'Zhou Tao',
      email: 'applicant@example.org',
      organisationId: leadOrg,
      userId: user.id,
    });
    person = { id: p.id, organisation_id: leadOrg };
  }
  const uni = await createOrg(ctx, {
    nameZh: '示例理工大学',
    nameEn: 'Example Institute of Technology (illustrative)',
    type: 'university',
    country: 'US',
  });
  const uniContact = await createPerson(ctx, {
    nameZh: '林芳',
    nameEn: 'Lin Fang',
    email: 'lin.fang@example.org',
    organisationId: uni.id,
  });

  const owner = { ...ctx, actor: await loadActor(ctx.db, user.id, 'session', ['read', 'write']) };
  const draft: Required<SaveDraftInput> = {
    content: {
      titleZh: '增材制造过程在线测量与质量控制',
      titleEn: 'In-process measurement and quality control for additive manufacturing',
      summaryZh:
        '研发激光粉末床熔融过程的在线测量方法与闭环质量控制技术，形成可推广的共性技术方案。示例数据。',
      summaryEn:
        'In-process measurement for laser powder-bed fusion and closed-loop quality control, as a generic technology others can adopt. Illustrative data.',
      fieldId: call.fieldIds[0]!,
      objectives: [
        { text: '建立熔池在线测量系统', indicators: [{ name: '测温精度', target: '±10 K' }] },
        { text: '闭环控制降低缺陷率', indicators: [{ name: '孔隙率', target: '< 0.1 %' }] },
      ],
      workPlan: [
        {
          title: '测量系统研制',
          startMonth: 1,
          endMonth: 12,
          milestones: [{ title: '样机验收', month: 12 }],
        },
        {
          title: '闭环控制与验证',
          startMonth: 10,
          endMonth: 24,
          milestones: [{ title: '示范线验证', month: 24 }],
        },
      ],
    },
    consortium: [
      {
        organisationId: leadOrg,
        contactPersonId: person.id,
        role: '牵头，系统集成',
        requestedMinor: 90_000_000,
        cofundingMinor: 150_000_000,
      },
      {
        organisationId: uni.id,
        contactPersonId: uniContact.id,
        role: '测量方法研究',
        requestedMinor: 60_000_000,
        cofundingMinor: 0,
      },
    ],
    budget: [
      { organisationId: leadOrg, category: 'equipment', amountMinor: 50_000_000 },
      { organisationId: leadOrg, category: 'labour', amountMinor: 40_000_000 },
      { organisationId: uni.id, category: 'materials', amountMinor: 20_000_000 },
      { organisationId: uni.id, category: 'labour', amountMinor: 40_000_000 },
    ],
  };
  const submitted = await createApplication(owner, call.id, {});
  await saveDraft(owner, submitted, draft);
  await uploadAttachment(owner, submitted, 'project_plan', {
    fileName: '项目申报书.pdf',
    bytes: demoPdf('Project plan - illustrative'),
  });
  await uploadAttachment(owner, submitted, 'budget_sheet', {
    fileName: '经费预算表.xlsx',
    bytes: await demoBudgetSheet(draft.budget),
  });
  const { token } = await inviteMember(owner, submitted, uni.id);
  if (token) await respondByToken({ ...ctx, actor: null }, token, true, '同意参与（示例）');
  await submitApplication(owner, submitted);

  const second = await createApplication(owner, call.id, {
    content: {
      titleZh: '轻合金板材温成形工艺（草稿）',
      titleEn: 'Warm forming of light-alloy sheet (draft)',
    },
  });
  await saveDraft(owner, second, {
    content: { titleZh: '轻合金板材温成形工艺（草稿）', fieldId: call.fieldIds[0]! },
  });
}
