import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseField, confirmedRequest, modal, numberInput, submitDialog } from './antd-support.js';
import {
  attachProposal,
  fillBudget,
  fillConsortium,
  fillObjectiveAndPlan,
  fillSummary,
  saveStep,
} from './application-wizard.js';
import { expectAccessible } from './axe.js';
import {
  answerOf,
  arrangePartner,
  expectStatus,
  localTime,
  pickTime,
  platformByCode,
} from './calls-support.js';
import { downloadPdf } from './downloads.js';
import { tableRows } from './orgs-support.js';
import { poll as pollFor, type Stack, signInAs, startStack } from './support.js';
import { expectTableFits } from './table-fit.js';

/** Polls with room for a loaded machine (several writes and re-renders behind each condition). */
const poll = <T>(fn: () => T | Promise<T>) => pollFor(fn, 30_000);

// Done means (issue 4), in Chinese: the officer publishes a call → the applicant builds a two-member
// consortium and submits → the officer returns it → the applicant resubmits → the officer passes it.
// The member's contact (钱立 of a partner enterprise) has an account, so the invitation is confirmed in the
// app's invitations list; the applicant keeps only its demo role (contacts come from /api/orgs/:id/contacts).

let stack: Stack;
let officer: Page;
let applicant: Page;
let partner: Page;
let problems: string[] = [];
let atp = '';
let callId = '';
let appId = '';
const CALL_ZH = '2026 年度先进传感共性技术联合攻关计划';
const TITLE_ZH = '工业现场多参数智能传感模组研制';

beforeAll(async () => {
  stack = await startStack();
  atp = await platformByCode(stack, 'ATP');
  await arrangePartner(stack, atp);
  for (const [name, user] of [
    ['officer', 'officer'],
    ['applicant', 'applicant'],
    ['partner', 'partner'],
  ] as const) {
    const p = await stack.newPage();
    problems = problems.concat(p.problems);
    p.page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
    await signInAs(p.page, user);
    if (name === 'officer') officer = p.page;
    else if (name === 'applicant') applicant = p.page;
    else partner = p.page;
  }
});
afterAll(async () => {
  await stack?.close();
});

const stateTag = (page: Page, testId = 'application-state') => page.getByTestId(testId).first().textContent();

