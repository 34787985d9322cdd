import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../server/modules/orgs/orgs.fixtures.js';
import { registrationKit } from '../server/modules/registrations/registrations.fixtures.js';
import type { TestApp } from '../server/test/harness.js';
import { type SmtpSink, startSmtpSink } from '../server/test/smtp-sink.js';
import { confirmedRequest, pick } from './antd-support.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

// Self-registration in Chinese (docs/adr/0045, docs/sign-in.md "Self-registration"): a person registers
// with a new organisation, opens the verification e-mail's link from a real SMTP server, a keeper of the
// platform approves, and the new applicant signs in and sees 我的申请. Found by role and label.
let stack: Stack;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  stack = await startStack({ env: { SMTP_URL: sink.url, LOGIN_CHALLENGE_DIFFICULTY: '5000' } });
});
afterAll(async () => {
  await stack?.close();
  await sink?.close();
});

const EMAIL = 'zhao.mingyuan@example.com';
const PASSWORD = 'Harbour-lantern-9341';
/** The path of the newest verification link e-mailed to EMAIL ('' while none has come). */
const latestLink = () => {
  const mail = sink.mails.filter((m) => m.to.includes(EMAIL) && m.subject === '请验证您的电子邮箱').at(-1);
  return /https?:\/\/[^/\s]+(\/public\/register\/verify#[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
};

describe('注册', () => {
  it('registers with a new organisation, verifies the e-mail, is approved and signs in as an applicant', async () => {
    const platform = await stack.database.db
      .selectFrom('platforms')
      .select('name_zh')
      .where('id', '=', stack.platformId)
      .executeTakeFirstOrThrow();
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '注册账号' }).click();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('注册');

    await pick(page, 'platformId', platform.name_zh);
    await page.getByLabel('姓名').fill('赵明远');
    await page.getByLabel('电子邮箱').fill(EMAIL);
    await page.getByLabel('电话（选填）').fill('0531-88886666');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入密码').fill(PASSWORD);
    await page.getByRole('radio', { name: '登记新单位' }).check();
    await page.getByLabel('单位名称').fill('济南明远精密仪器有限公司');
    await page.getByLabel('统一社会信用代码').fill(validCreditCode(4242, '91370100'));
    await page.getByRole('checkbox', { name: /我已阅读/ }).check();
    await page.getByText('我不是机器人', { exact: true }).click();
    await poll(() => page.getByTestId('sign-in-challenge').textContent(), 30_000).toContain('已验证');
    const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/public/registrations');
    await page.getByTestId('register-form').getByRole('button', { name: '注册', exact: true }).click();
    expect((await sent).status()).toBe(204);
    await poll(() => page.getByText('请查收邮件').count()).toBe(1);

    // Before the link is opened the sign-in says why it does not open, and offers 重新发送.
    await page.goto('/sign-in');
    await page.getByLabel('用户名', { exact: true }).fill(EMAIL);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await poll(() => page.getByTestId('sign-in-error').textContent()).toContain('尚未验证');
    await poll(latestLink, 20_000).not.toBe('');
    const first = latestLink();
    const resent = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/public/registrations/resend',
    );
    await page.getByRole('button', { name: '重新发送' }).click();
    expect((await resent).status()).toBe(204);
    await poll(() => page.getByRole('button', { name: '新的验证邮件已发送' }).count()).toBe(1);
    await poll(latestLink, 20_000).not.toBe(first);

    await page.goto(latestLink());
    await poll(() => page.getByText('电子邮箱已验证').count(), 20_000).toBe(1);
    expect(await page.locator('body').textContent()).toContain('将审核您的注册');

    // The platform's admin decides in 注册审核.
    const { page: keeper, problems: keeperProblems } = await stack.newPage();
    await signInAs(keeper, 'platformadmin');
    await keeper.getByTestId('side-nav').getByRole('menuitem', { name: '注册审核' }).click();
    const row = keeper.getByTestId('registrations-table').locator('tbody tr', { hasText: '赵明远' });
    await row.waitFor();
    expect(await row.textContent()).toContain('济南明远精密仪器有限公司');
    const approved = await confirmedRequest(
      keeper,
      row.getByRole('button', { name: '通过' }),
      '通过',
      /\/approve$/,
    );
    expect(approved.status()).toBe(200);
    await poll(() =>
      keeper.getByTestId('registrations-table').locator('tbody tr', { hasText: '赵明远' }).count(),
    ).toBe(0);
    await poll(
      () => sink.mails.some((m) => m.to.includes(EMAIL) && m.subject === '您的注册已通过'),
      20_000,
    ).toBe(true);

    // The new applicant signs in with the e-mail and sees 我的申请.
    const { page: applicant, problems: applicantProblems } = await stack.newPage();
    await signInAs(applicant, EMAIL, PASSWORD);
    expect(await navLabels(applicant)).toContain('我的申请');
    expect([...problems, ...keeperProblems, ...applicantProblems]).toEqual([]);
  }, 240_000);

  it("disables 通过 with the reason when the organisation picked is also another platform's", async () => {
    // 示例精密制造 is on the ATP demo applications: NIST's platform admin alone may not add people to it.
    const org = await stack.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name_zh', '=', '示例精密制造科技有限公司')
      .executeTakeFirstOrThrow();
    const kit = registrationKit({
      t: () => ({ app: stack.app, database: stack.database }) as unknown as TestApp,
      sink: () => sink,
      platformId: () => stack.platformId,
    });
    await kit.verified({ name: '钱立群', newOrganisation: undefined, organisationId: org.id });
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'platformadmin');
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '注册审核' }).click();
    const row = page.getByTestId('registrations-table').locator('tbody tr', { hasText: '钱立群' });
    await row.waitFor();
    const approve = row.getByRole('button', { name: '通过' });
    expect(await approve.isDisabled()).toBe(true);
    await approve.locator('xpath=..').hover();
    await poll(() => page.getByRole('tooltip').textContent()).toContain('也被其他平台使用');
    expect(await row.getByRole('button', { name: '驳回' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);
});
