import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCheck } from '../server/modules/projects/checks/checks.fixtures.js';
import { buildProjectInExecution } from '../server/modules/projects/projects.fixtures.js';
import { buildExpert } from '../server/modules/review/runs/runs.fixtures.js';
import { buildUser } from '../server/test/factories.js';
import { TEST_PASSWORD } from '../server/test/harness.js';
import { modal, noModal, pick, submitDialog } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus } from './calls-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// 中期检查 in Chinese (issue 13 "Done means"): the officer opens an interim check on the project page, the
// lead submits the report with one indicator short of its target, the officer puts an expert from the
// expert database on the panel and 自动分配专家 invites two more: one accepts on 我的项目检查评审 and scores,
// the other declines with a reason (补充谢绝的席位 appears); the first expert scores it on the dual
// scorecard and the officer adopts the verdict; the indicator shows 未达到. Then 结题验收 of a second project whose final report the panel has scored: the officer
// records the task review and the financial review (with the audit firm's report) and adopts 通过; the
// project is 结题.

let stack: Stack;
let projectId: string;
let projectCode: string;
let expertName: string;
/** A final check whose report the panel has scored, waiting for its two reviews. */
let finalProjectId: string;
let problems: string[] = [];
/** The experts the engine invited to the interim check's panel, given accounts to answer from the web. */
let invited: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const ctx = stack.ctx;
  const personOf = (username: string) =>
    ctx.db
      .selectFrom('people')
      .innerJoin('users', 'users.id', 'people.user_id')
      .select(['people.id', 'people.name_zh'])
      .where('users.username', '=', username)
      .executeTakeFirstOrThrow();
  const lead = await personOf('applicant');
  const project = await buildProjectInExecution(ctx, stack.platformId, { leadContactPersonId: lead.id });
  projectId = project.id;
  projectCode = project.code;
  expertName = (await personOf('expert')).name_zh;
  // Its panel is an expert of its own, who has scored already: the demo's expert keeps one card to fill.
  const expert = await buildExpert(ctx, { category: 'academic', expertise: '传感器' });
  finalProjectId = (
    await buildCheck(ctx, stack.platformId, {
      leadContactPersonId: lead.id,
      kind: 'final',
      stage: 'under_review',
      panel: [{ expertId: expert.id }],
      scored: true,
    })
  ).id;
});
afterAll(async () => {
  await stack?.close();
});

async function signedIn(username: string, password?: string): Promise<Page> {
  const opened = await stack.newPage();
  problems = opened.problems;
  await signInAs(opened.page, username, password);
  return opened.page;
}

/** Opens a scorecard on 我的项目检查评审 and submits 8 on each criterion with a comment. */
async function scoreCard(page: Page, opener: Locator): Promise<void> {
  await opener.click();
  const dialog = modal(page);
  await poll(() => dialog.getByTestId('criterion-technical_value').textContent()).toContain('推进了领域前沿');
  for (const name of ['技术价值', '实施有效性', '实际作用', '成果转化可能性', '预期经济效益']) {
    await dialog.getByLabel(`${name} (1–10)`).fill('8');
    await dialog.getByLabel(`${name}评语`).fill(`${name}：进展符合预期`);
  }
  const res = await answerOf(page, 'POST', /\/submit$/, () =>
    dialog.getByRole('button', { name: '提交评分' }).click(),
  );
  await expectStatus(res, 200);
  await noModal(page);
}

/** The demo's directory experts have no accounts: the engine-seated expert gets one to sign in with. */
async function accountOf(expertId: string): Promise<string> {
  const ctx = stack.ctx;
  const user = await buildUser(ctx, {
    username: `check-expert-${expertId.slice(-12)}`,
    roles: ['expert'],
    platformId: stack.platformId,
  });
  const { person_id } = await ctx.db
    .selectFrom('experts')
    .select('person_id')
    .where('id', '=', expertId)
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('people').set({ user_id: user.id }).where('id', '=', person_id).execute();
  return user.username;
}

