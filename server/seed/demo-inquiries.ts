import { PRIVACY_NOTICE_VERSION } from '../../common/privacy.js';
import type { Ctx } from '../http/context.js';
import type { CreateInquiryInput, TransitionInput } from '../modules/inquiries/inquiries.schema.js';
import { createInquiry, transitionInquiry } from '../modules/inquiries/inquiries.service.js';
import { listInquiries } from '../modules/inquiries/inquiries.views.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { findUserIdByUsername } from '../modules/users/users.service.js';

type Spec = Omit<CreateInquiryInput, 'consentVersion'> & {
  /** The public technology asked about, by its English title (demo-results.data.ts). */
  result: string;
  daysAgo: number;
  /** The tech-transfer officer's answers, in order. */
  steps: TransitionInput[];
};

/**
 * Visitors' inquiries about NIST's public technologies (illustrative people and companies, at the
 * reserved example.com domain): one answered and in discussion, one under NDA, one still open.
 */
const INQUIRIES: Spec[] = [
  {
    result: 'Chip-scale atomic clock',
    daysAgo: 40,
    kind: 'licensing',
    name: '黄欣',
    organisation: '聊城华测精密机械有限公司（示例）',
    email: 'huang.xin@huace.example.cn',
    phone: '+86 635 000 0000',
    message:
      '我司希望将芯片级原子钟用于精密测量设备的授时模块，想了解非独占许可的条件、费用与技术支持方式。（示例）',
    locale: 'zh-CN',
    steps: [
      {
        to: 'in_discussion',
        note: 'Replied with the non-exclusive licence terms and set a call with the inventors. 已回复非独占许可条件并约定与发明人通话。',
      },
    ],
  },
  {
    result: 'In-situ melt-pool monitoring for metal additive manufacturing',
    daysAgo: 25,
    kind: 'collaboration',
    name: 'Laura Bennett',
    organisation: 'Example Additive Systems Inc. (illustrative)',
    email: 'l.bennett@additive.example.com',
    message:
      'We build laser powder-bed fusion machines and would like to co-develop the melt-pool monitoring with NIST under a CRADA. (illustrative)',
    locale: 'en-US',
    steps: [
      { to: 'in_discussion', note: 'Call held with the engineering team; CRADA scope drafted.' },
      { to: 'nda_signed', note: 'Mutual NDA signed before sharing the sensor design.' },
    ],
  },
  {
    result: '5G millimetre-wave channel sounder',
    daysAgo: 3,
    kind: 'licensing',
    name: '王磊',
    organisation: '烟台中科智能装备有限公司（示例）',
    email: 'wang.lei@yantai-zk.example.cn',
    message: '请问毫米波信道探测仪的技术是否可以许可给国内企业用于产线测试？需要提供哪些材料？（示例）',
    locale: 'zh-CN',
    steps: [],
  },
];

const DAY = 86_400_000;

/**
 * The inquiries a visitor leaves on the public portal (no sign-in) and the tech-transfer officer's
 * answers, through the module's service by a clock set to each day. Idempotent: nothing happens once
 * the platform has an inquiry.
 */
export async function seedNistInquiries(ctx: Ctx, platformId: string): Promise<void> {
  if ((await listInquiries(ctx, { platformId, page: 1, pageSize: 1 })).total > 0) return;
  const officerId = await findUserIdByUsername(ctx.db, 'transfer');
  const officer = officerId ? await loadActor(ctx.db, officerId, 'session', ['read', 'write']) : null;
  const results = await ctx.db
    .selectFrom('results')
    .select(['id', 'title_en'])
    .where('platform_id', '=', platformId)
    .execute();
  for (const { result, daysAgo, steps, ...input } of INQUIRIES) {
    const resultId = results.find((r) => r.title_en === result)?.id;
    if (!resultId) continue;
    const day = (d: number): Ctx => ({
      ...ctx,
      clock: { now: () => new Date(ctx.clock.now().getTime() - d * DAY) },
    });
    const { id } = await createInquiry({ ...day(daysAgo), actor: null }, resultId, {
      ...input,
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    for (const [n, step] of steps.entries())
      await transitionInquiry({ ...day(daysAgo - 2 - n * 5), actor: officer ?? ctx.actor }, id, step);
  }
}
