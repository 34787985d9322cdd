import type { Role } from '../../common/roles.js';
import type { Ctx } from '../http/context.js';
import type { CreateCallInput } from '../modules/calls/calls.schema.js';
import { createCall, publishCall } from '../modules/calls/calls.service.js';
import { setRoles } from '../modules/users/users.service.js';

const DAY = 86_400_000;
/** 09:00 in Beijing (01:00 UTC) on the day `days` from `now`. */
const at = (now: Date, days: number) => {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(1, 0, 0, 0);
  return d.toISOString();
};

const MILLION_USD = 1_000_000_00;

function atpCall(code: string, opensAt: string, closesAt: string, year: number): CreateCallInput {
  return {
    code,
    titleZh: `${year}年先进制造与轻量化材料共性技术联合研发计划`,
    titleEn: `${year} joint R&D call: advanced manufacturing and lightweight materials generic technologies`,
    summaryZh:
      '面向先进制造与轻量化材料领域的共性技术（增材制造过程测量、轻金属成形、复合材料连接）征集联合研发项目。由企业牵头或参与的产学研联合体申报，企业自筹资金不低于申请资助额（1:1配套）。示例数据。',
    summaryEn:
      'Joint R&D projects on pre-competitive technologies for advanced manufacturing and lightweight materials (process measurement for additive manufacturing, light-metal forming, joining of composites). Consortia of enterprises, universities and institutes apply; enterprises match the requested funding at least 1:1. Illustrative data.',
    opensAt,
    closesAt,
    budgetTotalMinor: 20 * MILLION_USD,
    ceilingMinor: 2 * MILLION_USD,
    fieldCodes: ['manufacturing', 'materials.lightweight', 'manufacturing.3d_printing'],
    eligibility: [
      { kind: 'lead_org_types', types: ['enterprise', 'university', 'institute'] },
      { kind: 'min_consortium_size', min: 2 },
      { kind: 'must_include_enterprise' },
      { kind: 'within_ceiling' },
      { kind: 'min_cofunding_ratio', ratio: 1, from: 'enterprises' },
    ],
    criteria: {
      scale: { min: 1, max: 10 },
      items: [
        { key: 'technical_value', weight: 0.25 },
        { key: 'implementation', weight: 0.2 },
        { key: 'impact', weight: 0.15 },
        { key: 'commercialisation', weight: 0.25 },
        { key: 'economic_benefit', weight: 0.15 },
      ],
    },
    reviewersPerApplication: 3,
    requiredAttachments: [
      {
        key: 'project_plan',
        labelZh: '项目申报书',
        labelEn: 'Project plan',
        required: true,
        types: ['pdf', 'docx'],
        maxBytes: 10 * 1024 * 1024,
      },
      {
        key: 'budget_sheet',
        labelZh: '经费预算表',
        labelEn: 'Budget sheet',
        required: true,
        types: ['xlsx'],
        maxBytes: 5 * 1024 * 1024,
      },
      {
        key: 'cofunding_letters',
        labelZh: '自筹资金承诺函',
        labelEn: 'Co-funding commitment letters',
        required: false,
        types: ['pdf', 'image'],
        maxBytes: 10 * 1024 * 1024,
      },
    ],
    screeningChecklist: [
      { key: 'forms_signed', labelZh: '申报书已签字盖章', labelEn: 'Forms signed and sealed' },
      { key: 'budget_consistent', labelZh: '预算表与申报书一致', labelEn: 'Budget sheet matches the plan' },
      { key: 'cofunding_proof', labelZh: '配套资金证明齐全', labelEn: 'Co-funding evidence complete' },
      { key: 'eligibility_docs', labelZh: '单位资质材料齐全', labelEn: 'Eligibility documents complete' },
    ],
    resubmitWindowDays: 7,
    contactName: '王敏（计划办公室）',
    contactPhone: '+1 301-975-2000',
    contactEmail: 'atp-calls@example.org',
  };
}

/** Adds roles on a platform to a demo account (its roles elsewhere stay). */
async function grant(ctx: Ctx, username: string, platformId: string, role: Role) {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) return;
  const roles = await ctx.db
    .selectFrom('role_assignments')
    .select(['platform_id as platformId', 'role'])
    .where('user_id', '=', user.id)
    .execute();
  if (roles.some((r) => r.platformId === platformId && r.role === role)) return;
  await setRoles(ctx, user.id, [
    ...roles.map((r) => ({ platformId: r.platformId, role: r.role as Role })),
    { platformId, role },
  ]);
}

/**
 * R&D calls of the ATP demo platform (a ppp_program): one open now by the server clock at seed time,
 * and one from last year (seedDemoReview fills it with applications and closes it). The demo program officer and applicant also act on ATP.
 */
export async function seedDemoCalls(ctx: Ctx): Promise<void> {
  const atp = await ctx.db.selectFrom('platforms').select('id').where('code', '=', 'ATP').executeTakeFirst();
  if (!atp) return;
  await grant(ctx, 'officer', atp.id, 'program_officer');
  await grant(ctx, 'applicant', atp.id, 'applicant');
  const exists = async (code: string) =>
    !!(await ctx.db
      .selectFrom('calls')
      .select('id')
      .where('platform_id', '=', atp.id)
      .where('code', '=', code)
      .executeTakeFirst());
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  const openCode = `ATP-${year}-AM`;
  if (!(await exists(openCode))) {
    const call = await createCall(ctx, atp.id, atpCall(openCode, at(now, -7), at(now, 45), year));
    await publishCall(ctx, call.id, 'Demo data');
  }
  const pastCode = `ATP-${year - 1}-AM`;
  if (!(await exists(pastCode))) {
    // Published back then (by a clock set to that day), closed after its deadline.
    const opened = new Date(at(now, -120));
    const then = { ...ctx, clock: { now: () => opened } };
    const call = await createCall(then, atp.id, atpCall(pastCode, at(now, -120), at(now, -60), year - 1));
    await publishCall(then, call.id, 'Demo data');
  }
}
