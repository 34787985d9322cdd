import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modal, noModal, pick } from './antd-support.js';
import { answerOf, expectStatus, platformByCode } from './calls-support.js';
import { row } from './platforms-support.js';
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

  it('is not offered to a researcher, who reads the rounds', async () => {
    const page = await signedIn('researcher');
    await page.goto(`/lab-evaluations?platform=${nist}`);
    await poll(() => row(page, 'lab-eval-rounds', 'FY2016').count()).toBe(1);
    expect(await page.getByRole('button', { name: '发起评估' }).count()).toBe(0);
  });
});
