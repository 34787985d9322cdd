import type { Ctx } from '../http/context.js';
import { answerSurvey, deliverReport } from '../modules/services/services.delivery.js';
import { createRequest, transitionRequest } from '../modules/services/services.requests.js';
import type { ServiceInput } from '../modules/services/services.schema.js';
import { createService, listServices, setServiceState } from '../modules/services/services.service.js';
import { unitAuthorities } from '../modules/units/units.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { demoPdf } from './demo-files.js';

type Spec = Omit<ServiceInput, 'unitId' | 'fieldIds' | 'currency'> & { unit: string };

/** Services of NIST's units (illustrative prices, in US cents): calibration, SRM-based testing, beam time. */
const SERVICES: Spec[] = [
  {
    unit: 'Information Technology Laboratory',
    kind: 'testing',
    nameZh: '密码模块符合性测试',
    nameEn: 'Cryptographic module conformance testing',
    descriptionZh: '按 FIPS 140-3 对密码模块进行符合性测试并出具测试报告。',
    descriptionEn: 'Conformance testing of cryptographic modules against FIPS 140-3, with a test report.',
    methodStandard: 'FIPS 140-3',
    accreditations: [{ body: 'NVLAP', number: '200968-0' }],
    priceRule: 'fixed',
    priceMinor: 1_500_000,
    turnaroundDays: 30,
    capacityPerMonth: 8,
  },
  {
    unit: 'Physical Measurement Laboratory',
    kind: 'calibration',
    nameZh: '量块校准',
    nameEn: 'Gauge block calibration',
    descriptionZh: '以激光干涉法校准量块长度，出具可溯源至国际单位制的校准证书。',
    descriptionEn:
      'Length calibration of gauge blocks by laser interferometry, with a certificate traceable to the SI.',
    methodStandard: 'ISO 3650',
    accreditations: [{ body: 'NVLAP', number: '200500-0' }],
    priceRule: 'per_sample',
    priceMinor: 24_000,
    turnaroundDays: 20,
    capacityPerMonth: 40,
  },
  {
    unit: 'Material Measurement Laboratory',
    kind: 'testing',
    nameZh: '基于标准参考物质的成分测试',
    nameEn: 'SRM-based composition testing',
    descriptionZh: '以 NIST 标准参考物质为参照，测定合金样品的化学成分。',
    descriptionEn:
      'Chemical composition of alloy samples measured against NIST Standard Reference Materials.',
    methodStandard: 'ASTM E1086',
    accreditations: [],
    priceRule: 'per_sample',
    priceMinor: 85_000,
    turnaroundDays: 15,
    capacityPerMonth: 25,
  },
  {
    unit: 'NIST Center for Neutron Research',
    kind: 'machine_time',
    nameZh: '中子束流机时',
    nameEn: 'Neutron beam time',
    descriptionZh: '中子散射与成像仪器的机时，含仪器科学家支持。',
    descriptionEn: 'Time on neutron scattering and imaging instruments, with instrument scientist support.',
    methodStandard: null,
    accreditations: [],
    priceRule: 'per_hour',
    priceMinor: 300_000,
    turnaroundDays: 60,
    capacityPerMonth: 200,
  },
];

const DAY = 86_400_000;

/**
 * NIST's service catalog and the `enterprise` account's requests in every state (submitted, quoted, in
 * progress, delivered, closed with an answered impact survey, cancelled), made through the services so
 * each step is audited like a real one; idempotent (nothing happens once NIST has a service).
 */
export async function seedNistServices(ctx: Ctx, platformId: string): Promise<void> {
  if ((await listServices(ctx, platformId, { page: 1, pageSize: 1 }, false)).total > 0) return;
  const units = await unitAuthorities(ctx.db, platformId);
  const ids: string[] = [];
  for (const { unit, ...spec } of SERVICES) {
    const u = units.find((x) => x.nameEn === unit);
    if (!u) continue;
    const s = await createService(ctx, platformId, { ...spec, unitId: u.id, fieldIds: [], currency: 'USD' });
    await setServiceState(ctx, s.id, 'published');
    ids.push(s.id);
  }
  const user = async (name: string) => {
    const row = await ctx.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
    return row ? await loadActor(ctx.db, row.id, 'session', ['read', 'write']) : undefined;
  };
  const ent = await user('enterprise');
  if (!ent || ids.length < 2) return;
  const asEnt = { ...ctx, actor: ent };
  const ago = (days: number): Ctx => ({
    ...ctx,
    clock: { now: () => new Date(ctx.clock.now().getTime() - days * DAY) },
  });
  const ask = (c: Ctx, service: string, description: string, quantity = 1) =>
    createRequest({ ...c, actor: ent }, service, { description, quantity, wantedBy: null });
  const due = (days: number) => new Date(ctx.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const [crypto, gauge] = ids as [string, string];
  const srm = ids[2] ?? gauge;

  await ask(ctx, gauge, '校准 12 块 100 mm 钢制量块，需出具校准证书。', 12);
  const quoted = await ask(ctx, srm, '测定 3 个镍基合金样品的成分。', 3);
  await transitionRequest(ctx, quoted.id, {
    action: 'quote',
    priceMinor: 255_000,
    dueOn: due(20),
    terms: '50% upfront',
  });
  const working = await ask(ctx, crypto, '我司加密网关模块的 FIPS 140-3 测试。');
  await transitionRequest(ctx, working.id, { action: 'quote', priceMinor: 1_500_000, dueOn: due(-3) });
  await transitionRequest(asEnt, working.id, { action: 'accept' });
  await transitionRequest(ctx, working.id, { action: 'contract' });
  await transitionRequest(ctx, working.id, { action: 'start' });
  const delivered = await ask(ctx, gauge, '复校 4 块量块。', 4);
  await transitionRequest(ctx, delivered.id, { action: 'quote', priceMinor: 96_000, dueOn: due(5) });
  await transitionRequest(asEnt, delivered.id, { action: 'accept' });
  await transitionRequest(ctx, delivered.id, { action: 'contract' });
  await transitionRequest(ctx, delivered.id, { action: 'start' });
  await deliverReport(ctx, delivered.id, {
    fileName: 'calibration-certificate.pdf',
    bytes: demoPdf('Calibration certificate'),
  });
  // Delivered more than a year ago: rated, closed and its impact survey answered.
  const then = ago(400);
  const old = await ask(then, gauge, '校准 6 块量块。', 6);
  await transitionRequest(then, old.id, { action: 'quote', priceMinor: 144_000, dueOn: due(-380) });
  await transitionRequest({ ...then, actor: ent }, old.id, { action: 'accept' });
  await transitionRequest(then, old.id, { action: 'contract' });
  await transitionRequest(then, old.id, { action: 'start' });
  await deliverReport(then, old.id, {
    fileName: 'certificate-2025.pdf',
    bytes: demoPdf('Calibration certificate'),
  });
  await transitionRequest({ ...then, actor: ent }, old.id, {
    action: 'rate',
    rating: 5,
    comment: '证书出具及时',
  });
  await transitionRequest(then, old.id, { action: 'close' });
  await answerSurvey(asEnt, old.id, {
    salesMinor: 12_000_000,
    savingsMinor: 1_800_000,
    investmentMinor: 5_000_000,
    jobs: 3,
    comment: '校准后通过了客户审核',
  });
  const cancelled = await ask(ctx, srm, '测一个样品。');
  await transitionRequest(asEnt, cancelled.id, { action: 'cancel', reason: '预算调整' });
}
