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
  it('an expired password leads to the change page only; a recent one is refused under its field; a new one opens the app', async () => {
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

    // The same password again: the server's 422 names /newPassword and the message lands under it.
    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill(DEMO_PASSWORD);
    await page.locator('#confirm').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await poll(() => fieldError(page, 'newPassword')).toBe('该密码近期已使用过，请换一个');
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill('Renewed-pass-2027');
    await page.locator('#confirm').fill('Renewed-pass-2027');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('side-nav').waitFor();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('工作台');
    expect(problems).toEqual([]);
  });
});
