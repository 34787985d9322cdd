import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { seedDemoAnnouncements } from './demo-announcements.js';
import { seedNistInquiries } from './demo-inquiries.js';
import { seedDemoInstruments } from './demo-instruments.js';
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

  it("fills the portal's 仪器 and 通知公告 pages of both platforms and the officer's inquiries, anonymously readable", async () => {
    const anon = anonymous(t.app);
    const platforms = (await anon.get('/api/platforms')).json().items;
    const sd = platforms.find((p: { code: string }) => p.code === 'SD-CTSP').id;
    const day = 86_400_000;
    const now = t.clock.now().getTime();
    const window = `from=${new Date(now - 7 * day).toISOString()}&to=${new Date(now + 21 * day).toISOString()}`;
    for (const platformId of [nist, sd]) {
      const list = (await anon.get(`/api/public/platforms/${platformId}/instruments`)).json();
      expect(list.total).toBe(2);
      for (const i of list.items) expect(i.nameEn).toContain('(illustrative)');
      // Each calendar holds hours in the coming weeks; the public sees when, never who or why.
      for (const i of list.items) {
        const cal = await anon.get(`/api/public/instruments/${i.id}/calendar?${window}`);
        expect(cal.statusCode).toBe(200);
        expect(cal.json().items.length).toBeGreaterThan(0);
        expect(cal.json().items.every((b: { purpose: string | null }) => b.purpose === null)).toBe(true);
      }
      const news = (await anon.get(`/api/announcements?platformId=${platformId}`)).json();
      expect(news.total).toBeGreaterThanOrEqual(2);
      for (const a of news.items) expect(a.bodyEn).toContain('Illustrative');
      const withFile = news.items.find((a: { attachment: unknown }) => a.attachment);
      const file = await anon.get(`/api/announcements/${withFile.id}/attachment`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('application/pdf');
      expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }

    // The enterprise account's bookings: past and future, approved, waiting, refused.
    const ent = await signIn(t.app, 'enterprise', DEMO_PASSWORD);
    const mine = (await ent.get(`/api/instrument-bookings?platformId=${sd}`)).json().items;
    const iso = new Date(now).toISOString();
    expect(
      mine.filter((b: { startsAt: string }) => b.startsAt < iso).map((b: { state: string }) => b.state),
    ).toEqual(['approved', 'approved']);
    expect(
      mine
        .filter((b: { startsAt: string }) => b.startsAt > iso)
        .map((b: { state: string }) => b.state)
        .sort(),
    ).toEqual(['approved', 'rejected', 'requested']);
    expect((await ent.get(`/api/instrument-bookings?platformId=${nist}`)).json().items.length).toBe(4);

    // The tech-transfer officer's 咨询 list: one answered and discussed, one under NDA, one open.
    const transfer = await signIn(t.app, 'transfer', DEMO_PASSWORD);
    const inquiries = (await transfer.get(`/api/inquiries?platformId=${nist}`)).json();
    expect(inquiries.items.map((i: { state: string }) => i.state).sort()).toEqual([
      'in_discussion',
      'nda_signed',
      'received',
    ]);

    // Seeding again adds nothing.
    await seedDemoInstruments(t.systemCtx(), sd, 'cn');
    await seedDemoAnnouncements(t.systemCtx(), nist, 'nist');
    await seedNistInquiries(t.systemCtx(), nist);
    expect((await anon.get(`/api/public/platforms/${sd}/instruments`)).json().total).toBe(2);
    expect((await anon.get(`/api/announcements?platformId=${nist}`)).json().total).toBe(2);
    expect((await transfer.get(`/api/inquiries?platformId=${nist}`)).json().total).toBe(3);
  });
});
