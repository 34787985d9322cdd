import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { seedNistServices } from './demo-services.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
let nist: string;

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
}, 180_000);
afterAll(() => t.close());

describe('demo services', () => {
  it("publishes NIST's services and gives the enterprise account requests in every stage", async () => {
    const catalog = (await anonymous(t.app).get(`/api/public/platforms/${nist}/services?q=neutron`)).json();
    expect(catalog.items.map((s: { nameZh: string }) => s.nameZh)).toEqual(['中子束流机时']);
    const ent = await signIn(t.app, 'enterprise', DEMO_PASSWORD);
    const mine = (await ent.get(`/api/service-requests?platformId=${nist}`)).json();
    expect(mine.items.map((r: { state: string }) => r.state).sort()).toEqual([
      'cancelled',
      'closed',
      'delivered',
      'in_progress',
      'quoted',
      'submitted',
    ]);
    expect(mine.items.find((r: { state: string }) => r.state === 'in_progress').overdue).toBe(true);
    expect(mine.items.find((r: { state: string }) => r.state === 'closed').survey).toMatchObject({
      due: true,
      answered: true,
    });
    const director = await signIn(t.app, 'director', DEMO_PASSWORD);
    const queue = (await director.get(`/api/service-requests?platformId=${nist}&view=unit`)).json();
    expect(queue.items.map((r: { state: string }) => r.state)).toEqual(['in_progress']);
    // Seeding again adds nothing.
    await seedNistServices(t.systemCtx(), nist);
    expect((await ent.get(`/api/service-requests?platformId=${nist}`)).json().total).toBe(6);
  });

  it('holds a Chinese platform whose enterprise is the demo account: voucher, requests in every state, survey, needs', async () => {
    const platforms = (await anonymous(t.app).get('/api/platforms')).json().items;
    const sd = platforms.find((p: { code: string }) => p.code === 'SD-CTSP');
    expect(sd.nameZh).toBe('山东省工业共性技术服务平台（示例）');
    const ent = await signIn(t.app, 'enterprise', DEMO_PASSWORD);
    const me = (await ent.get('/api/auth/session')).json();
    expect(me.user.roles).toEqual(
      expect.arrayContaining([
        { platformId: nist, role: 'enterprise_user' },
        { platformId: sd.id, role: 'enterprise_user' },
      ]),
    );
    const vouchers = (await ent.get(`/api/vouchers?platformId=${sd.id}`)).json().items;
    expect(vouchers).toHaveLength(1);
    // 200,000 yuan issued; 60 % of 8,000 and of 7,000 yuan redeemed (聊城 is a 60 % area).
    expect(vouchers[0]).toMatchObject({
      state: 'issued',
      amountMinor: 20_000_000,
      balanceMinor: 20_000_000 - 480_000 - 420_000,
      organisation: { nameZh: '聊城华测精密机械有限公司' },
    });
    const requests = (await ent.get(`/api/service-requests?platformId=${sd.id}&pageSize=50`)).json();
    expect([...new Set(requests.items.map((r: { state: string }) => r.state))].sort()).toEqual([
      'accepted',
      'cancelled',
      'closed',
      'contracted',
      'delivered',
      'disputed',
      'in_progress',
      'quoted',
      'rated',
      'submitted',
    ]);
    expect(requests.items.find((r: { state: string }) => r.state === 'in_progress').overdue).toBe(true);
    expect(
      requests.items.filter((r: { survey: { answered: boolean } | null }) => r.survey?.answered),
    ).toHaveLength(1);

    const supervisor = await signIn(t.app, 'supervisor', DEMO_PASSWORD);
    const redemptions = (await supervisor.get(`/api/voucher-redemptions?platformId=${sd.id}`)).json().items;
    expect(redemptions.map((r: { state: string }) => r.state).sort()).toEqual(['redeemed', 'settled']);
    const settlements = (await supervisor.get(`/api/platforms/${sd.id}/voucher-settlements`)).json().items;
    expect(settlements.map((s: { totalMinor: number }) => s.totalMinor)).toEqual([480_000]);

    const needs = (await ent.get(`/api/needs?platformId=${sd.id}&mine=true`)).json();
    expect(needs.total).toBe(4);
    // The officers' follow-up list: the declined need, the unanswered one, the uncontacted one.
    const attention = (await supervisor.get(`/api/needs/attention?platformId=${sd.id}`)).json().items;
    const flags = Object.fromEntries(
      attention.map((a: { need: { title: string }; flags: string[] }) => [a.need.title, a.flags]),
    );
    expect(flags['轻量化铝合金压铸件开裂']).toContain('declined');
    expect(flags['废旧电机再制造的工艺方案']).toContain('unanswered');
    expect(flags['精密轴类零件的在线尺寸检测']).toBeUndefined();
    // The public portal lists the three public needs, not the staff-only one.
    const open = (await anonymous(t.app).get(`/api/public/needs?platformId=${sd.id}`)).json();
    expect(open.items.map((n: { title: string }) => n.title).sort()).toEqual(
      ['精密轴类零件的在线尺寸检测', '茶叶包装的防潮设计', '轻量化铝合金压铸件开裂'].sort(),
    );
  });
});
