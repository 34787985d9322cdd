import type { Ctx } from '../http/context.js';
import { liveFieldIdsByCode } from '../modules/fields/fields.lookup.js';
import { answerContact, contactMatch, needMatches } from '../modules/needs/needs.contacts.js';
import { createNeed } from '../modules/needs/needs.service.js';
import { answerSurvey, deliverReport } from '../modules/services/services.delivery.js';
import { createRequest, transitionRequest } from '../modules/services/services.requests.js';
import { createService, setServiceState } from '../modules/services/services.service.js';
import { unitAuthorities } from '../modules/units/units.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { findUserIdByUsername } from '../modules/users/users.service.js';
import {
  listRedemptions,
  useVoucher as payWithVoucher,
  redeem,
  settleMonth,
} from '../modules/vouchers/vouchers.redemptions.js';
import {
  applyForVoucher,
  createScheme,
  decideVoucher,
  listSchemes,
  setSchemeState,
} from '../modules/vouchers/vouchers.service.js';
import { DEMO_NEEDS, needInput, RULES, SERVICES, UNIT_REGIONS } from './demo-cn.data.js';
import { demoPdf } from './demo-files.js';

const DAY = 86_400_000;

/**
 * What the Chinese demo does (issue 14): the catalog, the Shandong-like voucher scheme with the
 * enterprise's issued voucher, its requests in every state (two paid 60 % by voucher, one redeemed and
 * settled last month, one redeemed and waiting for this month's settlement), an answered impact survey,
 * and needs with matches and contacts accepted, declined and unanswered — all through the services, so
 * audited like real work. Nothing happens once the platform has a scheme.
 */
