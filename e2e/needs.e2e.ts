import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drawer, modal, noModal, pick } from './antd-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

/**
 * 技术需求 in Chinese (issue 14 'Done means'): the demo enterprise posts a Chinese need and finds the
 * English-language NIST technology among its ranked matches with the reason highlighted, contacts it;
 * the platform admin declines that contact with a reason and accepts a second one while the tech-transfer
 * officer's 待跟进需求 shows the need waiting, then no longer; the portal lists the public need.
 */
let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  // The demo enterprise account acts for its organisation, 聊城华测 (server/seed/demo-cn.ts).
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  page.setDefaultTimeout(15_000);
  await signInAs(page, 'enterprise');
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page.screenshot({ path: '/tmp/commonlab-e2e-needs-failed.png' });
});
afterAll(async () => {
  await stack?.close();
});

describe('技术需求 (enterprise, Chinese)', () => {
  it('posts a Chinese need, reads the English technology among its matches with the reason, contacts it', async () => {
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '技术需求' }).click();
    await page.getByRole('tab', { name: '我的需求' }).waitFor();
    await page.getByRole('button', { name: '发布需求' }).click();
    const form = modal(page);
    await form.getByLabel('需求').fill('基站授时的原子钟');
    await form
      .getByLabel('需要解决的问题')
      .fill('卫星信号被遮挡时，我们的通信基站时间同步会漂移，需要小型原子钟保持授时。');
    await form
      .getByRole('button', { name: '发 布' })
      .or(form.getByRole('button', { name: '发布' }))
      .click();
    await noModal(page);

    // The new need's matches open at once: the chip-scale atomic clock first, its reason marked.
    const matches = drawer(page).getByTestId('matches');
    const clock = matches.getByRole('listitem', { name: '芯片级原子钟' });
    await clock.waitFor();
    const first = matches.getByRole('listitem').first();
    expect(await first.getAttribute('aria-label')).toBe('芯片级原子钟');
    const reason = await clock.getByTestId('match-reason').locator('mark').allTextContents();
    // 基站 in the Chinese need meets "Base stations" in the English text through the glossary, and 原子钟
    // meets "Chip-scale atomic clock"; no single Chinese character is shown as a reason (遮挡 gave 挡).
    expect(reason).toEqual(
      expect.arrayContaining(['Base stations', '基站', 'Chip-scale atomic clock', '芯片级原子钟']),
    );
    expect(reason.filter((r) => /^\p{Script=Han}$/u.test(r))).toEqual([]);
    // The English text of the technology is shown with the shared terms marked.
    expect(await clock.locator('mark', { hasText: 'Base stations' }).count()).toBeGreaterThan(0);
    expect(
      await drawer(page).getByTestId('need-text').locator('mark', { hasText: '基站' }).count(),
    ).toBeGreaterThan(0);

    await clock.getByRole('button', { name: '发起对接' }).click();
    await modal(page).getByLabel('给提供方的留言').fill('希望洽谈许可，请联系我们。');
    await modal(page)
      .getByRole('button', { name: '发 送' })
      .or(modal(page).getByRole('button', { name: '发送' }))
      .click();
    await noModal(page);
    await clock.getByText('已对接').waitFor();
    expect(problems).toEqual([]);
  });

  it('the provider declines one contact and accepts another; the officer follows up the need meanwhile', async () => {
    // A second contact of the same need, to its next match (any NIST unit's: the platform admin answers).
    const matches = drawer(page).getByTestId('matches');
    const secondName = (await matches
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: '发起对接' }) })
      .first()
      .getAttribute('aria-label'))!;
    const second = matches.getByRole('listitem', { name: secondName, exact: true });
    await second.getByRole('button', { name: '发起对接' }).click();
    await modal(page).getByLabel('给提供方的留言').fill('想了解合作方式。');
    await modal(page)
      .getByRole('button', { name: '发 送' })
      .or(modal(page).getByRole('button', { name: '发送' }))
      .click();
    await noModal(page);
    await second.getByText('已对接').waitFor();

    const { page: provider, problems: providerProblems } = await stack.newPage();
    provider.setDefaultTimeout(15_000);
    await signInAs(provider, 'platformadmin');
    await provider.getByTestId('side-nav').getByRole('menuitem', { name: '技术需求' }).click();
    await provider.getByRole('tab', { name: '收到的对接' }).click();
    const received = provider.getByTestId('contacts-to-me');
    const clockRow = received.locator('tr', { hasText: '芯片级原子钟' });
    await clockRow.getByRole('button', { name: '婉拒对接' }).click();
    await pick(provider, modal(provider).locator('.ant-select'), '技术尚不成熟');
    await modal(provider).getByLabel('说明').fill('仍在实验室阶段。');
    await modal(provider).getByRole('button', { name: '婉拒对接' }).click();
    await noModal(provider);
    await poll(() => clockRow.textContent()).toContain('已婉拒');

    // The officer sees the need waiting for the other answer.
    const { page: officer, problems: officerProblems } = await stack.newPage();
    officer.setDefaultTimeout(15_000);
    await signInAs(officer, 'transfer');
    await officer.getByTestId('side-nav').getByRole('menuitem', { name: '技术需求' }).click();
    await officer.getByRole('tab', { name: '待跟进需求' }).click();
    const followUp = officer.getByTestId('needs-attention').locator('tr', { hasText: '基站授时的原子钟' });
    await poll(() => followUp.textContent()).toContain('未答复');

    const otherRow = received
      .locator('tr', { hasText: secondName ?? '' })
      .filter({ hasNotText: '芯片级原子钟' });
    await otherRow.getByRole('button', { name: '接受对接' }).click();
    await poll(() => otherRow.textContent()).toContain('已接受');
    // Answered: the need no longer waits on anyone, so it leaves the officer's list.
    await officer.reload();
    await officer.getByRole('tab', { name: '待跟进需求' }).click();
    const table = officer.getByTestId('needs-attention');
    // Loaded (no spinner) and empty: NIST has no other need waiting.
    await poll(
      async () =>
        `${await table.locator('.ant-spin-spinning').count()} ${await table.locator('.ant-table-placeholder').count()}`,
    ).toBe('0 1');
    expect(await followUp.count()).toBe(0);
    expect([...providerProblems, ...officerProblems]).toEqual([]);
  }, 120_000);

  it('lists the public need on the portal without sign-in', async () => {
    const { page: visitor, problems: visitorProblems } = await stack.newPage();
    await visitor.goto('/public/needs');
    await poll(() => visitor.getByTestId('public-needs').getByText('基站授时的原子钟').count()).toBe(1);
    expect(visitorProblems).toEqual([]);
  });
});
