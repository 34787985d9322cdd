import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MFA_REQUIRED_ROLES } from '../common/roles.js';
import { DEMO_PASSWORD, poll, type Stack, startStack } from './support.js';

// Two factors at sign-in (docs/adr/0014), as a deployment runs by default: administrators must enrol.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { MFA_REQUIRED_ROLES: DEFAULT_MFA_REQUIRED_ROLES.join(',') } });
});
afterAll(async () => {
  await stack?.close();
});

/** The code an authenticator app shows at the server's time (the stack's clock stands still unless moved). */
const codeAt = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: stack.clock.now().getTime(),
  });

describe('two-factor sign-in (browser, Chinese)', () => {
  it('an admin enrols at first sign-in, signs out, and signs in again with a code from the app', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();

    // The role requires the factor: the enrolment page is all there is.
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toContain('设置双因素认证');
    expect(await page.getByTestId('side-nav').count()).toBe(0);
    await page.locator('.ant-qrcode canvas').waitFor();
    const secret = (await page.getByTestId('mfa-secret').locator('code').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByLabel('动态口令').fill(codeAt(secret));
    await page.getByRole('button', { name: /^启\s?用$/ }).click();
    const codes = page.getByTestId('mfa-recovery-code-list');
    await codes.waitFor();
    expect((await codes.textContent())!.trim().split('\n')).toHaveLength(10);
    await page.getByRole('button', { name: '我已保存恢复码' }).click();
    await page.getByTestId('side-nav').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/sign-in');

    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toContain('两步验证');
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    // The code used to enrol is spent: the same one is refused, with the reason in Chinese.
    const input = page.getByLabel('动态口令');
    await input.fill(codeAt(secret));
    await page.getByRole('button', { name: /^验\s?证$/ }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('动态口令错误、已过期或已被使用');

    stack.clock.advance(30_000);
    await input.fill(codeAt(secret));
    await page.getByRole('button', { name: /^验\s?证$/ }).click();
    await page.getByTestId('side-nav').waitFor();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('工作台');
    expect(problems).toEqual([]);
  });
});
