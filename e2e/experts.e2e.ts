import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, noModal, pick } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus } from './calls-support.js';
import { openNav } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The expert database (issue 5), in Chinese on the demo data: the program officer makes someone of the
// people directory an expert without a second person record, and is told when they already are one.

let stack: Stack;
let page: Page;
let problems: string[];
const PERSON = '托马斯·赖特';

beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'officer');
});
afterAll(async () => {
  await stack?.close();
});

const rows = async (table: 'people' | 'experts') =>
  Number(
    (
      await stack.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function newExpertFor(name: string) {
  await page.getByTestId('expert-new').click();
  const drawer = page.locator('.ant-drawer-open');
  await poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('新增专家');
  await pick(page, drawer.getByTestId('expert-person'), name, name.slice(0, 2));
  await drawer.getByTestId('expert-expertise-zh').fill('精密测量与光学计量');
  return answerOf(page, 'POST', /\/api\/experts$/, () => drawer.getByTestId('expert-save').click());
}

describe('专家库：从人员名录添加专家', () => {
  it('makes a person of the directory an expert, with no new person record', async () => {
    const person = await stack.ctx.db
      .selectFrom('people')
      .select('id')
      .where('name_zh', '=', PERSON)
      .executeTakeFirstOrThrow();
    const before = await rows('people');
    await openNav(page, '专家库');
    const res = await newExpertFor(PERSON);
    await expectStatus(res, 201);
    const body = await res.json();
    expect([body.person.id, body.category, body.expertiseZh]).toEqual([
      person.id,
      'academic',
      '精密测量与光学计量',
    ]);
    expect(await rows('people')).toBe(before);
    await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await noModal(page);
    await expectAccessible(page, '专家库');
  });

  it('says so under the person when they already have an expert profile, and writes nothing', async () => {
    const experts = await rows('experts');
    const res = await newExpertFor(PERSON);
    expect(res.status()).toBe(409);
    await poll(() => fieldError(page, 'personId')).toBe('该人员已有专家档案');
    expect(await rows('experts')).toBe(experts);
    expect(problems).toEqual([]);
  });
});
