import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modal, noModal, pick } from './antd-support.js';
import { answerOf, expectStatus, platformByCode } from './calls-support.js';
import { row, rows } from './platforms-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The committee's evaluation of units (issue 13), in Chinese on the demo: NIST's platform admin opens a
// round for FY2017 with a chair from the committee; the round is listed with every scorecard to do.
// The researcher, who may read the rounds, is not offered the form.

let stack: Stack;
let nist: string;
let chairName: string;
let problems: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  nist = await platformByCode(stack, 'NIST');
  chairName = (
    await stack.ctx.db
      .selectFrom('committee_members')
      .innerJoin('people', 'people.id', 'committee_members.person_id')
      .select('people.name_zh')
      .where('committee_members.platform_id', '=', nist)
      .orderBy('people.name_zh')
      .executeTakeFirstOrThrow()
  ).name_zh;
});
afterAll(async () => {
  await stack?.close();
});

async function signedIn(username: string): Promise<Page> {
  const opened = await stack.newPage();
  problems = opened.problems;
  await signInAs(opened.page, username);
  return opened.page;
}

describe('实验室评估：发起评估', () => {
  it('the admin opens a round for a period with a chair; it is listed with its scorecards to do', async () => {
    const page = await signedIn('admin');
    await page.goto(`/lab-evaluations?platform=${nist}`);
    await page.getByRole('button', { name: '发起评估' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('起始财年').fill('2017');
    await dialog.getByLabel('截止财年').fill('2017');
    await pick(page, 'open-round_chairMemberId', chairName);
    const res = await answerOf(page, 'POST', /\/lab-evaluations$/, () =>
      dialog.getByRole('button', { name: '发起', exact: true }).click(),
    );
    await expectStatus(res, 201);
    await noModal(page);
    const round = row(page, 'lab-eval-rounds', 'FY2017');
    await poll(() => round.textContent()).toContain(chairName);
    expect(await round.textContent()).toMatch(/0 \/ [1-9]\d*/);
    expect(problems).toEqual([]);
  });

  it('the admin changes the chair, takes a member off and adds them back; after the first score the round is fixed', async () => {
    const page = await signedIn('admin');
    await page.goto(`/lab-evaluations?platform=${nist}`);
    const round = row(page, 'lab-eval-rounds', 'FY2017');
    await round.getByRole('button', { name: '编辑轮次' }).click();
    const dialog = modal(page);
    const members = rows(page, 'round-members');
    await poll(() => members.count()).toBeGreaterThan(2);
    const before = await members.count();
    // Another member becomes the chair, then one who is neither is taken off.
    const names = await members.locator('td:first-child').allTextContents();
    const newChair = names.find((n) => n !== chairName)!;
    const leaving = names.find((n) => n !== chairName && n !== newChair)!;
    // A unit the leaving member rates (the 评估单位 column), so adding them back to it is no conflict.
    const unitName = (
      (await row(page, 'round-members', leaving).locator('td').nth(2).textContent()) ?? ''
    ).split('、')[0]!;
    await pick(page, 'chairMemberId', newChair);
    const off = await answerOf(page, 'DELETE', /\/members\//, async () => {
      await row(page, 'round-members', leaving).getByRole('button', { name: '移出' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '移出' }).click();
    });
    await expectStatus(off, 200);
    await poll(() => members.count()).toBe(before - 1);
    // Added back from the committee to that unit; a second time the server's 409 shows on the member field.
    const add = () =>
      answerOf(page, 'POST', /\/assignments$/, () =>
        dialog.getByRole('button', { name: '加入本轮' }).click(),
      );
    await pick(page, 'memberId', leaving);
    await pick(page, 'unitId', unitName);
    await expectStatus(await add(), 200);
    await poll(() => members.count()).toBe(before);
    expect(await row(page, 'round-members', leaving).textContent()).toContain(unitName);
    await pick(page, 'memberId', leaving);
    await pick(page, 'unitId', unitName);
    await expectStatus(await add(), 409);
    await poll(() => page.locator('.ant-form-item:has(#memberId)').textContent()).toContain(
      '该委员已负责评价此单位',
    );
    const saved = await answerOf(page, 'PATCH', /\/lab-evaluations\/[^/]+$/, () =>
      dialog.getByRole('button', { name: '保存' }).click(),
    );
    await expectStatus(saved, 200);
    await noModal(page);
    await poll(() => round.textContent()).toContain(newChair);

    // A member's saved draft score (the API's path is tested in lab-evaluations.test.ts) starts scoring.
    const roundId = ((await saved.json()) as { id: string }).id;
    const card = await stack.ctx.db
      .selectFrom('lab_eval_scorecards')
      .select('id')
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    await stack.ctx.db
      .insertInto('lab_eval_scores')
      .values({ scorecard_id: card.id, criterion: 'technical_value', score: 5, comment: '草稿评分' })
      .execute();
    await round.getByRole('button', { name: '编辑轮次' }).click();
    await pick(page, 'chairMemberId', chairName);
    const late = await answerOf(page, 'PATCH', /\/lab-evaluations\/[^/]+$/, () =>
      modal(page).getByRole('button', { name: '保存' }).click(),
    );
    await expectStatus(late, 409);
    await poll(() => modal(page).textContent()).toContain('评分已开始，本轮的评价指标和成员不能再修改');
    expect(problems).toEqual([]);
    // Two dialog openings and five answered requests: past the default 60 s on a loaded machine.
  }, 180_000);

  it('is not offered to a researcher, who reads the rounds', async () => {
    const page = await signedIn('researcher');
    await page.goto(`/lab-evaluations?platform=${nist}`);
    await poll(() => row(page, 'lab-eval-rounds', 'FY2016').count()).toBe(1);
    expect(await page.getByRole('button', { name: '发起评估' }).count()).toBe(0);
  });
});
