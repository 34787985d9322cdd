import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectInExecution } from '../server/modules/projects/projects.fixtures.js';
import { modal, noModal } from './antd-support.js';
import { tableRows } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// 导入支出 in Chinese (issue 13, docs/projects.md "Spending import"): the lead (the demo applicant, the
// lead member's contact) uploads an XLSX the test builds with exceljs, sees the preview with one row over
// the 劳务费 budget (the reason names what is left), nothing is written; the corrected file imports and the
// spent total of the budget tab changes. The fixture's plan: the lead 设备费 ¥3,000, 业务费 ¥1,500, 劳务费
// ¥500; the partner 业务费 ¥2,000, 劳务费 ¥1,000.

let stack: Stack;
let page: Page;
let problems: string[];
let projectId: string;
let leadName: string;
let partnerName: string;

const HEAD = ['成员单位', '支出类别', '支出日期', '金额（元）', '摘要', '凭证号'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('项目支出');
  sheet.addRow(HEAD);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  stack = await startStack();
  const ctx = stack.ctx;
  const person = await ctx.db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select('people.id')
    .where('users.username', '=', 'applicant')
    .executeTakeFirstOrThrow();
  const p = await buildProjectInExecution(ctx, stack.platformId, { leadContactPersonId: person.id });
  projectId = p.id;
  const nameOf = async (id: string) =>
    (
      await ctx.db
        .selectFrom('organisations')
        .select('name_zh')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).name_zh;
  leadName = await nameOf(p.lead);
  partnerName = await nameOf(p.partner);
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'applicant');
});
afterAll(async () => {
  await stack?.close();
});

const booked = async () =>
  (
    await stack.ctx.db
      .selectFrom('project_spending')
      .select('id')
      .where('project_id', '=', projectId)
      .execute()
  ).length;

async function choose(name: string, rows: (string | number | Date | null)[][]) {
  await modal(page)
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: XLSX_MIME, buffer: await xlsx(rows) });
  await page.getByTestId('import-summary').waitFor();
}

describe('导入支出', () => {
  it('previews the file with one row over the budget, then imports the corrected file; the totals change', async () => {
    await page.goto(`/projects/${projectId}/budget`);
    await poll(() => page.getByTestId('spent-total').textContent()).toBe('¥0.00');
    await page.getByRole('button', { name: '导入支出' }).click();
    // The template's instructions name the project's members, as the file must.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      modal(page).getByRole('button', { name: '模板（XLSX）' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('spending-template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await template.path())!)) as never);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEAD]);
    expect(book.getWorksheet('填写说明')!.getRow(2).getCell(3).value).toBe(`${leadName}、${partnerName}`);

    const good = [
      [leadName, '设备费', today, 1200.5, '示波器', 'FP-2026-001'],
      [partnerName, '劳务费', today, 300, '问卷劳务', null],
    ];
    await choose('支出.xlsx', [...good, [leadName, '劳务费', today, 600, '专家咨询', null]]);
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      '支出.xlsx：共 3 行，2 行有效，1 行有误',
    );
    const errors = await tableRows(page, 'import-errors').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
    );
    expect(errors).toEqual([['4', '金额（元）', '超出劳务费批准预算，仅剩 500.00']]);
    // Each row with its status; the amounts in yuan as they would be booked.
    const preview = (await tableRows(page, 'import-preview').allTextContents()).map((s) =>
      s.replace(/\s+/g, ' '),
    );
    expect(preview[0]).toContain('无误');
    expect(preview[0]).toContain('1,200.50');
    expect(preview[2]).toContain('1 处错误');
    expect(await page.getByTestId('import-preview').locator('td[data-error]').count()).toBe(1);
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/commonlab-spending-import-preview.png' });
    expect(await booked()).toBe(0);

    await modal(page).getByRole('button', { name: '重新选择文件' }).click();
    await choose('支出-已修正.xlsx', [...good, [leadName, '劳务费', today, 400, '专家咨询', null]]);
    expect(await page.getByTestId('import-summary').textContent()).toContain('共 3 行，3 行有效，0 行有误');
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-result').textContent()).toContain('已导入 3 行');
    await modal(page).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await noModal(page);

    await poll(() => page.getByTestId('spent-total').textContent()).toBe('¥1,900.50');
    expect(await booked()).toBe(3);
    const entries = await tableRows(page, 'spending-entries').allTextContents();
    expect(entries.find((r) => r.includes('示波器'))).toContain('FP-2026-001');
    expect(problems).toEqual([]);
  });
});
