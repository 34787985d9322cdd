import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus, localTime, pickTime, platformByCode } from './calls-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// 复制申报指南 (issue 12): the ATP program officer starts next year's call from last year's closed one;
// the copy is a draft with the earlier guide and opens at once. The applicant has no such button.
let stack: Stack;
let source: { id: string; title_zh: string; summary_zh: string | null };
beforeAll(async () => {
  stack = await startStack();
  const atp = await platformByCode(stack, 'ATP');
  source = await stack.ctx.db
    .selectFrom('calls')
    .select(['id', 'title_zh', 'summary_zh'])
    .where('platform_id', '=', atp)
    .where('state', '!=', 'draft')
    .orderBy('opens_at', 'asc')
    .executeTakeFirstOrThrow();
});
afterAll(async () => {
  await stack?.close();
});

describe('复制申报指南', () => {
  it('项目主管复制往年计划，得到新的草稿并打开', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'officer');
    await page.goto(`/calls/${source.id}`);
    await poll(() => page.getByTestId('call-title').textContent()).toBe(source.title_zh);
    await page.getByRole('button', { name: '复制申报指南' }).click();
    const dialog = page.getByRole('dialog', { name: '复制申报指南' });
    await dialog.getByLabel('中文名称').waitFor();
    expect(await dialog.getByLabel('中文名称').inputValue()).toBe(source.title_zh);
    await dialog.getByLabel('中文名称').fill('2027 年度共性技术联合研发计划（复制）');
    await dialog.getByLabel('代码').fill('ATP-2027-COPY');
    const now = Date.now();
    await pickTime(page, 'copy-opens', localTime(new Date(now + 86_400_000)));
    await pickTime(page, 'copy-closes', localTime(new Date(now + 40 * 86_400_000)));
    await expectAccessible(page, 'the copy dialog');
    const created = await answerOf(page, 'POST', /\/api\/calls\/[^/]+\/copy$/, () =>
      dialog.getByRole('button', { name: '创建副本' }).click(),
    );
    await expectStatus(created, 201);
    const copy = (await created.json()) as { id: string };
    await page.waitForURL((u) => u.pathname === `/calls/${copy.id}`);
    await page.getByTestId('call-preview').waitFor();
    await poll(() => page.getByTestId('call-title').textContent()).toBe(
      '2027 年度共性技术联合研发计划（复制）',
    );
    await poll(() => page.getByTestId('call-state').textContent()).toBe('草稿');
    if (source.summary_zh)
      expect(await page.locator('body').textContent()).toContain(source.summary_zh.slice(0, 20));
    await poll(() => page.getByTestId('publish-call').count()).toBe(1);
    expect(problems).toEqual([]);
  }, 120_000);

  it('代码已被占用时在代码下说明，不创建副本', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'officer');
    await page.goto(`/calls/${source.id}`);
    await page.getByRole('button', { name: '复制申报指南' }).click();
    const dialog = page.getByRole('dialog', { name: '复制申报指南' });
    await dialog.getByLabel('代码').fill('ATP-2027-COPY');
    const now = Date.now();
    await pickTime(page, 'copy-opens', localTime(new Date(now + 86_400_000)));
    await pickTime(page, 'copy-closes', localTime(new Date(now + 40 * 86_400_000)));
    const refused = await answerOf(page, 'POST', /\/copy$/, () =>
      dialog.getByRole('button', { name: '创建副本' }).click(),
    );
    expect(refused.status()).toBe(409);
    await dialog.locator('.ant-alert-error').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/calls/${source.id}`);
  }, 120_000);

  it('申请人看不到复制按钮', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'applicant');
    await page.goto(`/calls/${source.id}`);
    await poll(() => page.getByTestId('call-title').textContent()).toBe(source.title_zh);
    expect(await page.getByRole('button', { name: '复制申报指南' }).count()).toBe(0);
  }, 60_000);
});