export async function seedChinaServices(ctx: Ctx, platformId: string): Promise<void> {
  if ((await listSchemes(ctx, platformId)).items.length > 0) return;
  const units = await unitAuthorities(ctx.db, platformId);
  const fields = await liveFieldIdsByCode(ctx.db, [...new Set(SERVICES.flatMap((s) => s.fields))]);
  const ids: string[] = [];
  for (const { unit, fields: codes, ...spec } of SERVICES) {
    const u = units.find((x) => x.nameEn === unit)!;
    const fieldIds = codes.flatMap((c) => (fields.has(c) ? [fields.get(c)!] : []));
    const s = await createService(ctx, platformId, { ...spec, unitId: u.id, fieldIds, currency: 'CNY' });
    await setServiceState(ctx, s.id, 'published');
    ids.push(s.id);
  }
  const userId = await findUserIdByUsername(ctx.db, 'enterprise');
  const ent = userId && (await loadActor(ctx.db, userId, 'session', ['read', 'write']));
  if (!ent) return;
  const at = (daysAgo: number): Ctx => ({
    ...ctx,
    clock: { now: () => new Date(ctx.clock.now().getTime() - daysAgo * DAY) },
  });
  const as = (c: Ctx): Ctx => ({ ...c, actor: ent });
  const day = (c: Ctx, plus = 0) => new Date(c.clock.now().getTime() + plus * DAY).toISOString().slice(0, 10);
  const [cmm, roughness, fatigue, spectro, motor] = ids as [string, string, string, string, string];
  const ask = (c: Ctx, service: string, description: string, quantity = 1) =>
    createRequest(as(c), service, { description, quantity, wantedBy: null });
  const quote = (c: Ctx, id: string, priceMinor: number, dueIn: number) =>
    transitionRequest(c, id, {
      action: 'quote',
      priceMinor,
      dueOn: day(c, dueIn),
      terms: '验收后 30 日内付款',
    });
  const toWork = async (c: Ctx, id: string) => {
    await transitionRequest(as(c), id, { action: 'accept' });
    await transitionRequest(c, id, { action: 'contract' });
    await transitionRequest(c, id, { action: 'start' });
  };
  const deliver = (c: Ctx, id: string, name: string) =>
    deliverReport(c, id, { fileName: `${name}.pdf`, bytes: demoPdf('Test report') });

  // A year and more ago, before the scheme: delivered, rated, closed, its impact survey answered.
  const past = at(420);
  const old = await ask(past, spectro, '测定 5 个铸铝样品的化学成分。', 5);
  await quote(past, old.id, 250_000, 5);
  await toWork(past, old.id);
  await deliver(past, old.id, '成分分析报告');
  await transitionRequest(as(past), old.id, { action: 'rate', rating: 5, comment: '报告清楚，交付及时' });
  await transitionRequest(past, old.id, { action: 'close' });
  await answerSurvey(as(ctx), old.id, {
    salesMinor: 180_000_000,
    savingsMinor: 12_000_000,
    investmentMinor: 30_000_000,
    jobs: 4,
    comment: '材料问题解决后拿到了新订单',
  });

  // The scheme opens 60 days ago; the enterprise applies and the supervisor issues 200,000 yuan.
  const opened = at(60);
  const year = new Date(ctx.clock.now().getTime() - 420 * DAY).getUTCFullYear();
  const scheme = await createScheme(opened, platformId, {
    nameZh: '山东省科技创新券（示例）',
    nameEn: 'Shandong innovation vouchers (illustrative)',
    currency: 'CNY',
    validFrom: `${year}-01-01`,
    validTo: `${year + 3}-12-31`,
    lottery: false,
    rules: RULES(
      [...fields.values()],
      units.map((u) => ({ unitId: u.id, region: UNIT_REGIONS[u.nameEn] ?? '济南' })),
    ),
  });
  await setSchemeState(opened, scheme.id, 'open');
  const voucher = await applyForVoucher(as(opened), scheme.id, {
    amountMinor: 20_000_000,
    profile: {
      size: 'small',
      region: '聊城',
      fieldIds: fields.has('manufacturing') ? [fields.get('manufacturing')!] : [],
      registeredOn: '2014-05-20',
      controllerName: '刘建国',
      controllerId: '91371500MA00000000',
    },
  });
  await decideVoucher(at(58), voucher.id, 'issue');

  // Last month: paid 60 % by voucher, delivered, rated, closed, redeemed with proof and settled.
  const lastMonth = at(40);
  const paid = await ask(lastMonth, cmm, '检测 10 件精密轴的尺寸和圆度。', 10);
  await quote(lastMonth, paid.id, 800_000, 7);
  await payWithVoucher(as(lastMonth), paid.id, voucher.id);
  await toWork(lastMonth, paid.id);
  await deliver(at(36), paid.id, '三坐标检测报告');
  await transitionRequest(as(at(35)), paid.id, { action: 'rate', rating: 5, comment: '数据详实' });
  await transitionRequest(at(35), paid.id, { action: 'close' });
  const first = (await listRedemptionsOf(ctx, platformId)).find((r) => r.serviceRequestId === paid.id)!;
  await redeem(at(34), first.id, {
    contractRef: 'SD-JN-2026-018',
    paymentRef: '转账 2026-0318',
    paidByEnterpriseMinor: 320_000,
  });
  await settleMonth(ctx, platformId, day(at(34)).slice(0, 7));

  // This month: a second voucher payment, rated, redeemed and waiting for the month's settlement.
  const recent = at(12);
  const second = await ask(recent, fatigue, '2 件铝合金支架的疲劳试验。', 2);
  await quote(recent, second.id, 700_000, 10);
  await payWithVoucher(as(recent), second.id, voucher.id);
  await toWork(recent, second.id);
  await deliver(at(3), second.id, '疲劳试验报告');
  await transitionRequest(as(at(2)), second.id, { action: 'rate', rating: 4, comment: '周期略长' });
  const planned = (await listRedemptionsOf(ctx, platformId)).find((r) => r.serviceRequestId === second.id)!;
  await redeem(at(1), planned.id, {
    contractRef: 'SD-QD-2026-042',
    paymentRef: '转账 2026-0411',
    paidByEnterpriseMinor: 280_000,
  });

  // The other states, one request each.
  await ask(ctx, roughness, '校准 2 台粗糙度仪。');
  const quoted = await ask(at(5), cmm, '检测 20 件法兰的平面度。', 20);
  await quote(at(4), quoted.id, 1_600_000, 14);
  const accepted = await ask(at(6), motor, '电机再制造方案，约 10 小时。', 10);
  await quote(at(5), accepted.id, 800_000, 20);
  await transitionRequest(as(at(4)), accepted.id, { action: 'accept' });
  const contracted = await ask(at(8), spectro, '测定 4 个铜合金样品。', 4);
  await quote(at(7), contracted.id, 200_000, 6);
  await transitionRequest(as(at(7)), contracted.id, { action: 'accept' });
  await transitionRequest(at(6), contracted.id, { action: 'contract' });
  const late = await ask(at(30), fatigue, '5 件压铸壳体的疲劳试验。', 5);
  await quote(at(29), late.id, 1_750_000, 20);
  await toWork(at(28), late.id);
  const delivered = await ask(at(15), roughness, '校准 1 台粗糙度仪。');
  await quote(at(14), delivered.id, 60_000, 10);
  await toWork(at(14), delivered.id);
  await deliver(at(2), delivered.id, '校准证书');
  const disputed = await ask(at(25), cmm, '检测 3 件齿轮的齿形。', 3);
  await quote(at(24), disputed.id, 240_000, 7);
  await toWork(at(24), disputed.id);
  await deliver(at(17), disputed.id, '齿形检测报告');
  await transitionRequest(as(at(16)), disputed.id, { action: 'dispute', reason: '报告漏测了两项齿形参数' });
  const cancelled = await ask(at(20), motor, '电机能效评估。');
  await transitionRequest(as(at(19)), cancelled.id, { action: 'cancel', reason: '项目推迟到明年' });

  // Needs: matched and contacted; the provider accepts one, declines one; one waits; one is uncontacted.
  // A contact's answer names its account, so the platform's side answers as the demo's administrator.
  const adminId = await findUserIdByUsername(ctx.db, 'admin');
  const admin = adminId && (await loadActor(ctx.db, adminId, 'session', ['read', 'write']));
  const provider = (c: Ctx): Ctx => (admin ? { ...c, actor: admin } : c);
  for (const n of DEMO_NEEDS) {
    const need = await createNeed(as(at(9)), platformId, needInput(n));
    if (!n.answer) continue;
    const top = (await needMatches(as(at(9)), need.id)).items[0];
    if (!top) continue;
    const contact = await contactMatch(as(at(8)), need.id, {
      kind: top.kind,
      targetId: top.id,
      message: '希望了解服务周期和报价，请联系我们。',
    });
    if (n.answer === 'accepted') await answerContact(provider(at(7)), contact.id, { to: 'accepted' });
    if (n.answer === 'declined')
      await answerContact(provider(at(7)), contact.id, {
        to: 'declined',
        reason: 'out_of_scope',
        note: '断口分析需外协',
      });
  }
}

/** The platform's redemptions, as the supervisor lists them. */
const listRedemptionsOf = async (ctx: Ctx, platformId: string) =>
  (await listRedemptions(ctx, platformId)).items;
