import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../server/modules/users/users.service.js';
import { poll, type Stack, startStack } from './support.js';

// The proof-of-work check after failed sign-ins (docs/adr/0032) and the way to 忘记密码, in Chinese, found
// by role and label. Its own stack: the challenge is off in every other browser test (harness default).
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { LOGIN_CHALLENGE_AFTER_FAILURES: '2', LOGIN_CHALLENGE_DIFFICULTY: '5000' },
  });
});
afterAll(async () => {
  await stack?.close();
});

describe('sign-in after failures', () => {
  it('offers 忘记密码, then after two wrong passwords signs in once the widget is solved', async () => {
    await createUser(stack.ctx, {
      username: 'challenged',
      displayName: '挑战用户',
      password: 'Correct-horse-77',
      isSystemAdmin: false,
      roles: [{ platformId: stack.platformId, role: 'researcher' }],
    });
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toBe('忘记密码');
    await page.getByLabel('电子邮箱').fill('someone@example.org');
    await page.getByRole('button', { name: '发送链接' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('如该邮箱已绑定账户');
    await page.getByRole('link', { name: '返回登录' }).click();

    await page.getByLabel('用户名', { exact: true }).fill('challenged');
    const signInButton = page.getByRole('button', { name: '登录', exact: true });
    // Two wrong passwords, each answered before the next is typed.
    for (const wrong of ['not-the-password', 'not-the-password-2']) {
      await page.getByLabel('密码', { exact: true }).fill(wrong);
      const answered = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/auth/login' && r.request().method() === 'POST',
      );
      await signInButton.click();
      await answered;
      await poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');
    }
    await page.getByLabel('密码', { exact: true }).fill('Correct-horse-77');
    await signInButton.click();
    await poll(() => page.getByTestId('sign-in-error').textContent()).toContain('请先完成人机验证');
    await expect.poll(() => signInButton.isDisabled()).toBe(true);
    // The widget's checkbox is drawn over by its own styling; its label is what a person clicks.
    expect(await page.getByRole('checkbox', { name: '我不是机器人' }).count()).toBe(1);
    await page.getByText('我不是机器人', { exact: true }).click();
    await poll(() => page.getByTestId('sign-in-challenge').textContent(), 30_000).toContain('已验证');
    await signInButton.click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    expect(problems).toEqual([]);
  });
});
