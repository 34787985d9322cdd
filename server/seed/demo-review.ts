import { randomBytes } from 'node:crypto';
import type { Ctx } from '../http/context.js';
import { uploadAttachment } from '../modules/applications/applications.attachments.js';
import { createApplication, saveDraft } from '../modules/applications/applications.drafts.js';
import { inviteMember, respondByToken } from '../modules/applications/applications.invitations.js';
import type { SaveDraftInput } from '../modules/applications/applications.schema.js';
import { screenApplication } from '../modules/applications/applications.screening.js';
import { submitApplication } from '../modules/applications/applications.submission.js';
import { closeCall } from '../modules/calls/calls.service.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { createPerson } from '../modules/people/people.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { createUser } from '../modules/users/users.service.js';
import { demoBudgetSheet, demoPdf } from './demo-files.js';
import {
  DEMO_REVIEW_APPLICATIONS,
  DEMO_REVIEW_PARTNERS,
  type DemoReviewApplication,
  demoReviewApplicant,
} from './demo-review.data.js';

const DAY = 86_400_000;

/**
 * Last year's ATP call gets fourteen consortium applications, submitted while it was open and passed
 * in screening, so the demo program officer can run the expert review: assignment, scores, the panel
 * and the decision within the call's budget (issue 5). Each lead enterprise has its own applicant
 * account (random password: nobody signs in as them; they receive the outcome notifications).
 * Runs after the calls seed, while that call is still published (its deadline long past), and closes it.
 */
export async function seedDemoReview(ctx: Ctx): Promise<void> {
  const atp = await ctx.db.selectFrom('platforms').select('id').where('code', '=', 'ATP').executeTakeFirst();
  if (!atp) return;
  const year = ctx.clock.now().getUTCFullYear();
  const call = await ctx.db
    .selectFrom('calls')
    .select(['id', 'opens_at', 'state'])
    .where('platform_id', '=', atp.id)
    .where('code', '=', `ATP-${year - 1}-AM`)
    .executeTakeFirst();
  if (!call) return;
  const has = await ctx.db
    .selectFrom('applications')
    .select('id')
    .where('call_id', '=', call.id)
    .executeTakeFirst();
  if (has) return;
  const fields = new Map(
    (await ctx.db.selectFrom('tech_fields').select(['id', 'code']).execute()).map((f) => [f.code, f.id]),
  );
  const partners: { orgId: string; personId: string }[] = [];
  for (const [i, p] of DEMO_REVIEW_PARTNERS.entries()) {
    const org = await createOrg(ctx, { nameZh: p.nameZh, nameEn: p.nameEn, type: p.type, country: 'US' });
    const person = await createPerson(ctx, {
      nameZh: p.contactZh,
      nameEn: p.contactEn,
      email: `review-partner-${i + 1}@example.org`,
      organisationId: org.id,
    });
    partners.push({ orgId: org.id, personId: person.id });
  }
  const opened = Date.parse(call.opens_at);
  const submitted: string[] = [];
  for (const [i, spec] of DEMO_REVIEW_APPLICATIONS.entries()) {
    const then = { ...ctx, clock: { now: () => new Date(opened + (10 + i) * DAY) } };
    const fieldId = fields.get(spec.fieldCode);
    if (!fieldId) continue;
    const owner = await applicantOf(ctx, atp.id, i, spec);
    const ownerThen = { ...then, actor: await loadActor(ctx.db, owner.userId, 'session', ['read', 'write']) };
    const partner = partners[spec.partner]!;
    const draft = draftOf(spec, fieldId, owner, partner);
    const id = await createApplication(ownerThen, call.id, {});
    await saveDraft(ownerThen, id, draft);
    await uploadAttachment(ownerThen, id, 'project_plan', {
      fileName: '项目申报书.pdf',
      bytes: demoPdf(`Project plan ${i + 1} - illustrative`),
    });
    await uploadAttachment(ownerThen, id, 'budget_sheet', {
      fileName: '经费预算表.xlsx',
      bytes: await demoBudgetSheet(draft.budget),
    });
    const { token } = await inviteMember(ownerThen, id, partner.orgId);
    if (token) await respondByToken({ ...then, actor: null }, token, true, '同意参与（示例）');
    await submitApplication(ownerThen, id);
    submitted.push(id);
  }
  await closeCall(ctx, call.id, 'Deadline passed (demo data)');
  for (const id of submitted) {
    await screenApplication(ctx, id, {
      answers: ['forms_signed', 'budget_consistent', 'cofunding_proof', 'eligibility_docs'].map((key) => ({
        key,
        ok: true,
      })),
      outcome: 'pass',
    });
  }
}

async function applicantOf(ctx: Ctx, platformId: string, i: number, spec: DemoReviewApplication) {
  const org = await createOrg(ctx, {
    nameZh: spec.lead.nameZh,
    nameEn: spec.lead.nameEn,
    type: 'enterprise',
    enterpriseSize: spec.lead.size,
    country: 'US',
  });
  const username = demoReviewApplicant(i);
  const user = await createUser(
    ctx,
    {
      username,
      displayName: `申请人 ${spec.lead.contactEn}`,
      password: randomBytes(24).toString('base64url'),
      isSystemAdmin: false,
      roles: [{ platformId, role: 'applicant' }],
    },
    { demoSeed: true },
  );
  const person = await createPerson(ctx, {
    nameZh: spec.lead.contactZh,
    nameEn: spec.lead.contactEn,
    email: `${username}@example.org`,
    organisationId: org.id,
    userId: user.id,
  });
  return { userId: user.id, orgId: org.id, personId: person.id };
}

function draftOf(
  spec: DemoReviewApplication,
  fieldId: string,
  lead: { orgId: string; personId: string },
  partner: { orgId: string; personId: string },
): Required<SaveDraftInput> {
  const total = spec.requestedUsd * 100;
  const leadShare = Math.round((total * 0.6) / 100) * 100;
  const partnerShare = total - leadShare;
  const half = Math.round(leadShare / 200) * 100;
  return {
    content: {
      titleZh: spec.titleZh,
      titleEn: spec.titleEn,
      summaryZh: `${spec.summaryZh}示例数据。`,
      summaryEn: `${spec.summaryEn} Illustrative data.`,
      fieldId,
      objectives: [{ text: spec.objectiveZh, indicators: [{ name: '验收指标', target: spec.objectiveZh }] }],
      workPlan: [
        {
          title: '关键技术研究',
          startMonth: 1,
          endMonth: 18,
          milestones: [{ title: '中期验收', month: 12 }],
        },
        {
          title: '示范应用与验证',
          startMonth: 13,
          endMonth: 24,
          milestones: [{ title: '示范验证', month: 24 }],
        },
      ],
    },
    consortium: [
      {
        organisationId: lead.orgId,
        contactPersonId: lead.personId,
        role: '牵头，工艺开发与示范',
        requestedMinor: leadShare,
        cofundingMinor: total,
      },
      {
        organisationId: partner.orgId,
        contactPersonId: partner.personId,
        role: '机理研究与测试',
        requestedMinor: partnerShare,
        cofundingMinor: 0,
      },
    ],
    budget: [
      { organisationId: lead.orgId, category: 'equipment', amountMinor: half },
      { organisationId: lead.orgId, category: 'labour', amountMinor: leadShare - half },
      { organisationId: partner.orgId, category: 'labour', amountMinor: partnerShare },
    ],
  };
}
