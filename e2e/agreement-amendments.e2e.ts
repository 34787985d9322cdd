import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectInExecution } from '../server/modules/projects/projects.fixtures.js';
import { modal, noModal, pick, submitDialog } from './antd-support.js';
import { answerOf, expectStatus, PDF } from './calls-support.js';
import { tableRows } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// Amendments (变更) of a frozen 任务书 and files on reports (issue 13, docs/adr/0041), in Chinese: the lead
// (the demo applicant, the lead member's contact) proposes raising an indicator's target from the form
// that starts from the current version; the officer approves; the 任务书 shows version 2 and, chosen in
// the version selector, version 1 with its old target and what version 2 changed. On 报告 the lead
// attaches a file to a report still due and removes it again.

let stack: Stack;
let projectId: string;
let problems: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const person = await stack.ctx.db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select('people.id')
    .where('users.username', '=', 'applicant')
    .executeTakeFirstOrThrow();
  projectId = (await buildProjectInExecution(stack.ctx, stack.platformId, { leadContactPersonId: person.id }))
    .id;
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

const indicatorCells = async (page: Page) =>
  (await tableRows(page, 'agreement-indicators').allTextContents()).map((s) => s.replace(/\s+/g, ''));

const objectiveCells = async (page: Page) =>
  (await tableRows(page, 'agreement-objectives').allTextContents()).map((s) => s.replace(/\s+/g, ''));

describe('任务书变更', () => {
  it('the lead proposes a new target from the current version; the officer approves; both versions stay readable', async () => {
    const lead = await signedIn('applicant');
    await lead.goto(`/projects/${projectId}/agreement`);
    await lead.getByRole('button', { name: '申请变更' }).click();
    const form = modal(lead);
    const target = form.getByRole('textbox', { name: '目标值' }).first();
    await poll(() => target.inputValue()).toBe('3');
    await target.fill('5');
    await form.getByRole('textbox', { name: '目标（每行一项）' }).fill('样机\n中试线');
    await form.getByRole('textbox', { name: '原因' }).fill('市场需求扩大，提高专利目标');
    await expectStatus(await submitDialog(lead, '提交', 'POST', /\/amendments$/), 201);
    await noModal(lead);
    const row = tableRows(lead, 'amendments').first();
    await poll(() => row.textContent()).toContain('考核指标 · 发明专利申请 · 目标值: 3 → 5');
    expect(await row.textContent()).toContain('待审批');
    expect(problems).toEqual([]);

    const officer = await signedIn('officer');
    await officer.goto(`/projects/${projectId}/agreement`);
    const pending = tableRows(officer, 'amendments').first();
    await poll(() => pending.textContent()).toContain('待审批');
    const approved = await answerOf(officer, 'POST', /\/decision$/, () =>
      pending.getByRole('button', { name: '批准', exact: true }).click(),
    );
    await expectStatus(approved, 200);
    await poll(() => indicatorCells(officer)).toEqual(['发明专利申请数量5受理通知书']);
    await poll(() => officer.getByTestId('agreement-version').textContent()).toContain('第 2 版');
    expect(await officer.getByTestId('agreement-version-changes').textContent()).toContain(
      '考核指标 · 发明专利申请 · 目标值: 3 → 5',
    );
    await pick(officer, officer.getByTestId('agreement-version'), '第 1 版');
    await poll(() => indicatorCells(officer)).toEqual(['发明专利申请数量3受理通知书']);
    // The objectives are a section of each version: version 1 states the application's, version 2 its own.
    await poll(() => objectiveCells(officer)).toEqual(['1样机']);
    expect(await officer.getByTestId('agreement-checksum').textContent()).toContain('fixture');
    await pick(officer, officer.getByTestId('agreement-version'), '第 2 版');
    await poll(() => objectiveCells(officer)).toEqual(['1样机', '2中试线']);
    expect(problems).toEqual([]);
  });

  it('the lead attaches a file to a report still due and removes it again', async () => {
    const page = await signedIn('applicant');
    await page.goto(`/projects/${projectId}/reports`);
    const row = tableRows(page, 'project-reports').first();
    await poll(() => row.textContent()).toContain('待提交');
    const uploaded = await answerOf(page, 'POST', /\/evidence$/, () =>
      row
        .locator('input[type=file]')
        .setInputFiles({ name: '年度报告附件.pdf', mimeType: 'application/pdf', buffer: PDF }),
    );
    await expectStatus(uploaded, 201);
    await poll(() => row.textContent()).toContain('年度报告附件.pdf');
    const removed = await answerOf(page, 'DELETE', /\/evidence\/[^/]+$/, () =>
      row.getByRole('button', { name: '移除 年度报告附件.pdf' }).click(),
    );
    await expectStatus(removed, 204);
    await poll(() => row.textContent()).not.toContain('年度报告附件.pdf');
    expect(problems).toEqual([]);
  });
});
