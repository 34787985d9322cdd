import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../server/modules/imports/sheet.js';
import {
  buildExtramuralProject,
  buildProjectInExecution,
} from '../server/modules/projects/projects.fixtures.js';
import { makeResult, publicationBody } from '../server/modules/results/results.fixtures.js';
import { modal, noModal, pick } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus } from './calls-support.js';
import { tableRows } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The project page with its tabs (issue 13), in Chinese on the demo data: the officer opens a project from
// the list and reads its 任务书; the lead (the demo applicant, the lead member's contact) records spending,
// is refused beyond the budget and submits a milestone; the officer accepts it; another project is 404
// to the lead.

let stack: Stack;
let projectId: string;
let otherId: string;
let lateId: string;
let leadName: string;
let problems: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const ctx = stack.ctx;
  const person = await ctx.db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select('people.id')
    .where('users.username', '=', 'applicant')
    .executeTakeFirstOrThrow();
  const project = await buildProjectInExecution(ctx, stack.platformId, { leadContactPersonId: person.id });
  projectId = project.id;
  leadName = (
    await ctx.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('id', '=', project.lead)
      .executeTakeFirstOrThrow()
  ).name_zh;
  otherId = (await buildExtramuralProject(ctx, stack.platformId)).id;
  await makeResult(ctx, publicationBody(stack.platformId, { titleZh: '项目产出：传感器校准论文' }));
  // Started in January 2024: its annual reports of 2025 and 2026 are overdue (the portfolio flags it).
  lateId = (
    await buildProjectInExecution(
      { ...ctx, clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
      stack.platformId,
    )
  ).id;
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

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const cellsOf = async (page: Page, testId: string) =>
  (await tableRows(page, testId).allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());

describe('项目详情页', () => {
  it('opens from the list with breadcrumbs, a heading and the tabs; the 任务书 shows what was signed', async () => {
    const page = await signedIn('officer');
    // The demo platform the fixtures used (the list opens on the officer's first platform otherwise).
    await page.goto(`/projects?platform=${stack.platformId}`);
    const row = tableRows(page, 'projects-table').filter({ hasText: '工业传感器' }).first();
    // 导出: the list as XLSX, Chinese headers and words, the project among its rows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(await readFile((await file.path())!));
    expect(sheet.headers.slice(0, 3)).toEqual(['项目编号', '项目名称', '类别']);
    expect(sheet.rows.map((r) => r.cells[1])).toContain('工业传感器');
    await row.getByRole('link', { name: '工业传感器' }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/projects/${projectId}`);
    await poll(() => page.getByTestId('project-title').textContent()).toBe('工业传感器');
    expect(await page.getByTestId('breadcrumbs').textContent()).toContain('项目管理');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('项目');
    const names = (await page.getByRole('tab').allTextContents()).map((s) => s.trim());
    expect(names).toEqual(['概览', '任务书', '预算与支出', '里程碑', '报告', '成果', '检查', '时间线']);
    expect(await page.getByTestId('project-state').textContent()).toBe('执行中');
    await poll(() => page.getByTestId('health-flags').textContent()).toBe('正常');
    await expectAccessible(page, '项目概览');

    await tab(page, '任务书').click();
    await poll(() => new URL(page.url()).pathname).toBe(`/projects/${projectId}/agreement`);
    await poll(() => page.getByTestId('agreement-total').textContent()).toBe('¥9,000.00');
    expect(await cellsOf(page, 'agreement-indicators')).toEqual(['发明专利申请数量3受理通知书']);
    expect(await page.getByTestId('agreement-checksum').textContent()).toContain('fixture');
    expect(await tableRows(page, 'agreement-schedule').count()).toBeGreaterThan(0);
    await expectAccessible(page, '项目任务书');
    expect(problems).toEqual([]);
  });

  it('lets the lead record spending by deep link, refuses it beyond the budget, and submit a milestone', async () => {
    const page = await signedIn('applicant');
    await page.goto(`/projects/${projectId}/budget`);
    await page.getByRole('button', { name: '登记支出' }).click();
    const dialog = modal(page);
    await pick(page, 'spending_category', '业务费');
    await pick(page, 'spending_organisationId', leadName);
    await dialog.getByLabel('日期').fill(new Date().toISOString().slice(0, 10));
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('金额').fill('1000');
    await dialog.getByLabel('支出说明').fill('传感器元件');
    let res = await answerOf(page, 'POST', /\/spending$/, () =>
      dialog.getByRole('button', { name: '保存' }).click(),
    );
    await expectStatus(res, 201);
    await noModal(page);
    await poll(() => page.getByTestId('spent-total').textContent()).toBe('¥1,000.00');

    // 业务费 of the lead member is ¥1,500.00: another ¥1,000.00 would pass it.
    await page.getByRole('button', { name: '登记支出' }).click();
    await pick(page, 'spending_category', '业务费');
    await pick(page, 'spending_organisationId', leadName);
    await dialog.getByLabel('日期').fill(new Date().toISOString().slice(0, 10));
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('金额').fill('1000');
    await dialog.getByLabel('支出说明').fill('超出预算');
    res = await answerOf(page, 'POST', /\/spending$/, () =>
      dialog.getByRole('button', { name: '保存' }).click(),
    );
    expect(res.status()).toBe(422);
    await poll(() => dialog.getByTestId('save-failed').textContent()).toContain('超出该科目的批准预算');
    await dialog.getByRole('button', { name: '取消' }).click();
    await noModal(page);
    expect(await tableRows(page, 'spending-entries').count()).toBe(1);
    // The invoice goes with the entry: 上传证明材料 takes the file, the server checks its type by content.
    const entryRow = tableRows(page, 'spending-entries').first();
    res = await answerOf(page, 'POST', /\/evidence$/, () =>
      entryRow.locator('input[type="file"]').setInputFiles({
        name: '发票.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% invoice\n%%EOF\n'),
      }),
    );
    await expectStatus(res, 201);
    await poll(() => entryRow.getByRole('link', { name: '发票.pdf' }).count()).toBe(1);
    await expectAccessible(page, '项目预算与支出（项目负责单位）');

    await tab(page, '里程碑').click();
    await page.getByRole('button', { name: '提交完成情况' }).click();
    await modal(page).getByLabel('完成情况及交付成果所在').fill('样机已完成，见实验室记录');
    res = await answerOf(page, 'POST', /\/milestones\/submission$/, () =>
      modal(page).getByRole('button', { name: '提交' }).click(),
    );
    await expectStatus(res, 200);
    await noModal(page);
    await poll(() => tableRows(page, 'milestones').first().textContent()).toContain('待验收');
    res = await answerOf(page, 'POST', /\/evidence$/, () =>
      page
        .getByTestId('evidence-milestone-0')
        .locator('input[type="file"]')
        .setInputFiles({
          name: '样机测试报告.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n% prototype test\n%%EOF\n'),
        }),
    );
    await expectStatus(res, 201);
    await poll(() => page.getByRole('link', { name: '样机测试报告.pdf' }).count()).toBe(1);
    await expectAccessible(page, '项目里程碑（项目负责单位）');
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows 404 to the lead for a project outside its consortium', async () => {
    const page = await signedIn('applicant');
    await page.goto(`/projects/${otherId}`);
    await poll(() => page.locator('.ant-result-title').textContent()).toBe('404');
    expect(await page.getByTestId('project-page').count()).toBe(0);
  });

  it('lets the officer accept the milestone, which locks it, and shows the moves on the timeline', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${projectId}/milestones`);
    const row = tableRows(page, 'milestones').first();
    // 退回 opens the one reason dialog (web/components/ReasonDialog.tsx): a send-back always says why, and a
    // cancelled one sends nothing.
    await row.getByRole('button', { name: '退回' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('原因').fill('   ');
    await dialog.getByRole('button', { name: '确定' }).click();
    await poll(() => dialog.getByTestId('reason-dialog').textContent()).toContain('必需');
    await dialog.getByRole('button', { name: '取消' }).click();
    await noModal(page);
    const res = await answerOf(page, 'POST', /\/milestones\/decision$/, () =>
      row.getByRole('button', { name: '验收通过' }).click(),
    );
    await expectStatus(res, 200);
    await poll(() => row.textContent()).toContain('已验收');
    expect(await row.getByRole('button').count()).toBe(0);
    // The lead's evidence downloads under its Chinese name; once accepted nothing more can be attached.
    const href = (await row.getByRole('link', { name: '样机测试报告.pdf' }).getAttribute('href'))!;
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toContain(encodeURIComponent('样机测试报告.pdf'));
    expect(await row.getByRole('button', { name: '上传证明材料' }).count()).toBe(0);
    await tab(page, '时间线').click();
    await poll(() => page.getByTestId('project-timeline').textContent()).toContain('执行中');
    await expectAccessible(page, '项目时间线');
    expect(problems).toEqual([]);
  });

  it("lists the reports every project owes in one table, each row opening the project's 报告 tab", async () => {
    const page = await signedIn('officer');
    await page.goto(`/reports-due?platform=${stack.platformId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('报告提交情况');
    const mine = tableRows(page, 'reports-due-table').filter({
      has: page.locator(`a[href="/projects/${projectId}/reports"]`),
    });
    await poll(() => mine.count()).toBeGreaterThan(0);
    expect(await mine.first().textContent()).toContain('待提交');
    await mine.first().getByRole('link', { name: '工业传感器' }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/projects/${projectId}/reports`);
    await poll(() => tableRows(page, 'project-reports').count()).toBeGreaterThan(0);
    await expectAccessible(page, '项目报告');
    expect(problems).toEqual([]);
  });

  it('项目组合: the distribution by state and health, a count opening exactly its projects, the XLSX, the project', async () => {
    const page = await signedIn('officer');
    await page.goto(`/portfolio?platform=${stack.platformId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('项目组合');
    // The chart first, its legend naming the flags; the table beside it on request, kept in the URL.
    await poll(() => page.getByTestId('portfolio-chart').textContent()).toContain('报告逾期');
    await page.getByTestId('portfolio-view').getByText('表格').click();
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('table');
    const row = tableRows(page, 'portfolio-distribution').filter({ hasText: '执行中' });
    // The count of 执行中 × 报告逾期 is the link carrying that flag in the 执行中 row.
    const cell = row.locator('a[href*="flag=overdue_report"]');
    const count = Number((await cell.textContent())?.trim());
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await poll(() => new URL(page.url()).searchParams.get('flag')).toBe('overdue_report');
    expect(new URL(page.url()).searchParams.get('state')).toBe('in_progress');
    await poll(() => page.getByTestId('portfolio-total').textContent()).toContain(String(count));
    await poll(() => tableRows(page, 'portfolio-table').count()).toBe(Math.min(count, 50));
    const late = tableRows(page, 'portfolio-table').filter({
      has: page.locator(`a[href="/projects/${lateId}"]`),
    });
    expect(await late.textContent()).toContain('报告逾期');
    expect(await late.textContent()).toContain('年度报告 2025-01-14');

    // The XLSX holds the same projects as the filtered list.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^portfolio-.*\.xlsx$/);
    const sheet = await readSheet(await readFile((await file.path())!));
    expect(sheet.rows).toHaveLength(count);

    await late.getByRole('link').click();
    await poll(() => new URL(page.url()).pathname).toBe(`/projects/${lateId}`);
    await poll(() => page.getByTestId('health-flags').textContent()).toContain('报告逾期');
    expect(problems).toEqual([]);
  });

  it('成果: the admin links a result to the project, the count follows, and unlinks it after confirming', async () => {
    const page = await signedIn('platformadmin');
    await page.goto(`/projects/${projectId}/outputs`);
    const counts = page.getByTestId('output-counts');
    await poll(() => counts.textContent()).toContain('成果0');
    await page.getByRole('button', { name: '关联成果' }).click();
    await pick(page, 'outputId', '项目产出：传感器校准论文', '项目产出');
    const res = await answerOf(page, 'POST', /\/outputs$/, () =>
      modal(page).getByRole('button', { name: '关联' }).click(),
    );
    await expectStatus(res, 201);
    await noModal(page);
    await poll(() => tableRows(page, 'project-outputs').count()).toBe(1);
    expect(await tableRows(page, 'project-outputs').first().textContent()).toContain(
      '成果项目产出：传感器校准论文',
    );
    await poll(() => counts.textContent()).toContain('成果1');
    await expectAccessible(page, '项目成果');

    await tableRows(page, 'project-outputs').first().getByRole('button', { name: '解除关联' }).click();
    const del = await answerOf(page, 'DELETE', /\/outputs\/[0-9a-f-]+$/, () =>
      page.locator('.ant-popconfirm').getByRole('button', { name: '解除关联' }).click(),
    );
    await expectStatus(del, 204);
    await poll(() => tableRows(page, 'project-outputs').count()).toBe(0);
    await poll(() => counts.textContent()).toContain('成果0');
    expect(problems).toEqual([]);
  });
});
