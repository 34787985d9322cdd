import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { numberInput, pick } from './antd-support.js';
import { answerOf, expectStatus, PARTNER_ORG, PDF } from './calls-support.js';
import { poll as pollFor } from './support.js';

// The applicant's steps through the application wizard (calls-applications.e2e.ts), each filled as a
// person would and checked where the step itself shows something; the story decides when to move on.

/** Polls with room for a loaded machine (several writes and re-renders behind each condition). */
const poll = <T>(fn: () => T | Promise<T>) => pollFor(fn, 30_000);

/** 下一步: saves the draft (PUT answered 200) and moves to the next step; the saved application. */
export async function saveStep(page: Page) {
  const saved = await answerOf(page, 'PUT', /\/api\/applications\/[^/]+$/, () =>
    page.getByTestId('wizard-next').click(),
  );
  await expectStatus(saved, 200);
  return saved;
}

/** 1 项目概要: titles, summary and field. */
export async function fillSummary(page: Page, titleZh: string) {
  await page.getByTestId('app-title-zh').fill(titleZh);
  await page.getByTestId('app-title-en').fill('Smart multi-parameter sensing modules for the shop floor');
  await page.getByTestId('app-summary-zh').fill('研制可在工业现场长期稳定工作的多参数智能传感模组。');
  await pick(page, page.getByTestId('app-field'), '新材料技术');
}

/** 2 目标与考核指标 and 3 工作计划与里程碑, each saved. */
export async function fillObjectiveAndPlan(page: Page) {
  await page.getByTestId('add-objective').click();
  const objective = page.getByTestId('objective').first();
  await objective.locator('textarea').fill('研制温度、压力、振动三参数传感模组');
  await objective.getByPlaceholder('考核指标').fill('测温精度');
  await objective.getByPlaceholder('目标值').fill('±0.1 ℃');
  await saveStep(page);
  await page.getByTestId('add-work-package').click();
  const wp = page.getByTestId('work-package').first();
  await wp.locator('input[id$="title"]').first().fill('模组设计与样机');
  await wp.getByPlaceholder('里程碑', { exact: true }).fill('样机通过测试');
  await wp.getByPlaceholder('月').fill('12');
  await saveStep(page);
}

/**
 * 4 联合体: the lead (own SME) and one partner enterprise, whose contact is 钱立; saved. The lead's and the
 * partner's organisation ids.
 */
export async function fillConsortium(page: Page): Promise<[string, string]> {
  await page.getByTestId('add-member').click();
  await pick(
    page,
    page.getByTestId('consortium-table').getByTestId('org-picker').last(),
    PARTNER_ORG,
    '传感技术',
  );
  await pick(page, page.getByTestId('member-contact-1'), '钱立');
  await page.getByTestId('member-role-0').fill('牵头研制');
  await page.getByTestId('member-role-1').fill('传感芯片');
  await numberInput(page, 'member-requested-0').fill('1200000');
  await numberInput(page, 'member-cofunding-0').fill('1200000');
  await numberInput(page, 'member-requested-1').fill('600000');
  await numberInput(page, 'member-cofunding-1').fill('600000');
  const consortium = await saveStep(page);
  const members = (await consortium.json()).consortium as { organisation: { id: string } }[];
  expect(members).toHaveLength(2);
  return [members[0]!.organisation.id, members[1]!.organisation.id];
}

/**
 * 5 预算: each member's lines add up to its requested amount; the mismatch shows until they do. The
 * 12-column table fits a laptop: the organisation keeps its width (its name on one line, cut with an
 * ellipsis), the other columns scroll sideways, and the totals stay in view on one line.
 */
export async function fillBudget(page: Page, lead: string, member: string) {
  await numberInput(page, `budget-${lead}-equipment`).fill('1000000');
  await poll(() => page.getByTestId('budget-mismatch').count()).toBe(1);
  await numberInput(page, `budget-${lead}-labour`).fill('200000');
  await numberInput(page, `budget-${member}-materials`).fill('600000');
  await poll(() => page.getByTestId('budget-mismatch').count()).toBe(0);
  await poll(() => page.getByTestId('budget-grand-total').textContent()).toContain('1,800,000.00');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    const table = page.getByTestId('budget-table');
    const org = (await table.locator(`tr[data-row-key="${lead}"] td`).first().boundingBox())!;
    expect(org.width, `${size.width} px`).toBeGreaterThanOrEqual(190);
    const total = page.getByTestId('budget-grand-total');
    expect(await total.evaluate((e) => e.getClientRects().length), `${size.width} px`).toBe(1);
    const box = (await total.boundingBox())!;
    expect(box.x + box.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
    const row = (await page.getByTestId(`budget-total-${lead}`).boundingBox())!;
    expect(row.x + row.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
  }
}

/** 6 附件: the proposal PDF, uploaded (201) and listed. */
export async function attachProposal(page: Page) {
  const uploaded = await answerOf(page, 'POST', /\/attachments$/, () =>
    page
      .getByTestId('step-attachments')
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '申报书.pdf', mimeType: 'application/pdf', buffer: PDF }),
  );
  await expectStatus(uploaded, 201);
  await page.getByTestId('attachment-file-proposal').waitFor();
}
