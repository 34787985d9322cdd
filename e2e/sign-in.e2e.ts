import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../server/modules/users/users.service.js';
import { chooseLanguage, navLabels, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('sign-in page', () => {
  it('opens in Chinese on an English browser and sends a signed-out visitor to sign in', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/admin/users');
    await page.waitForURL('**/sign-in');
    await poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toBe('登录');
    expect(await page.locator('body').textContent()).toContain('共性技术服务平台');
    expect(await page.title()).toContain('Commonlab');
    // A visitor who never signed in is not told off with an error.
    expect(await page.getByTestId('sign-in-error').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a wrong password as a localised message, in Chinese and then in English', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');

    await chooseLanguage(page, 'English');
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toBe('Sign in');
    await page.locator('button[type=submit]').click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toBe('Wrong user name or password');
    expect(await page.evaluate(() => localStorage.getItem('commonlab.locale'))).toBe('en-US');
    expect(problems).toEqual([]);
  });

  it('refuses the right password of a locked account with the answer every refusal gets', async () => {
    await createUser(stack.ctx, {
      username: 'lockme',
      displayName: 'Lock Me',
      password: 'Correct-horse-77',
      isSystemAdmin: false,
      roles: [{ platformId: stack.platformId, role: 'researcher' }],
    });
    for (let i = 0; i < stack.ctx.config.loginMaxFailures; i++) {
      const res = await stack.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lockme', password: 'wrong-wrong-wrong' },
      });
      expect(res.statusCode).toBe(401);
    }
    const { page } = await stack.newPage();
    await page.goto('/sign-in');
    await page.locator('#username').fill('lockme');
    await page.locator('#password').fill('Correct-horse-77');
    await page.locator('button[type=submit]').click();
    // A locked account is not told apart from a wrong password (the owner is notified instead).
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe('用户名或密码错误');
    expect(page.url()).toMatch(/\/sign-in$/);
  });

  it('sends the user back to sign in with the reason when the session expires, then returns to the page', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    expect(await navLabels(page)).toContain('用户管理');
    // The home page's own calls must be answered first, or one of them meets the expiry before the click:
    // the workbench's to-dos and the overview counts are drawn once their answers are in.
    await page.getByTestId('todos').waitFor();
    await page.getByTestId('home-counts').waitFor();
    await page.waitForLoadState('networkidle');
    stack.clock.advance((stack.ctx.config.sessionIdleMinutes + 1) * 60_000);
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/sign-in');
    await poll(() => page.getByTestId('sign-in-error').textContent()).toBe('会话已过期，请重新登录');

    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('Commonlab-demo-2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL('**/admin/users');
    await poll(() => page.getByTestId('page-title').textContent()).toBe('用户管理');
    expect(problems).toEqual([]);
  });
});
