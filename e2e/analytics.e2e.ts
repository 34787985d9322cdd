import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/files/pdf-text.fixtures.js';
import { allPlatformProfiles } from '../server/modules/platforms/platforms.lookup.js';
import { findUserIdByUsername, setRoles } from '../server/modules/users/users.service.js';
import { pick } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// Issue 15, "done means": the supervisor (主管部门) compares two platforms of different construction
// models over five years, drills into a figure and lands on the records, and downloads the XLSX and
// the annual report (年度报告) PDF. In Chinese, on the demo data: NIST (政府科研机构) and ATP
// (政府社会资本合作研究计划), whose calls the demo opens a week and four months before today.
let stack: Stack;
let page: Page;
let problems: string[];
let nist: { id: string; nameZh: string };
let atp: { id: string; nameZh: string };
const year = new Date().getFullYear();
const years = [year - 4, year - 3, year - 2, year - 1, year].map(String);

beforeAll(async () => {
  stack = await startStack();
  const platforms = await allPlatformProfiles(stack.ctx.db);
  nist = platforms.find((p) => p.id === stack.platformId)!;
  atp = platforms.find((p) => p.code === 'ATP')!;
  // The demo supervisor supervises NIST; here it supervises ATP as well, as a city's office would.
  const supervisor = (await findUserIdByUsername(stack.ctx.db, 'supervisor'))!;
  await setRoles(stack.ctx, supervisor, [
    { platformId: nist.id, role: 'supervisor' },
    { platformId: atp.id, role: 'supervisor' },
  ]);
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'supervisor');
});
afterAll(async () => {
  await stack?.close();
});

const callsCard = () => page.getByTestId('indicator-calls_opened');
const platformSelect = () => page.getByTestId('analytics-platforms');

