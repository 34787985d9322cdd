import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPanelReview } from '../server/modules/review/scoring/panel.service.js';
import { confirmedRequest, confirmPopup } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus } from './calls-support.js';
import { downloadPdf } from './downloads.js';
import { openNav } from './orgs-support.js';
import { chooseLanguage, poll as pollFor, type Stack, signInAs, startStack } from './support.js';
import { expectTableFits } from './table-fit.js';

/** Polls with room for a loaded machine (several writes and re-renders behind each condition). */
const poll = <T>(fn: () => T | Promise<T>) => pollFor(fn, 30_000);

// Done means (issue 5), in Chinese, on the demo data: the program officer runs an optimised assignment on
// last year's ATP call and publishes it → the demo expert (吴芳) accepts and scores the application they
// were given → the panel records its consensus and decides within the call's budget.

let stack: Stack;
let officer: Page;
let expert: Page;
let problems: string[] = [];
let callId = '';
let callTitle = '';
let callCode = '';

beforeAll(async () => {
  stack = await startStack();
  const year = stack.ctx.clock.now().getUTCFullYear();
  const call = await stack.ctx.db
    .selectFrom('calls')
    .select(['id', 'title_zh', 'code'])
    .where('code', '=', `ATP-${year - 1}-AM`)
    .executeTakeFirstOrThrow();
  callId = call.id;
  callCode = call.code;
  callTitle = call.title_zh;
  for (const name of ['officer', 'expert'] as const) {
    const p = await stack.newPage();
    problems = problems.concat(p.problems);
    p.page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
    await signInAs(p.page, name);
    if (name === 'officer') officer = p.page;
    else expert = p.page;
  }
});
afterAll(async () => {
  await stack?.close();
});

const tab = (page: Page, label: string) => page.getByRole('tab', { name: label }).click();