describe('中期检查', () => {
  it('the officer opens an interim check from the 检查 tab', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${projectId}/checks`);
    const due = page.getByPlaceholder('报告截止日期');
    await due.fill('2099-01-31');
    await due.press('Enter');
    const res = await answerOf(page, 'POST', /\/checks$/, () =>
      page.getByRole('button', { name: '发起检查' }).click(),
    );
    await expectStatus(res, 201);
    await poll(() => page.getByTestId('check-report-form').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the lead submits the report, one indicator short of its target', async () => {
    const page = await signedIn('applicant');
    await page.goto(`/projects/${projectId}/checks`);
    const form = page.getByTestId('check-report-form');
    await form.getByLabel('发明专利申请 (目标值: 3)').fill('1');
    await form.getByLabel('取得的成果').fill('完成样机设计与两项专利申请准备');
    await form.getByLabel('成果及其权属').fill('样机设计');
    expect(await form.getByLabel('成果权属单位').count()).toBe(1);
    const res = await answerOf(page, 'POST', /\/report$/, () =>
      form.getByRole('button', { name: '提交报告' }).click(),
    );
    await expectStatus(res, 200);
    await poll(() => page.getByTestId('check-report-v1').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the officer puts an expert of the expert database on the panel', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${projectId}/checks`);
    await pick(page, page.getByTestId('check-expert-select'), expertName, expertName.slice(0, 1));
    const res = await answerOf(page, 'POST', /\/experts$/, () =>
      page.getByRole('button', { name: '加入专家组' }).click(),
    );
    await expectStatus(res, 200);
    expect(problems).toEqual([]);
  });

  it('the officer runs the assignment engine: 自动分配专家 invites two more experts with no conflict', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${projectId}/checks`);
    const card = page.getByTestId('project-check');
    await card.getByLabel('专家组人数').fill('3');
    const res = await answerOf(page, 'POST', /\/project-check-runs$/, () =>
      card.getByRole('button', { name: '自动分配专家' }).click(),
    );
    await expectStatus(res, 201);
    const seats: { expertId: string; state: string }[] = (await res.json()).checks[0].seats;
    invited = seats.filter((s) => s.state === 'invited').map((s) => s.expertId);
    expect(invited).toHaveLength(2);
    await poll(() => card.getByTestId('check-panel').getByText('已邀请').count()).toBe(2);
    await card.getByTestId('check-panel').getByText('已接受').waitFor();
    await card.getByTestId('check-latest-run').waitFor();
    expect(problems).toEqual([]);
  });

  it('an invited expert accepts on 我的项目检查评审, finds the scorecard below and scores it', async () => {
    const page = await signedIn(await accountOf(invited[0]!), TEST_PASSWORD);
    await page.goto('/project-check-scorecards');
    const invitation = page.getByTestId('my-check-invitation').filter({ hasText: projectCode });
    await invitation.getByText('请于').waitFor();
    const card = page.getByTestId('my-check-scorecards').getByRole('row').filter({ hasText: projectCode });
    expect(await card.count()).toBe(0);
    const res = await answerOf(page, 'POST', /\/invitation$/, () =>
      invitation.getByRole('button', { name: '接受' }).click(),
    );
    await expectStatus(res, 200);
    await card.getByTestId('open-check-scorecard').waitFor();
    await poll(() => invitation.count()).toBe(0);
    // Its panel adopts only once every scorecard is in (the officer adopts below).
    await scoreCard(page, card.getByTestId('open-check-scorecard'));
    expect(problems).toEqual([]);
  });

  it('the other declines with a reason; the officer may refill the seat', async () => {
    const page = await signedIn(await accountOf(invited[1]!), TEST_PASSWORD);
    await page.goto('/project-check-scorecards');
    const invitation = page.getByTestId('my-check-invitation').filter({ hasText: projectCode });
    await invitation.getByRole('button', { name: '谢绝' }).click();
    await modal(page).getByLabel('无法评审的原因').fill('近期出差，无法按时评审');
    const res = await submitDialog(page, '确定', 'POST', /\/invitation$/);
    await expectStatus(res, 200);
    await poll(() => invitation.count()).toBe(0);
    const officer = await signedIn('officer');
    await officer.goto(`/projects/${projectId}/checks`);
    const card = officer.getByTestId('project-check');
    await card.getByTestId('check-panel').getByText('已谢绝').waitFor();
    await card.getByRole('button', { name: '补充谢绝的席位' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('the expert scores it on the dual scorecard, reading the rubric', async () => {
    const page = await signedIn('expert');
    await page.goto('/project-check-scorecards');
    await scoreCard(page, page.getByTestId('open-check-scorecard').first());
    expect(problems).toEqual([]);
  });

  it('the officer adopts the verdict; the indicator shows not met', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${projectId}/checks`);
    const form = page.getByTestId('check-adopt-form');
    await form.getByText('通过', { exact: true }).click();
    const res = await answerOf(page, 'POST', /\/adopt$/, () =>
      form.getByRole('button', { name: '形成结论' }).click(),
    );
    await expectStatus(res, 200);
    const version = page.getByTestId('check-report-v1');
    await poll(() => version.getByTestId('check-verdict').textContent()).toBe('通过');
    expect(await version.locator('tbody tr.ant-table-row').first().textContent()).toContain('未达到');
    await expectAccessible(page, '项目检查（已形成结论）');
    expect(problems).toEqual([]);
  });
});

