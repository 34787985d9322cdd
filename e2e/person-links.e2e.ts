import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { proposeLink } from '../server/modules/people/people.links.js';
import { createPerson } from '../server/modules/people/people.service.js';
import { createUser } from '../server/modules/users/users.service.js';
import { confirmedRequest } from './antd-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

/** A user answers a proposal to link a person record to their account (issue 10, ADR 0013). */
let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  page.setDefaultTimeout(15_000);
  // An account of its own with no person record yet: the demo's accounts are linked to theirs.
  await createUser(stack.ctx, {
    username: 'linkme',
    displayName: '待关联用户',
    password: 'Correct-horse-77',
    isSystemAdmin: false,
    roles: [{ platformId: stack.platformId, role: 'enterprise_user' }],
  });
  await signInAs(page, 'linkme', 'Correct-horse-77');
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: '/tmp/commonlab-e2e-person-links-failed.png' });
});
afterAll(async () => {
  await stack?.close();
});

const userId = async (username: string) =>
  (
    await stack.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
const linkOf = async (personId: string) =>
  (
    await stack.ctx.db
      .selectFrom('people')
      .select('user_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow()
  ).user_id;

describe('person record links', () => {
  it('lists the proposals to the signed-in user, who declines one and accepts another', async () => {
    const me = await userId('linkme');
    const wrong = await createPerson(stack.ctx, { nameZh: '错误档案', nameEn: 'Wrong Record' });
    const right = await createPerson(stack.ctx, {
      nameZh: '企业联系人',
      nameEn: 'Enterprise Contact',
      title: 'CTO',
    });
    await proposeLink(stack.ctx, wrong.id, me);
    await proposeLink(stack.ctx, right.id, me);

    // The user's language is Chinese (their preference); the page reads the records in it.
    await page.goto('/account/person-links');
    const list = page.getByTestId('person-links-list');
    await poll(() => list.locator('.ant-list-item').count()).toBe(2);
    const wrongItem = list.locator('.ant-list-item', { hasText: '错误档案' });
    const [declined] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/decline')),
      wrongItem.getByTestId('person-link-decline').click(),
    ]);
    expect(declined.status()).toBe(200);
    await poll(() => list.locator('.ant-list-item').count()).toBe(1);
    expect(await linkOf(wrong.id)).toBeNull();

    const rightItem = list.locator('.ant-list-item', { hasText: '企业联系人' });
    expect(await rightItem.textContent()).toContain('CTO');
    const accepted = await confirmedRequest(
      page,
      rightItem.getByTestId('person-link-accept'),
      '接受',
      /\/api\/me\/person-links\/[^/]+\/accept$/,
    );
    expect(accepted.status()).toBe(200);
    await poll(() => list.textContent()).toContain('暂无待您答复的关联请求');
    expect(await linkOf(right.id)).toBe(me);
    expect(problems).toEqual([]);
  });
});
