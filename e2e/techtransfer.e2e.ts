import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInput, modal, pick, pickDate } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';
import { expectTableFits } from './table-fit.js';

let stack: Stack;
let page: Page;
let problems: string[];
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
const usd = (minor: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(
    minor / 100,
  );

beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'transfer');
});
afterAll(async () => {
  await stack?.close();
});

const reportResponse = (r: Response) =>
  r.request().method() === 'GET' && /\/reports\/tech-transfer\?/.test(r.url()) && r.status() === 200;

/** Opens the report page for a period and returns the JSON report the page received. */
async function openReport(query: string) {
  const answered = page.waitForResponse(reportResponse);
  await page.goto(`/techtransfer/reports?platform=${stack.platformId}&${query}`);
  const json = await (await answered).json();
  await page.getByTestId('report-body').waitFor();
  return json;
}

describe('the tech-transfer officer keeps licences and receipts, and the report follows', () => {
  it('sees the tech-transfer pages in the navigation, in Chinese', async () => {
    const labels = await navLabels(page);
    expect(labels).toEqual(
      expect.arrayContaining(['知识产权管理', '期限监控', '合同与许可', '成果转化报告']),
    );
  });

  it('opens on the seven fiscal years ending with the latest that has data, not on empty recent years', async () => {
    const first = await openReport('');
    // NIST's demo records run to December 2019 (FY2020, October to September); today's years hold none.
    expect(first.latestDataDate).toMatch(/^2019-/);
    await page.waitForURL(
      (u) => u.searchParams.get('to') === '2020' && u.searchParams.get('from') === '2014',
    );
    await poll(() => page.getByTestId('report-scope').textContent()).toContain('2013-10-01 – 2020-09-30');
  });

  it('shows the demo NIST figures for fiscal 2010–2016', async () => {
    const report = await openReport('from=2010&to=2016&basis=fiscal');
    expect(report.licenceIncome).toEqual({ amountMinor: 103440000, currency: 'USD' });
    await poll(() => page.getByTestId('report-disclosures').textContent()).toBe('273');
    await poll(() => page.getByTestId('report-applications').textContent()).toBe('151');
    await poll(() => page.getByTestId('report-patents').textContent()).toBe('105');
    await poll(() => page.getByTestId('report-active-licences').textContent()).toBe('266');
    await poll(() => page.getByTestId('report-income').textContent()).toBe('US$1,034,400.00');
    // The three sets are on the page, laid out like the files.
    await page.getByTestId('report-sets').getByRole('tab', { name: 'AUTM' }).click();
    await poll(() => page.getByTestId('report-sets').textContent()).toContain('AUTM 口径许可收入');
    const svg = page.getByTestId('chart-pipeline').locator('svg text');
    await poll(async () => (await svg.allTextContents()).join('|')).toContain('2016');
    await expectAccessible(page, '成果转化报告');
  });

  it('records a licence and a receipt; the report of this year counts both', async () => {
    const before = await openReport(`from=${year}&to=${year}&basis=calendar`);

    await page.goto(`/techtransfer/agreements?platform=${stack.platformId}`);
    const agreements = page.getByTestId('agreements-table');
    await agreements.locator('tr.ant-table-row').first().waitFor();
    await expectAccessible(page, '许可与合同');
    await expectTableFits(page, agreements, '许可与合同列表');
    await page.getByTestId('agreement-new').click();
    const form = modal(page);
    await form.locator('#refNo').fill('E2E-LIC-001');
    await form.locator('#title').fill('光频梳校准技术独占许可');
    await pick(page, 'licenceKind', '发明');
    await pick(page, 'exclusivity', '独占许可');
    await pick(page, 'partnerOrgId', '博尔德光子公司', '博尔德');
    await form.locator('#fieldOfUse').fill('光学计量仪器');
    await form.locator('#territory').fill('美国');
    // Dates are picked in the shared date picker and reach the server as the YYYY-MM-DD they were.
    await pickDate(page, dateInput(form, 'requestDate'), lastWeek);
    await pickDate(page, dateInput(form, 'executionDate'), today);
    const created = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' && r.url().endsWith(`/api/platforms/${stack.platformId}/agreements`),
    );
    await form.getByRole('button', { name: '保存' }).click();
    const agreement = await created;
    expect(agreement.status()).toBe(201);
    const body = await agreement.json();
    expect([body.kind, body.licenceKind, body.exclusivity, body.executionDate]).toEqual([
      'licence',
      'invention',
      'exclusive',
      today,
    ]);
    expect(agreement.request().postDataJSON()).toMatchObject({ requestDate: lastWeek, executionDate: today });

    const drawer = page.getByTestId('agreement-drawer');
    await poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe(
      'E2E-LIC-001 · 光频梳校准技术独占许可',
    );
    await pickDate(page, dateInput(drawer, 'receipt-date'), today);
    await drawer
      .locator('[data-testid="receipt-amount"] input, input[data-testid="receipt-amount"]')
      .first()
      .fill('12345.67');
    const receipt = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/agreements/${body.id}/receipts`),
    );
    await drawer.getByTestId('receipt-save').click();
    const recorded = await receipt;
    expect(recorded.status()).toBe(201);
    expect(recorded.request().postDataJSON().receivedDate).toBe(today);
    await poll(() => drawer.getByTestId('agreement-received').textContent()).toBe(usd(1234567));
    await poll(() => drawer.getByTestId('receipts-table').textContent()).toContain('提成费');

    const after = await openReport(`from=${year}&to=${year}&basis=calendar`);
    expect(after.activeLicences).toBe(before.activeLicences + 1);
    expect(after.licenceIncome.amountMinor).toBe(before.licenceIncome.amountMinor + 1234567);
    await poll(() => page.getByTestId('report-active-licences').textContent()).toBe(
      String(before.activeLicences + 1),
    );
    await poll(() => page.getByTestId('report-income').textContent()).toBe(
      usd(before.licenceIncome.amountMinor + 1234567),
    );
  }, 120_000);

  it('records a disclosure whose shares must add up to 100 %, files a provisional, and sees its deadline', async () => {
    await page.goto(`/techtransfer/ip?platform=${stack.platformId}`);
    const disclosures = page.getByTestId('disclosures-table');
    await disclosures.locator('tr.ant-table-row').first().waitFor();
    await expectAccessible(page, '知识产权');
    await expectTableFits(page, disclosures, '发明披露列表');
    await page.getByTestId('disclosure-new').click();
    const form = modal(page);
    await form.locator('#refNo').fill('E2E-D-001');
    await form.locator('#title').fill('芯片级原子钟的激光稳频方法');
    await pickDate(page, dateInput(form, 'receivedDate'), lastWeek);
    await form.locator('#inventors_0_name').fill('张伟');
    await form.locator('#inventors_0_sharePct').fill('60');
    await form.getByRole('button', { name: '添加发明人' }).click();
    await form.locator('#inventors_1_name').fill('李娜');
    await form.locator('#inventors_1_sharePct').fill('30');
    await poll(() => form.getByTestId('shares-total').textContent()).toBe('份额合计 90%');
    const refused = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/ip/disclosures'),
    );
    await form.getByRole('button', { name: '保存' }).click();
    const bad = await refused;
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors[0].pointer).toMatch(/^\/inventors/);
    const list = await page.request.get(`/api/platforms/${stack.platformId}/ip/disclosures?q=E2E-D-001`);
    expect((await list.json()).total).toBe(0);

    await form.locator('#inventors_1_sharePct').fill('40');
    await poll(() => form.getByTestId('shares-total').textContent()).toBe('份额合计 100%');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/ip/disclosures'),
    );
    await form.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    expect((await created).request().postDataJSON().receivedDate).toBe(lastWeek);

    const drawer = page.getByTestId('disclosure-drawer');
    await poll(() => drawer.getByTestId('inventors-table').textContent()).toContain('李娜');
    await drawer.getByTestId('filing-new').click();
    const filing = modal(page);
    await filing.locator('#jurisdiction').fill('US');
    await pick(page, 'filingType', '临时申请');
    await filing.locator('#applicationNumber').fill('63/555,001');
    await pickDate(page, dateInput(filing, 'filingDate'), today);
    const filed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/filings'),
    );
    await filing.getByRole('button', { name: '保存' }).click();
    expect((await filed).status()).toBe(201);
    expect((await filed).request().postDataJSON().filingDate).toBe(today);
    await poll(() => drawer.getByTestId('family-tree').textContent()).toContain('63/555,001');

    await page.goto(`/techtransfer/docket?platform=${stack.platformId}`);
    const due = page.getByTestId('docket-table').locator('tbody tr', { hasText: 'E2E-D-001' });
    await poll(() => due.textContent()).toContain('正式申请期限（临时申请后 12 个月）');
    expect(await due.textContent()).toContain(`${year + 1}${today.slice(4)}`);
  }, 120_000);

  it('downloads the report as XLSX and PDF', async () => {
    await openReport(`from=${year}&to=${year}&basis=calendar`);
    for (const [id, ext] of [
      ['report-xlsx', 'xlsx'],
      ['report-pdf', 'pdf'],
    ] as const) {
      const answered = page.waitForResponse((r) => r.url().includes(`/reports/tech-transfer.${ext}?`));
      const download = page.waitForEvent('download');
      await page.getByTestId(id).click();
      expect((await answered).status()).toBe(200);
      expect((await download).suggestedFilename()).toBe(`tech-transfer-NIST-${year}-${year}.${ext}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows a supervisor the reports but not the confidential records', async () => {
    const other = await stack.newPage();
    await signInAs(other.page, 'supervisor');
    const labels = await navLabels(other.page);
    expect(labels).toContain('成果转化报告');
    expect(labels).not.toContain('合同与许可');
    expect(labels).not.toContain('知识产权管理');
    await other.page.goto(`/techtransfer/reports?platform=${stack.platformId}&from=2010&to=2016`);
    await poll(() => other.page.getByTestId('report-disclosures').textContent()).toBe('273');
    expect(other.problems).toEqual([]);
  });
});