describe('the supervisor compares platforms, drills into a figure and exports', () => {
  it('compares NIST and ATP side by side over five years, and by model', async () => {
    await page.goto('/analytics');
    await page.getByTestId('analytics').waitFor();
    await pick(page, platformSelect(), nist.nameZh);
    await pick(page, platformSelect(), atp.nameZh);
    await page.keyboard.press('Escape');
    await callsCard().getByText('表格', { exact: true }).click();
    const table = callsCard().getByRole('table');
    await poll(async () => (await table.getByRole('columnheader').allTextContents()).slice(1, 6)).toEqual(
      years,
    );
    await poll(() => table.getByRole('row', { name: new RegExp(nist.nameZh) }).count()).toBe(1);
    await poll(() => table.getByRole('row', { name: new RegExp(atp.nameZh) }).count()).toBe(1);
    // Cut to one construction model: only the public-private programme is left.
    await pick(page, page.getByTestId('analytics-model'), '政府社会资本合作研究计划');
    await poll(() => table.getByRole('row', { name: new RegExp(nist.nameZh) }).count()).toBe(0);
    await poll(() => table.getByRole('row', { name: new RegExp(atp.nameZh) }).count()).toBe(1);
    await expectAccessible(page, '统计分析（主管部门）');
  });

  it("drills into ATP's calls opened and lands on exactly those calls", async () => {
    const row = callsCard()
      .getByRole('table')
      .getByRole('row', { name: new RegExp(atp.nameZh) });
    const total = row.getByRole('link').last();
    const figure = Number(await total.textContent());
    expect(figure).toBeGreaterThanOrEqual(2);
    await total.click();
    await page.getByTestId('calls-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/calls');
    expect(new URL(page.url()).searchParams.get('platform')).toBe(atp.id);
    const notice = page.getByTestId('drill-notice');
    await poll(() => notice.textContent()).toContain('自统计看板打开');
    await poll(() => notice.textContent()).toContain(`共 ${figure} 条记录`);
    await poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(figure);
  });

  it('downloads the dashboard as XLSX with a sheet per chart', async () => {
    await page.goto('/analytics');
    await page.getByTestId('analytics').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ExcelJS.Buffer);
    // One sheet per chart, numbered: the calls chart is the second of the supervisor's dashboard.
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['2 发布指南数']));
  });

  it("downloads NIST's annual report PDF, in Chinese", async () => {
    await pick(page, platformSelect(), nist.nameZh);
    await page.keyboard.press('Escape');
    const button = page.getByRole('button', { name: '年度报告（PDF）' });
    await poll(() => button.isEnabled()).toBe(true);
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`annual-report-NIST-${year}.pdf`);
    const text = pdfText(await readFile((await file.path())!));
    expect(text).toContain(`${nist.nameZh} ${year} 年度报告`);
    for (const s of ['一、投入', '二、产出', '三、成果转化', '四、服务']) expect(text).toContain(s);
  });

  // The lists of IP and agreements are the keepers' pages, so a platform admin follows these figures.
  // The demo's NIST IP is FY2010–FY2016, before the default five years: the period is given in the URL.
  it("the platform admin drills into NIST's 2013 patents granted and its licences of 2010–2016", async () => {
    expect(problems).toEqual([]); // the supervisor's page, before its profile is left for the admin's
    ({ page, problems } = await stack.newPage());
    await signInAs(page, 'platformadmin');
    await page.goto('/analytics?from=2010&to=2016');
    await page.getByTestId('analytics').waitFor();
    const grants = page.getByTestId('indicator-patents_granted');
    await grants.getByText('表格', { exact: true }).click();
    const headers = () => grants.getByRole('table').getByRole('columnheader').allTextContents();
    await poll(async () => (await headers()).slice(1, 8)).toEqual([
      '2010',
      '2011',
      '2012',
      '2013',
      '2014',
      '2015',
      '2016',
    ]);
    const cell = page.getByTestId('drill-patents_granted-NIST-2013');
    const granted = Number(await cell.textContent());
    expect(granted).toBeGreaterThan(0);
    await cell.click();
    const filings = page.getByTestId('filings-table');
    await filings.waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('tab')]).toEqual(['/techtransfer/ip', 'filings']);
    expect([url.searchParams.get('grantedFrom'), url.searchParams.get('grantedTo')]).toEqual([
      '2013-01-01',
      '2013-12-31',
    ]);
    await poll(() => page.getByTestId('drill-notice').textContent()).toContain(`共 ${granted} 条记录`);
    await expectRowsOverPages(filings, granted);

    // Back on the dashboard (the period kept in its URL), the total of licences executed.
    await page.goBack();
    const licences = page.getByTestId('indicator-licences_executed');
    await licences.getByText('表格', { exact: true }).click();
    const total = page.getByTestId('drill-licences_executed-NIST-total');
    const executed = Number(await total.textContent());
    expect(executed).toBeGreaterThan(20); // more than a page of the list
    await total.click();
    const agreements = page.getByTestId('agreements-table');
    await agreements.waitFor();
    const back = new URL(page.url()).searchParams;
    expect([back.get('kind'), back.get('executedFrom'), back.get('executedTo')]).toEqual([
      'licence',
      '2010-01-01',
      '2016-12-31',
    ]);
    await poll(() => page.getByTestId('drill-notice').textContent()).toContain(`共 ${executed} 条记录`);
    await expectRowsOverPages(agreements, executed);
    // The list is paged on the server, the page in the URL: a reload opens the same last page, its
    // pagination counting every record behind the figure.
    const lastPage = Math.ceil(executed / 20);
    expect(new URL(page.url()).searchParams.get('page')).toBe(String(lastPage));
    await page.reload();
    await agreements.waitFor();
    const wrapper = agreements.locator(
      'xpath=ancestor-or-self::div[contains(@class, "ant-table-wrapper")][1]',
    );
    await poll(() => wrapper.locator('.ant-pagination-item-active').getAttribute('title')).toBe(
      String(lastPage),
    );
    await poll(() => wrapper.locator('.ant-pagination-total-text').textContent()).toBe(
      `共 ${executed} 条记录`,
    );
    await poll(() => agreements.locator('tr.ant-table-row').count()).toBe(executed - (lastPage - 1) * 20);
    expect(problems).toEqual([]);
  }, 180_000);
});

/**
 * That a list holds `figure` rows over all its pages (20 a page, each asked of the server): the full
 * pages before the last and the rows of the last, opened by its page number once its rows have loaded.
 */
async function expectRowsOverPages(table: Locator, figure: number): Promise<void> {
  const rows = table.locator('tr.ant-table-row');
  await poll(() => rows.count()).toBeGreaterThan(0);
  // antd puts the test id on the table, the pagination beside it in the table's wrapper.
  const wrapper = table.locator('xpath=ancestor-or-self::div[contains(@class, "ant-table-wrapper")][1]');
  const pages = wrapper.locator('.ant-pagination-item');
  if ((await pages.count()) === 0) {
    await poll(() => rows.count()).toBe(figure);
    return;
  }
  const last = pages.last();
  const n = Number(await last.getAttribute('title'));
  await last.click();
  await poll(() => last.getAttribute('class')).toContain('ant-pagination-item-active');
  // The last page's rows replace the first page's when the server answers.
  await poll(async () => (n - 1) * 20 + (await rows.count())).toBe(figure);
}
