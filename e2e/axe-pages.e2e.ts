import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../common/privacy.js';
import { createInquiry } from '../server/modules/inquiries/inquiries.service.js';
import { expectAccessible } from './axe.js';
import { platformByCode } from './calls-support.js';
import { type Stack, signInAs, startStack } from './support.js';

// axe (e2e/axe.ts: 0 critical, 0 serious) on the pages no other browser test visits with it (issue 12),
// each opened by the role that works on it, once its data is shown, and with the drawer, modal or tab
// that is its main use open. The pages the other browser tests check are listed in docs/workbench.md.

let stack: Stack;
const opened: { page: Page; problems: string[] }[] = [];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** A fresh profile signed in as the demo account, or signed out when none is given. */
async function as(username?: string): Promise<Page> {
  const p = await stack.newPage();
  p.page.setDefaultTimeout(20_000);
  opened.push(p);
  if (username) await signInAs(p.page, username);
  return p.page;
}

/** The row an empty table shows (暂无数据). */
const emptyRow = (page: Page, testId: string) =>
  page.getByTestId(testId).getByRole('row').filter({ hasText: '暂无数据' });
/** The first data row of a table (a row with cells, not the header's nor the empty table's). */
const firstRow = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .filter({ hasNotText: '暂无数据' })
    .first();

