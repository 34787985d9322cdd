import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../common/privacy.js';
import { pickDate } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('public results portal and the inquiry funnel (in Chinese)', () => {
  it('a visitor finds a technology in Chinese and asks about a licence; the officer moves it to NDA signed', async () => {
    // The visitor: no sign-in, the portal in its default language (Chinese).
    const { page, problems } = await stack.newPage();
    await page.goto('/public/comparison');
    await page.getByTestId('public-results-link').click();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('成果与技术');
    const search = page.getByPlaceholder(/原子钟/);

    // Internal records never show up, whatever is searched.
    await search.fill('石墨烯');
    const hidden = page.waitForResponse(
      (r) => r.url().includes('/api/public/results?') && r.url().includes('q='),
    );
    await search.press('Enter');
    expect((await hidden).status()).toBe(200);
    await poll(() => page.getByTestId('portal-total').textContent()).toBe('共 0 项成果');

    await search.fill('原子钟');
    await search.press('Enter');
    await poll(() => page.getByTestId('portal-total').textContent()).toBe('共 1 项成果');
    const hit = page.getByTestId('portal-result');
    expect(await hit.textContent()).toContain('芯片级原子钟');
    expect(await hit.textContent()).toContain('可许可技术');
    await hit.getByRole('link', { name: '芯片级原子钟' }).click();

    await poll(() => page.getByTestId('page-title').textContent()).toBe('芯片级原子钟');
    expect(await page.getByTestId('result-trl').textContent()).toBe('TRL 7 · 实际环境中系统样机试验');
    const listing = await page.getByTestId('tech-listing').textContent();
    for (const label of ['解决的问题', '相对现有行业技术的优势', '经济性比较', '知识产权状态', '普通许可'])
      expect(listing).toContain(label);
    await expectAccessible(page, '成果详情（公众）');

    await page.getByTestId('inquiry-name').fill('李经理');
    await page.getByTestId('inquiry-organisation').fill('深圳某通信设备有限公司');
    await page.getByTestId('inquiry-email').fill('li@example.com');
    await page
      .getByTestId('inquiry-message')
      .fill('我们希望了解芯片级原子钟的非独占许可条件和样品测试安排。');
    // 个人信息保护法: the notice is shown and the form is not sent without the explicit consent.
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('个人信息保护法');
    await page.getByTestId('inquiry-submit').click();
    await page.getByText('请阅读并同意个人信息处理告知书后再提交').waitFor();
    await page.getByRole('checkbox', { name: /我已阅读并同意《个人信息处理告知书》/ }).check();
    const sent = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/public\/results\/[^/]+\/inquiries$/.test(r.url()),
    );
    await page.getByTestId('inquiry-submit').click();
    const response = await sent;
    expect(response.status()).toBe(201);
    const receipt = (await response.json()) as { id: string };
    const consent = await stack.ctx.db
      .selectFrom('inquiries')
      .select('consent_version')
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(consent.consent_version).toBe(PRIVACY_NOTICE_VERSION);
    await page.getByTestId('inquiry-sent').waitFor();
    expect(problems).toEqual([]);

    // The tech-transfer officer of NIST signs in and works the inquiry.
    const officer = await stack.newPage();
    const o = officer.page;
    await signInAs(o, 'transfer');
    await o
      .getByTestId('side-nav')
      .getByRole('menuitem')
      .filter({ hasText: /^咨询$/ })
      .click();
    await poll(() => o.getByTestId('page-title').textContent()).toBe('咨询');
    const row = o.locator('tr', { hasText: '李经理' });
    await poll(() => row.getByTestId('inquiry-row-state').textContent()).toBe('已收到');
    expect(await row.textContent()).toContain('芯片级原子钟');
    // The funnel counts every inquiry NIST received: the demo's and this one (from the records).
    const received = async (from?: string) =>
      Number(
        (
          await stack.ctx.db
            .selectFrom('inquiries')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('platform_id', '=', stack.platformId)
            .$if(!!from, (qb) => qb.where('received_at', '>=', from!))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await poll(() => o.getByTestId('funnel-received').textContent()).toBe(`已收到${await received()}`);
    // The period is picked in the shared date picker and goes to the server as the same YYYY-MM-DD.
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const asked = o.waitForRequest((r) => new URL(r.url()).pathname === '/api/inquiries/funnel');
    await pickDate(o, o.getByRole('textbox', { name: '收到日期从' }), from);
    expect(new URL((await asked).url()).searchParams.get('from')).toBe(from);
    await poll(() => o.getByTestId('funnel-received').textContent()).toBe(`已收到${await received(from)}`);
    await row.click();
    await poll(() => o.getByTestId('inquiry-state').textContent()).toBe('已收到');

    // How many of the period's inquiries had reached NDA signed before this one (the demo has one).
    const ndaBefore = Number(
      (
        await stack.ctx.db
          .selectFrom('inquiry_transitions as t')
          .innerJoin('inquiries as i', 'i.id', 't.inquiry_id')
          .select((eb) => eb.fn.count('t.inquiry_id').distinct().as('n'))
          .where('i.platform_id', '=', stack.platformId)
          .where('i.received_at', '>=', from)
          .where('t.to_state', '=', 'nda_signed')
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [to, label] of [
      ['in_discussion', '洽谈中'],
      ['nda_signed', '已签保密协议'],
    ] as const) {
      const moved = o.waitForResponse(
        (r) =>
          r.request().method() === 'POST' && r.url().endsWith(`/api/inquiries/${receipt.id}/transitions`),
      );
      await o.getByTestId(`move-${to}`).click();
      const res = await moved;
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { state: string }).state).toBe(to);
      await poll(() => o.getByTestId('inquiry-state').textContent()).toBe(label);
    }
    // What the drawer offers next: licensed or closed, not going back.
    expect(await o.getByTestId('move-licensed').isVisible()).toBe(true);
    expect(await o.getByTestId('move-in_discussion').count()).toBe(0);
    await poll(() => row.getByTestId('inquiry-row-state').textContent()).toBe('已签保密协议');
    await poll(() => o.getByTestId('funnel-nda_signed').textContent()).toBe(`已签保密协议${ndaBefore + 1}`);
    expect(officer.problems).toEqual([]);
  });
});
