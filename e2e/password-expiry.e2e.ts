import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError } from './antd-support.js';
import { DEMO_PASSWORD, poll, type Stack, startStack } from './support.js';

// A 等保 deployment: passwords expire after 90 days (docs/sign-in.md, "Password expiry").
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { PASSWORD_MAX_AGE_DAYS: '90' } });
});
afterAll(async () => {
  await stack?.close();
});

describe('password expiry (browser, Chinese)', () => {
  it('an expired password leads to the change page only; the demo password is refused by the rules and a recent one as reused, each under its field; a new one opens the app', async () => {
    stack.clock.advance(91 * 86_400_000);
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.locator('#username').fill('researcher');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();

    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toContain('设置新密码');
    expect(await page.getByTestId('password-gate-reason').textContent()).toContain(
      '您的密码已过期，请设置新密码后继续。',
    );
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    // The demo password again: it names the product, so the rules refuse it under its field.
    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill(DEMO_PASSWORD);
    await page.locator('#confirm').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await poll(() => fieldError(page, 'newPassword')).toBe(
      '密码不得包含您的姓名、邮箱、产品名称或平台名称、代码',
    );
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill('Renewed-pass-2027');
    await page.locator('#confirm').fill('Renewed-pass-2027');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('side-nav').waitFor();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('工作台');

    // 91 days later that one has expired too; choosing it again is refused as recently used.
    stack.clock.advance(91 * 86_400_000);
    await page.goto('/sign-in');
    await page.locator('#username').fill('researcher');
    await page.locator('#password').fill('Renewed-pass-2027');
    await page.locator('button[type=submit]').click();
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toContain('设置新密码');
    await page.locator('#currentPassword').fill('Renewed-pass-2027');
    await page.locator('#newPassword').fill('Renewed-pass-2027');
    await page.locator('#confirm').fill('Renewed-pass-2027');
    await page.getByRole('button', { name: '修改密码' }).click();
    await poll(() => fieldError(page, 'newPassword')).toBe('该密码近期已使用过，请换一个');
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    await page.locator('#currentPassword').fill('Renewed-pass-2027');
    await page.locator('#newPassword').fill('Second-renewal-2028');
    await page.locator('#confirm').fill('Second-renewal-2028');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('side-nav').waitFor();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('工作台');
    expect(problems).toEqual([]);
  });
});