describe('axe on the pages no other browser test checks', () => {
  it('the sign-in page and the public registration', async () => {
    const page = await as();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await page.getByRole('link', { name: '注册账号' }).click();
    await page.getByLabel('姓名').waitFor();
    await page.getByRole('radio', { name: '登记新单位' }).check();
    await page.getByLabel('统一社会信用代码').waitFor();
    await expectAccessible(page, 'the public registration');
  });

  it('projects, portfolio, results, inquiries, docket and needs (program and transfer officers)', async () => {
    const officer = await as('officer');
    await officer.goto('/projects');
    await firstRow(officer, 'projects-table').waitFor();
    await expectAccessible(officer, 'the projects list');
    await officer.goto(`/portfolio?platform=${stack.platformId}`);
    await officer.getByTestId('portfolio-total').waitFor();
    await expectAccessible(officer, 'the portfolio (chart)');
    await officer.getByTestId('portfolio-view').getByText('表格').click();
    await firstRow(officer, 'portfolio-table').waitFor();
    await expectAccessible(officer, 'the portfolio (table)');

    const transfer = await as('transfer');
    await transfer.goto('/results');
    await firstRow(transfer, 'results-table').waitFor();
    await expectAccessible(transfer, 'the results list');
    // The demo has no inquiry: a visitor asks about a published result, which the officer then opens.
    const result = await stack.ctx.db
      .selectFrom('results')
      .select(['id', 'platform_id'])
      .where('visibility', '=', 'public')
      .where('state', '=', 'published')
      .orderBy('title_zh')
      .executeTakeFirstOrThrow();
    await createInquiry(stack.ctx, result.id, {
      kind: 'licensing',
      name: '林晓',
      organisation: '济南精工传感有限公司',
      email: 'lin.xiao@example.com',
      message: '希望了解该成果的许可条件与费用。',
      locale: 'zh-CN',
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    await transfer.goto(`/inquiries?platform=${result.platform_id}`);
    await firstRow(transfer, 'inquiries-table').waitFor();
    await expectAccessible(transfer, 'the inquiries');
    // The row opens from the keyboard as from a click (openableRow): a tab stop that Enter opens.
    const inquiryRow = firstRow(transfer, 'inquiries-table').filter({ hasText: '林晓' });
    await inquiryRow.focus();
    await transfer.keyboard.press('Enter');
    await transfer.getByRole('dialog').getByText('希望了解该成果的许可条件与费用。').waitFor();
    await expectAccessible(transfer, 'an inquiry');
    await transfer.goto(`/techtransfer/docket?platform=${stack.platformId}`);
    await transfer.getByTestId('docket-table').getByRole('table').waitFor();
    // Both inputs of the date range carry a name of their own (web/components/DateRange.tsx).
    await transfer.getByRole('textbox', { name: '到期日期：开始日期' }).waitFor();
    await transfer.getByRole('textbox', { name: '到期日期：结束日期' }).waitFor();
    await expectAccessible(transfer, 'the docket');
    await transfer.goto('/needs');
    await transfer.getByRole('tab', { name: '待跟进需求' }).click();
    await emptyRow(transfer, 'needs-attention').waitFor();
    await expectAccessible(transfer, 'the needs to follow up');
  });

  it('needs and the services catalog (enterprise), the catalog management (platform admin)', async () => {
    const enterprise = await as('enterprise');
    await enterprise.goto('/needs');
    await enterprise.getByRole('tab', { name: '我的需求' }).waitFor();
    await emptyRow(enterprise, 'my-needs').waitFor();
    await expectAccessible(enterprise, 'my needs');
    await enterprise.goto('/services/browse');
    await enterprise.getByTestId('service-ask').first().click();
    await enterprise.getByTestId('ask-description').waitFor();
    await expectAccessible(enterprise, 'the services catalog asking for a service');

    const keeper = await as('platformadmin');
    await keeper.goto('/services/catalog');
    await keeper.getByTestId('page-title').waitFor();
    await keeper.getByRole('row').nth(1).waitFor();
    await expectAccessible(keeper, 'the service catalog management');
    await keeper.goto('/admin/registrations');
    await keeper.getByTestId('registrations-table').getByRole('table').waitFor();
    await expectAccessible(keeper, '注册审核');
  });

  it('the registries, the taxonomy, a unit and the committee (system admin)', async () => {
    const admin = await as('admin');
    await admin.goto('/registry/people');
    await firstRow(admin, 'people-table').waitFor();
    await expectAccessible(admin, 'the people directory');
    await firstRow(admin, 'people-table').getByRole('button', { name: '编辑' }).click();
    await admin.getByRole('dialog').getByLabel('姓名').first().waitFor();
    await expectAccessible(admin, "a person's edit form");
    await admin.keyboard.press('Escape');

    await admin.goto('/registry/orgs');
    await firstRow(admin, 'orgs-table').waitFor();
    await expectAccessible(admin, 'the organisation registry');
    await admin.goto('/admin/fields');
    await firstRow(admin, 'fields-table').waitFor();
    await expectAccessible(admin, 'the technology fields');

    const nist = await platformByCode(stack, 'NIST');
    await admin.goto(`/platforms/${nist}/units`);
    await firstRow(admin, 'units-table').waitFor();
    await expectAccessible(admin, "a platform's units");
    await firstRow(admin, 'units-table').getByRole('button', { name: '职员' }).click();
    await admin.getByTestId('unit-drawer').getByRole('tab', { name: '评估结果' }).click();
    await admin.getByTestId('unit-eval-chart').locator('svg').first().waitFor();
    await expectAccessible(admin, "a unit's evaluation chart");
    await admin.goto(`/platforms/${nist}/committee`);
    await firstRow(admin, 'committee-table').waitFor();
    await expectAccessible(admin, "a platform's committee");
  });

  it("API tokens, security events and the audit log's period", async () => {
    const researcher = await as('researcher');
    await researcher.goto('/account/tokens');
    await emptyRow(researcher, 'tokens-table').waitFor();
    await expectAccessible(researcher, 'the API tokens');
    await researcher.getByRole('button', { name: '新建令牌' }).click();
    await researcher.getByRole('dialog').getByLabel('名称').waitFor();
    await expectAccessible(researcher, 'a new API token');
    // A refused request, which the security administrator's list then shows.
    expect((await researcher.request.get('/api/users')).status()).toBe(403);

    const security = await as('security');
    await security.goto('/admin/security-events');
    await firstRow(security, 'security-events-table').waitFor();
    await expectAccessible(security, 'the security events');

    // A date range inside a labelled form item names both its inputs too (the audit log's 时间).
    const auditor = await as('auditor');
    await auditor.goto('/admin/audit');
    await auditor.getByRole('textbox', { name: '时间：开始日期' }).waitFor();
    await auditor.getByRole('textbox', { name: '时间：结束日期' }).waitFor();
    expect(opened.flatMap((p) => p.problems)).toEqual([]);
  });
});