describe('专家评审：分配、评分与立项决策', () => {
  it('the officer runs an optimised assignment and invites the experts', async () => {
    await openNav(officer, '专家评审');
    await officer.getByTestId('review-calls').getByRole('link', { name: callTitle }).click();
    await officer.getByTestId('review-call-page').waitFor();
    await tab(officer, '专家分配');
    const run = await answerOf(officer, 'POST', /\/assignment-runs$/, () =>
      officer.getByTestId('run-assignment').click(),
    );
    await expectStatus(run, 201);
    const record = await run.json();
    expect(record.mode).toBe('optimal');
    expect(record.assignments).toHaveLength(14 * 3);
    // The record an auditor replays: exact solver, its objective and the hash of the inputs.
    await poll(() => officer.getByTestId('run-objective').textContent()).toBe(record.objective.toFixed(6));
    expect(await officer.getByTestId('run-hash').textContent()).toContain(record.inputHash.slice(0, 16));
    expect(await officer.getByTestId('run-pairs').textContent()).toContain('吴芳');
    await expectAccessible(officer, '专家分配（运行结果）');
    // The expert-selection record (专家抽取结果表) the officer prints for the file, in Chinese.
    const printed = await downloadPdf(
      officer,
      officer.getByRole('button', { name: /专家抽取结果表（PDF）/ }),
      new RegExp(`/assignment-runs/${record.id}/record\\.pdf$`),
    );
    expect(printed.fileName).toBe(`专家抽取结果表-${callCode}.pdf`);
    expect(printed.text).toContain(`专家抽取结果表：${callCode}`);
    expect(printed.text).toContain('一、抽取结果');
    // Read in English, experts and applications go by their English names where they have them.
    const titleEn = record.assignments.find(
      (p: { applicationTitleEn: string | null }) => p.applicationTitleEn,
    ).applicationTitleEn as string;
    await chooseLanguage(officer, 'English');
    await poll(() => officer.getByTestId('run-pairs').textContent()).toContain('Wu Fang');
    expect(await officer.getByTestId('run-pairs').textContent()).not.toContain('吴芳');
    expect(await officer.getByTestId('run-pairs').textContent()).toContain(titleEn);
    await chooseLanguage(officer, '简体中文');

    const published = await confirmedRequest(
      officer,
      officer.getByTestId('publish-run'),
      '确定',
      /\/publish$/,
    );
    await expectStatus(published, 200);
    await officer.getByTestId('seats').waitFor();
    const seats = await stack.ctx.db
      .selectFrom('review_assignments')
      .select(['state'])
      .where('call_id', '=', callId)
      .execute();
    expect(seats).toHaveLength(42);
    expect(new Set(seats.map((s) => s.state))).toEqual(new Set(['invited']));
  });

  it('the expert accepts the invitation and scores the application in Chinese', async () => {
    await openNav(expert, '我的评审');
    const card = expert.getByTestId('my-review').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('激光粉末床熔融缺陷的声发射在线检测');
    const accepted = await answerOf(expert, 'POST', /\/accept$/, () =>
      card.getByTestId('accept-review').click(),
    );
    await expectStatus(accepted, 200);
    await card.getByTestId('open-scorecard').click();
    await expert.getByTestId('scorecard-page').waitFor();
    await expert.getByTestId('reviewer-application').waitFor();

    await expert.getByTestId('declare-check').click();
    await expectStatus(
      await answerOf(expert, 'POST', /\/declaration$/, () => expert.getByTestId('declare-submit').click()),
      200,
    );
    const scores = {
      technical_value: ['9', '声发射与熔池光信号融合，技术路线先进，创新性强。'],
      implementation: ['8', '联合体分工明确，进度安排可行。'],
      impact: ['8', '可显著降低增材制造废品率。'],
      commercialisation: ['7', '检测装置可向设备厂商推广。'],
      economic_benefit: ['7', '预期经济效益较好，需补充市场测算。'],
    } as const;
    for (const [key, [score, comment]] of Object.entries(scores)) {
      await expert
        .locator(`[data-testid="score-${key}"] input, input[data-testid="score-${key}"]`)
        .first()
        .fill(score);
      await expert.getByTestId(`comment-${key}`).fill(comment);
    }
    // Weights 0.25/0.2/0.15/0.25/0.15 of the demo call.
    await poll(() => expert.getByTestId('weighted-total').textContent()).toContain('7.85');
    await expectAccessible(expert, '评分表（专家）');
    // Each criterion shows what its score levels mean, and the scorecard sits beside the application
    // (to its right) at both common laptop widths.
    const rubric = expert.getByTestId('rubric-technical_value').locator('li');
    expect(await rubric.count()).toBe(3);
    expect(await rubric.first().textContent()).toContain('推进了领域前沿');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      await expert.setViewportSize(size);
      const app = (await expert.getByTestId('reviewer-application').boundingBox())!;
      const card = (await expert.getByTestId('scorecard-column').boundingBox())!;
      expect(card.x, `${size.width} px`).toBeGreaterThanOrEqual(app.x + app.width);
      expect(card.x + card.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
    }
    const submitted = await confirmedRequest(
      expert,
      expert.getByTestId('submit-scorecard'),
      '提交',
      /\/submit$/,
    );
    await expectStatus(submitted, 200);
    await poll(() => expert.getByTestId('scorecard-state').textContent()).toBe('已提交');
  });

  it('the panel records its consensus and decides within the budget', async () => {
    // The other reviewers' work stands in as the panel's consensus on the other thirteen applications.
    const apps = await stack.ctx.db
      .selectFrom('applications')
      .select(['id', 'receipt_no', 'title_zh'])
      .where('call_id', '=', callId)
      .orderBy('receipt_no')
      .execute();
    const [first, ...rest] = apps;
    for (const [i, a] of rest.entries()) {
      await recordPanelReview(stack.ctx, a.id, {
        consensusScore: 8.5 - i * 0.25,
        reportZh: `专家组意见：第 ${i + 2} 项，建议按排名决定。`,
      });
    }

    await officer.reload();
    await tab(officer, '评分与会评');
    const table = officer.getByTestId('panel-table');
    await table.waitFor();
    const row = table.locator('tr.ant-table-row', { hasText: first!.title_zh! });
    await row.locator('.ant-table-row-expand-icon').click();
    const form = officer.getByTestId(`consensus-${first!.id}`);
    await form.getByTestId('consensus-score').fill('8');
    await form.getByTestId('consensus-report-zh').fill('专家组一致认为技术先进、团队可靠，建议立项。');
    await expectStatus(
      await answerOf(officer, 'PUT', /\/panel-review$/, () => form.getByTestId('consensus-save').click()),
      200,
    );
    expect(await officer.getByTestId(`panel-reviews-${first!.id}`).textContent()).toContain('吴芳');
    await expectAccessible(officer, '评分与会评（项目主管）');
    await expectTableFits(officer, table, '评分与会评');
    // The panel summary (评审汇总表) the officer prints, in Chinese.
    const summary = await downloadPdf(
      officer,
      officer.getByRole('button', { name: /打印评审汇总表（PDF）/ }),
      new RegExp(`/api/calls/${callId}/panel\\.pdf$`),
    );
    expect(summary.fileName).toBe(`评审汇总表-${callCode}.pdf`);
    expect(summary.text).toContain(`评审汇总表：${callCode}`);

    await tab(officer, '立项决策');
    const computed = await answerOf(officer, 'POST', /\/decisions$/, () =>
      officer.getByTestId('decision-compute').click(),
    );
    await expectStatus(computed, 201);
    const decision = await computed.json();
    expect(decision.approvedMinor).toBeLessThanOrEqual(20_000_000_00);
    await officer.getByTestId('decision-cutoff').waitFor();
    await expectAccessible(officer, '立项决策（项目主管）');
    // One expert's scorecard is in; the tab says how many of how many, and 定稿 names what is missing.
    const panel = (await (await officer.request.get(`/api/calls/${callId}/panel`)).json()) as {
      applications: { titleZh: string; seats: number; reviews: unknown[] }[];
    };
    const inCount = panel.applications.reduce((s, a) => s + a.reviews.length, 0);
    const expected = panel.applications.reduce((s, a) => s + Math.max(a.seats, a.reviews.length), 0);
    expect(inCount).toBe(1);
    expect(expected).toBeGreaterThan(1);
    const completeness = officer.getByTestId('review-completeness');
    await poll(() => completeness.textContent()).toContain(`已提交评分表：1 / ${expected}`);
    expect(await completeness.getAttribute('data-complete')).toBe('false');
    await officer.getByTestId('decision-finalise').click();
    const missing = officer.getByTestId('finalise-missing');
    await poll(() => missing.textContent()).toContain(`评审尚未完成：已提交评分表 1 / ${expected}`);
    const short = panel.applications.find((a) => a.reviews.length === 0)!;
    expect(await missing.textContent()).toContain(`《${short.titleZh}》`);
    // Confirmed in the open pop-up all the same: a panel may decide on its consensus scores.
    const sent = officer.waitForRequest((r) => /\/finalise$/.test(new URL(r.url()).pathname));
    await confirmPopup(officer, '定稿');
    const finalised = (await (await sent).response())!;
    await expectStatus(finalised, 200);

    const outcomes = await stack.ctx.db
      .selectFrom('applications')
      .select(['id', 'state', 'requested_total_minor'])
      .where('call_id', '=', callId)
      .execute();
    const approved = outcomes.filter((a) => a.state === 'approved');
    expect(approved.length).toBeGreaterThan(0);
    const total = approved.reduce((s, a) => s + Number(a.requested_total_minor), 0);
    expect(total).toBeLessThanOrEqual(20_000_000_00);
    expect(outcomes.every((a) => ['approved', 'waitlisted', 'declined'].includes(a.state))).toBe(true);
    const projects = await stack.ctx.db
      .selectFrom('projects')
      .select('application_id')
      .where('kind', '=', 'extramural')
      .where(
        'application_id',
        'in',
        approved.map((a) => a.id),
      )
      .execute();
    expect(projects).toHaveLength(approved.length);
    // Every applicant is told the outcome, with the panel's report.
    const told = await stack.ctx.db
      .selectFrom('notifications')
      .select(['entity_id', 'kind', 'params_json'])
      .where('kind', 'like', 'decision.%')
      .execute();
    expect(new Set(told.map((n) => n.entity_id))).toEqual(new Set(outcomes.map((a) => a.id)));
    const firstTold = told.find((n) => n.entity_id === first!.id)!;
    expect(firstTold.kind).toBe(`decision.${outcomes.find((a) => a.id === first!.id)!.state}`);
    expect(JSON.parse(firstTold.params_json).reportZh).toContain('建议立项');
    const call = await stack.ctx.db
      .selectFrom('calls')
      .select('state')
      .where('id', '=', callId)
      .executeTakeFirst();
    expect(call?.state).toBe('decided');
    expect(problems).toEqual([]);
  });
});