describe('结题验收', () => {
  it('the officer records the task review and the financial review with the audit report, then adopts 通过', async () => {
    const page = await signedIn('officer');
    await page.goto(`/projects/${finalProjectId}/checks`);
    // No verdict before both reviews.
    const task = page.getByTestId('task-review-form');
    await poll(() => task.count()).toBe(1);
    expect(await page.getByTestId('check-adopt-form').count()).toBe(0);
    await task.getByText('通过', { exact: true }).click();
    await task.getByLabel('审查意见').fill('考核指标全部完成');
    let res = await answerOf(page, 'POST', /\/task-review$/, () =>
      task.getByRole('button', { name: '记录任务审查' }).click(),
    );
    await expectStatus(res, 200);
    await poll(() => page.getByTestId('task-review-outcome').textContent()).toBe('通过');

    const fin = page.getByTestId('financial-review-form');
    res = await answerOf(page, 'POST', /\/evidence$/, () =>
      fin.locator('input[type="file"]').setInputFiles({
        name: '专项审计报告.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% audit\n%%EOF\n'),
      }),
    );
    await expectStatus(res, 201);
    await poll(() => fin.getByText('专项审计报告.pdf').count()).toBe(1);
    await fin.getByText('通过', { exact: true }).click();
    await fin.getByLabel('审查意见').fill('经费使用规范');
    res = await answerOf(page, 'POST', /\/financial-review$/, () =>
      fin.getByRole('button', { name: '记录财务审查' }).click(),
    );
    await expectStatus(res, 200);
    const review = page.getByTestId('financial-review');
    await poll(() => review.getByTestId('financial-review-outcome').textContent()).toBe('通过');
    expect(await review.textContent()).toContain('专项审计报告.pdf');
    expect(await review.getByTestId('financial-review-rate').textContent()).toBe('0%');

    const form = page.getByTestId('check-adopt-form');
    await form.getByText('通过', { exact: true }).click();
    res = await answerOf(page, 'POST', /\/adopt$/, () =>
      form.getByRole('button', { name: '形成结论' }).click(),
    );
    await expectStatus(res, 200);
    await poll(() => page.getByTestId('check-report-v1').getByTestId('check-verdict').textContent()).toBe(
      '通过',
    );
    expect(problems).toEqual([]);
  });
});
