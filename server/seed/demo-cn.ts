import type { Ctx } from '../http/context.js';
import type { CreateOrgInput } from '../modules/orgs/orgs.schema.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { personOfUser } from '../modules/people/people.lookup.js';
import { createPerson, updatePerson } from '../modules/people/people.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { findUserIdByUsername, setRoles } from '../modules/users/users.service.js';
import { seedChinaServices } from './demo-cn.activity.js';
import { type DemoPlatform, seedPlatform, yearly } from './demo-platform.js';

const NOTE = '示例数据 (illustrative)';
const director = (nameZh: string, nameEn: string, email: string) => ({
  nameZh,
  nameEn,
  title: 'Director (illustrative) 主任（示例）',
  email,
});

/**
 * A Chinese provincial common-technology service platform (共性技术服务平台), illustrative: the kind of
 * platform issue 14 serves enterprises from, with units in several cities so the voucher scheme's
 * regional shares and local-provider bonus have something to act on.
 */
export const SHANDONG: DemoPlatform = {
  profile: {
    code: 'SD-CTSP',
    nameZh: '山东省工业共性技术服务平台（示例）',
    nameEn: 'Shandong Industrial Common Technology Service Platform (illustrative)',
    model: 'gov_institute',
    ratingFunding: 3,
    ratingRd: 2,
    ratingManagement: 3,
    supervisingDepartmentZh: '山东省科学技术厅',
    supervisingDepartmentEn: 'Shandong Provincial Department of Science and Technology',
    fiscalYearStartMonth: 1,
    defaultCurrency: 'CNY',
    country: 'CN',
    foundedYear: 2016,
    descriptionZh:
      '省科技厅支持建设的共性技术服务平台：计量检测、材料分析、中试和技术咨询服务全省中小企业，企业可用科技创新券支付部分服务费。',
    descriptionEn:
      'A provincial common-technology service platform backed by the science department: metrology, materials analysis, pilot production and consulting for the province’s SMEs, who may pay part of a bill with innovation vouchers.',
    notes:
      'An illustrative demo platform modelled on Chinese provincial service platforms; every name and figure is illustrative. 示例平台，名称与数据均为示例。',
    isIllustrative: true,
  },
  funding: [
    ...yearly('CNY', 'appropriation', { 2022: 42, 2023: 45, 2024: 48 }, NOTE),
    ...yearly('CNY', 'service_income', { 2022: 18, 2023: 23, 2024: 27 }, NOTE),
    ...yearly('CNY', 'social_capital', { 2022: 6, 2023: 8, 2024: 9 }, NOTE),
  ],
  fields: ['manufacturing', 'materials', 'electronics', 'energy'],
  units: [
    {
      kind: 'center',
      code: 'JN-MT',
      nameZh: '济南计量检测中心',
      nameEn: 'Jinan Metrology and Testing Center',
      fields: ['manufacturing', 'electronics'],
      director: director('李振华', 'Li Zhenhua', 'li.zhenhua@sd-ctsp.example.cn'),
    },
    {
      kind: 'laboratory',
      code: 'QD-MA',
      nameZh: '青岛材料分析测试实验室',
      nameEn: 'Qingdao Materials Analysis Laboratory',
      fields: ['materials', 'manufacturing.light_metal'],
      director: director('王海燕', 'Wang Haiyan', 'wang.haiyan@sd-ctsp.example.cn'),
    },
    {
      kind: 'center',
      code: 'LC-PP',
      nameZh: '聊城中试基地',
      nameEn: 'Liaocheng Pilot Production Base',
      fields: ['manufacturing', 'energy'],
      director: director('张立新', 'Zhang Lixin', 'zhang.lixin@sd-ctsp.example.cn'),
    },
  ],
};

const enterprise = (
  nameZh: string,
  nameEn: string,
  address: string,
  size: 'sme' | 'large' = 'sme',
): CreateOrgInput => ({ nameZh, nameEn, type: 'enterprise', enterpriseSize: size, country: 'CN', address });

/** The demo account's enterprise: an SME in 聊城, a listed less-developed area (60 % share). */
export const DEMO_ENTERPRISE = enterprise(
  '聊城华测精密机械有限公司',
  'Liaocheng Huace Precision Machinery Co., Ltd. (illustrative)',
  '山东省聊城市东昌府区光明路 18 号',
);
/** Other enterprises of the province in the registry (names illustrative). */
export const OTHER_ENTERPRISES: CreateOrgInput[] = [
  enterprise(
    '青岛海晟新材料科技有限公司',
    'Qingdao Haisheng New Materials (illustrative)',
    '山东省青岛市崂山区科苑路 6 号',
  ),
  enterprise(
    '烟台中科智能装备有限公司',
    'Yantai Zhongke Intelligent Equipment (illustrative)',
    '山东省烟台市莱山区港城东大街 99 号',
  ),
  enterprise(
    '淄博鲁创化工集团有限公司',
    'Zibo Luchuang Chemical Group (illustrative)',
    '山东省淄博市张店区华光路 3 号',
    'large',
  ),
];

/** The organisation with this Chinese name, registered through the registry's service when missing. */
async function ensureOrg(ctx: Ctx, org: CreateOrgInput): Promise<string> {
  const found = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('name_zh', '=', org.nameZh)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return found?.id ?? (await createOrg(ctx, org)).id;
}

/** Adds a platform role to a demo account unless it holds it; the account's other roles are kept. */
async function grantRole(
  ctx: Ctx,
  username: string,
  platformId: string,
  role: 'enterprise_user' | 'supervisor',
) {
  const userId = await findUserIdByUsername(ctx.db, username);
  if (!userId) return;
  const actor = await loadActor(ctx.db, userId, 'session', ['read']);
  const roles = actor?.roles ?? [];
  if (roles.some((r) => r.platformId === platformId && r.role === role)) return;
  await setRoles(ctx, userId, [
    ...roles.map((r) => ({ platformId: r.platformId, role: r.role })),
    { platformId, role },
  ]);
}

/**
 * The Chinese demo (issue 14): the platform, its enterprises, and the `enterprise` account as the
 * person of 聊城华测 with the enterprise role there (beside NIST's); the supervisor account oversees it
 * too. Then the scheme, vouchers, requests, survey and needs (demo-cn.activity.ts). Idempotent.
 */
export async function seedChinaDemo(ctx: Ctx): Promise<string> {
  const platformId = await seedPlatform(ctx, SHANDONG);
  const orgId = await ensureOrg(ctx, DEMO_ENTERPRISE);
  for (const org of OTHER_ENTERPRISES) await ensureOrg(ctx, org);
  const userId = await findUserIdByUsername(ctx.db, 'enterprise');
  if (userId) {
    const person = await personOfUser(ctx.db, userId);
    if (!person)
      await createPerson(ctx, {
        nameZh: '黄欣',
        nameEn: 'Huang Xin',
        title: '技术部经理',
        email: 'huang.xin@huace.example.cn',
        userId,
        organisationId: orgId,
      });
    else if (!person.organisationId) await updatePerson(ctx, person.id, { organisationId: orgId });
  }
  await grantRole(ctx, 'enterprise', platformId, 'enterprise_user');
  await grantRole(ctx, 'supervisor', platformId, 'supervisor');
  await seedChinaServices(ctx, platformId);
  return platformId;
}
