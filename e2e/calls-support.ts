import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { createOrg } from '../server/modules/orgs/orgs.service.js';
import { createPerson } from '../server/modules/people/people.service.js';
import { createUser } from '../server/modules/users/users.service.js';
import { DEMO_PASSWORD, poll, type Stack } from './support.js';

// Helpers of the calls-and-applications browser test (issue 4).

/** A platform's id by its code. */
export async function platformByCode(stack: Stack, code: string): Promise<string> {
  const row = await stack.ctx.db
    .selectFrom('platforms')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs `act` and returns the response of the first request matching method and path. */
export async function answerOf(
  page: Page,
  method: string,
  path: RegExp,
  act: () => Promise<unknown>,
): Promise<Response> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), {
      timeout: 30_000,
    }),
    act(),
  ]);
  return res;
}

/** Expects a write to have succeeded with `status`, showing the problem body when not. */
export async function expectStatus(res: Response, status: number): Promise<void> {
  if (res.status() !== status) expect(`${res.status()} ${await res.text()}`).toBe(String(status));
}

/**
 * Types a date-time into an antd DatePicker (local time, as the viewer sees it) and confirms it with the
 * panel's OK button (Enter would also submit the surrounding form).
 */
export async function pickTime(page: Page, testId: string, local: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  const open = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await input.click();
  await input.fill(local);
  await open.locator('.ant-picker-ok button').click();
  await poll(() => open.count()).toBe(0);
  await poll(() => input.inputValue()).toBe(local);
}

/** YYYY-MM-DD HH:mm in the machine's zone (the browser runs in the same zone). */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The partner enterprise of the consortium and its contact, who has an account (`partner`). */
export const PARTNER_ORG = '示例传感技术有限公司';
export const PARTNER_CONTACT = '钱立';

/** A small file the server's magic-byte check takes as a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n% commonlab e2e proposal\n%%EOF\n');

/**
 * The member organisation of the walk: an enterprise whose contact person is linked to a new account
 * `partner` (an applicant on the platform), so the contact confirms the invitation in the app.
 */
export async function arrangePartner(stack: Stack, platformId: string): Promise<void> {
  const user = await createUser(
    stack.ctx,
    {
      username: 'partner',
      displayName: '合作单位 Qian Li',
      email: 'qian.li@example.org',
      password: DEMO_PASSWORD,
      isSystemAdmin: false,
      roles: [{ platformId, role: 'applicant' }],
    },
    // A demo-like account with the published demo password, which names the product (docs/sign-in.md).
    { demoSeed: true },
  );
  const org = await createOrg(stack.ctx, {
    nameZh: PARTNER_ORG,
    nameEn: 'Example Sensing Technology Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'sme',
    country: 'CN',
  });
  await createPerson(stack.ctx, {
    nameZh: PARTNER_CONTACT,
    nameEn: 'Qian Li',
    email: 'qian.li@example.org',
    organisationId: org.id,
    userId: user.id,
  });
}