describe('一项研发计划从发布到形式审查通过', () => {
  it('项目主管新建并发布计划', async () => {
    await officer.goto(`/calls?platform=${atp}`);
    await officer.getByTestId('calls-table').locator('tr.ant-table-row').first().waitFor();
    await expectAccessible(officer, '申报指南列表（项目主管）');
    await officer.getByTestId('new-call').click();
    const form = officer.getByTestId('call-form');
    await form.locator('#titleZh').fill(CALL_ZH);
    await form.locator('#titleEn').fill('2026 Advanced Sensing Joint Call');
    await form.locator('#code').fill('ATP-2026-SENS');
    await chooseField(officer, officer.getByTestId('call-fields'), '新材料技术');
    await form.locator('#summaryZh').fill('面向工业现场的多参数智能传感共性技术。');
    await numberInput(officer, 'call-budget').fill('10000000');
    await numberInput(officer, 'call-ceiling').fill('2000000');
    const now = Date.now();
    await pickTime(officer, 'call-opens', localTime(new Date(now - 3_600_000)));
    await pickTime(officer, 'call-closes', localTime(new Date(now + 30 * 86_400_000)));
    // Two organisations at least, one of them an enterprise, within the ceiling (the form's defaults).
    await expect(
      officer.getByTestId('rule-min_consortium_size').getByRole('switch').getAttribute('aria-checked'),
    ).resolves.toBe('true');
    const created = await answerOf(officer, 'POST', /\/api\/platforms\/[^/]+\/calls$/, () =>
      officer.getByTestId('save-call').click(),
    );
    await expectStatus(created, 201);
    callId = (await created.json()).id;
    await officer.getByTestId('call-preview').waitFor();
    await poll(() => officer.getByTestId('call-state').textContent()).toBe('草稿');

    const published = await confirmedRequest(
      officer,
      officer.getByTestId('publish-call'),
      '发布',
      /\/publish$/,
    );
    await expectStatus(published, 200);
    await poll(() => officer.getByTestId('call-state').textContent()).toBe('受理中');
    await poll(() => officer.getByTestId('call-countdown').textContent()).toMatch(/^剩余 (29|30) 天/);
  }, 180_000);

  it('公众无需登录即可浏览受理中的计划与剩余时间', async () => {
    const { page } = await stack.newPage();
    await page.goto('/public/calls');
    const item = page.getByTestId('public-call').filter({ hasText: CALL_ZH });
    await item.waitFor();
    await poll(() => item.textContent()).toMatch(/剩余 (29|30) 天/);
    await item.getByRole('link', { name: CALL_ZH }).click();
    await poll(() => page.getByTestId('call-title').textContent()).toBe(CALL_ZH);
    expect(new URL(page.url()).pathname).toBe(`/public/calls/${callId}`);
    await poll(() => page.getByTestId('call-state').textContent()).toBe('受理中');
    await poll(() => page.getByTestId('public-apply').textContent()).toBe('登录后申报');
  }, 120_000);

  it('申请人组建两家单位的联合体并提交', async () => {
    await applicant.goto(`/calls/${callId}`);
    await applicant.getByTestId('apply').waitFor();
    await expectAccessible(applicant, '计划详情（申请人）');
    const created = await answerOf(applicant, 'POST', /\/api\/calls\/[^/]+\/applications$/, () =>
      applicant.getByTestId('apply').click(),
    );
    await expectStatus(created, 201);
    appId = (await created.json()).id;
    await applicant.getByTestId('application-wizard').waitFor();
    // 申报 again opens the same draft (after asking) rather than making another blank one.
    await applicant.goto(`/calls/${callId}`);
    await applicant.getByTestId('apply').click();
    await poll(() => modal(applicant).getByTestId('apply-drafts').textContent()).toContain('未命名申请');
    expect(await modal(applicant).getByTestId('apply-continue').count()).toBe(1);
    await modal(applicant).getByTestId('apply-continue').click();
    await applicant.waitForURL((u) => u.pathname === `/applications/${appId}`);
    await applicant.getByTestId('application-wizard').waitFor();
    const drafts = await (
      await applicant.request.get(`/api/applications?callId=${callId}&state=draft`)
    ).json();
    expect(drafts.total).toBe(1);

    // A step is ticked only when its data is complete: moving on from the empty summary leaves it unticked.
    const stepClass = (n: number) =>
      applicant.getByTestId('wizard-steps').locator('.ant-steps-item').nth(n).getAttribute('class');
    await applicant.getByTestId('wizard-next').click();
    await poll(() => stepClass(1)).toContain('ant-steps-item-process');
    expect(await stepClass(0)).toContain('ant-steps-item-wait');
    await applicant.getByTestId('wizard-prev').click();
    await poll(() => stepClass(0)).toContain('ant-steps-item-process');

    // 1–6: summary, objectives and work plan, consortium, budget (fitting a laptop), attachments
    await fillSummary(applicant, TITLE_ZH);
    await saveStep(applicant);
    await poll(() => stepClass(0)).toContain('ant-steps-item-finish');
    expect(await stepClass(2)).toContain('ant-steps-item-wait');
    await fillObjectiveAndPlan(applicant);
    const [lead, member] = await fillConsortium(applicant);
    await fillBudget(applicant, lead, member);
    await saveStep(applicant);
    await attachProposal(applicant);
    await saveStep(applicant);
    // 7 参与确认: the partner's contact confirms in the app
    const invited = await answerOf(applicant, 'POST', /\/invitations$/, () =>
      applicant.getByTestId('invite-1').click(),
    );
    await expectStatus(invited, 201);
    await poll(() => applicant.getByTestId('confirmation-1').textContent()).toBe('待确认');

    await partner.goto('/applications');
    await partner.getByTestId(`confirm-invitation-${appId}`).waitFor();
    await expectAccessible(partner, '我的申请与联合体邀请（合作单位）');
    const confirmed = await answerOf(partner, 'POST', /\/respond$/, () =>
      partner.getByTestId(`confirm-invitation-${appId}`).click(),
    );
    await expectStatus(confirmed, 200);
    expect((await confirmed.json()).state).toBe('confirmed');
    await poll(() => partner.getByTestId(`confirm-invitation-${appId}`).count()).toBe(0);

    // 8 检查并提交: every rule passes, nothing is missing
    await applicant.reload();
    await applicant.getByTestId('application-wizard').waitFor();
    await poll(() => applicant.getByTestId('confirmation-1').textContent()).toBe('已确认');
    await applicant.getByTestId('wizard-steps').getByText('检查并提交').click();
    await poll(() => applicant.locator('[data-testid^="outcome-"][data-passed="false"]').count()).toBe(0);
    await poll(() => applicant.locator('[data-testid^="outcome-"][data-passed="true"]').count()).toBe(3);
    await poll(() => applicant.getByTestId('submission-problems').textContent()).toContain(
      '无：申请材料完整',
    );
    const submitted = await confirmedRequest(
      applicant,
      applicant.getByTestId('submit-application'),
      '提交',
      /\/submit$/,
    );
    await expectStatus(submitted, 200);
    const receipt = await submitted.json();
    await poll(() => applicant.getByTestId('receipt-no').textContent()).toBe(receipt.receiptNo);
    await poll(() => applicant.getByTestId('receipt-checksum').textContent()).toContain(receipt.checksum);
    await poll(() => stateTag(applicant)).toBe('已提交');
  }, 240_000);

  it('项目主管退回修改，申请人看到理由并重新提交', async () => {
    await officer.goto(`/screening?platform=${atp}`);
    await officer.getByTestId('screening-table').getByText(TITLE_ZH).click();
    await officer.getByTestId('screening-detail').waitFor();
    await officer.getByTestId('check-complete').check();
    await officer.getByTestId('screen-return').click();
    await modal(officer).getByTestId('decision-reasons').fill('请补充合作单位的盖章承诺书。');
    const returned = await submitDialog(officer, '确定', 'POST', /\/screening$/);
    await expectStatus(returned, 200);
    expect((await returned.json()).state).toBe('returned');
    await poll(() => stateTag(officer)).toBe('退回修改');

    await applicant.goto(`/applications/${appId}`);
    await poll(() => applicant.getByTestId('returned-reasons').textContent()).toContain(
      '请补充合作单位的盖章承诺书。',
    );
    await applicant
      .getByTestId('app-summary-zh')
      .fill('研制可在工业现场长期稳定工作的多参数智能传感模组（已补充承诺书）。');
    await poll(() => stateTag(applicant)).toBe('退回修改');
    const corrected = await answerOf(applicant, 'PUT', /\/api\/applications\/[^/]+$/, () =>
      applicant.getByTestId('wizard-steps').getByText('检查并提交').click(),
    );
    await expectStatus(corrected, 200);
    expect((await corrected.json()).content.summaryZh).toContain('已补充承诺书');
    await poll(() => applicant.getByTestId('submission-problems').textContent()).toContain(
      '无：申请材料完整',
    );
    const resubmitted = await confirmedRequest(
      applicant,
      applicant.getByTestId('submit-application'),
      '重新提交',
      /\/submit$/,
    );
    await expectStatus(resubmitted, 200);
    expect((await resubmitted.json()).versionNo).toBe(2);
    await poll(() => stateTag(applicant)).toBe('已提交');
    // The first submitted version stays readable.
    await applicant.goto(`/applications/${appId}?version=1`);
    await poll(() => applicant.getByTestId('application-details').textContent()).toContain(
      '研制可在工业现场长期稳定工作的多参数智能传感模组。',
    );
  }, 180_000);

  it('项目主管通过形式审查', async () => {
    await officer.goto(`/screening/${appId}`);
    await officer.getByTestId('screening-detail').waitFor();
    await officer.getByTestId('check-complete').check();
    await officer.getByTestId('check-signed').check();
    await officer.getByTestId('screen-pass').click();
    const passed = await submitDialog(officer, '确定', 'POST', /\/screening$/);
    await expectStatus(passed, 200);
    expect((await passed.json()).state).toBe('in_review');
    await poll(() => stateTag(officer)).toBe('评审中');
    await expectAccessible(officer, '形式审查详情（项目主管）');
    await applicant.goto(`/applications/${appId}`);
    await poll(() => stateTag(applicant)).toBe('评审中');
    await expectAccessible(applicant, '已提交的申报书（申请人）');
    // The printable 申报书 of the submitted version, for sealing: the applicant prints it in Chinese.
    await applicant.getByTestId('receipt-no').waitFor();
    const receiptNo = (await applicant.getByTestId('receipt-no').textContent())!;
    const form = await downloadPdf(
      applicant,
      applicant.getByRole('button', { name: /打印申报书（PDF）/ }),
      new RegExp(`/api/applications/${appId}/application-form\\.pdf$`),
    );
    expect(form.fileName).toBe(`申报书-${receiptNo}.pdf`);
    expect(form.text).toContain(`申报书：${TITLE_ZH}`);
    expect(form.text).toContain(`回执编号: ${receiptNo}`);
    // The applicant's progress: submitted and screened, now at expert review.
    const journey = applicant.getByTestId('application-journey');
    const titles = (status: string) =>
      journey.locator(`.ant-steps-item-${status} .ant-steps-item-title`).allTextContents();
    expect(await titles('finish')).toEqual(['提交申报', '形式审查']);
    expect(await titles('process')).toEqual(['专家评审']);
    expect(await journey.locator('.ant-steps-item-process .ant-steps-item-content').textContent()).toBe(
      '评审中',
    );
    const view = await (await officer.request.get(`/api/applications/${appId}`)).json();
    expect([view.state, view.versionNo]).toEqual(['in_review', 2]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('项目主管勾选待审的申报书批量退回，结果逐份列出；已通过的不可勾选', async () => {
    await officer.goto(`/screening?platform=${atp}`);
    const rows = tableRows(officer, 'screening-table');
    await poll(() => rows.filter({ hasText: TITLE_ZH }).count()).toBe(1);
    expect(await rows.filter({ hasText: TITLE_ZH }).getByRole('checkbox').isDisabled()).toBe(true);
    const waiting = rows.filter({ hasText: '已提交' });
    const n = await waiting.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await waiting.nth(i).getByRole('checkbox').check();
    await poll(() => officer.getByTestId('selection-bar').textContent()).toContain(`已选：${n}`);
    await officer.getByRole('button', { name: '批量退回' }).click();
    await modal(officer).getByLabel('退回理由（发送给每位申请人）').fill('请补充单位盖章页');
    const res = await answerOf(officer, 'POST', /\/api\/applications\/screening$/, () =>
      modal(officer).getByRole('button', { name: '退回修改' }).click(),
    );
    await expectStatus(res, 200);
    expect((await res.json()).succeeded).toBe(n);
    await poll(() => officer.getByTestId('batch-result').textContent()).toBe(`已完成：${n} · 未完成：0`);
    await poll(() => rows.filter({ hasText: '已提交' }).count()).toBe(0);
    expect(await rows.filter({ hasText: '退回修改' }).count()).toBe(n);
    await expectTableFits(officer, officer.getByTestId('screening-table'), '形式审查列表');
    expect(problems).toEqual([]);
  }, 120_000);
});
