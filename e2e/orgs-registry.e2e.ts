import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../server/modules/orgs/orgs.service.js';
import { createPerson } from '../server/modules/people/people.service.js';
import {
  closeDrawer,
  confirmedRequest,
  drawer,
  fieldError,
  messageText,
  modal,
  noModal,
  pick,
} from './antd-support.js';
import { mistypedCreditCode, openNav, tableRows, validCreditCode } from './orgs-support.js';
import {
  chooseLanguage,
  DEMO_PASSWORD,
  navLabels,
  poll,
  type Stack,
  signInAs,
  startStack,
} from './support.js';

let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  // A step that cannot happen fails on its own line rather than as the whole test's timeout.
  page.setDefaultTimeout(15_000);
  await signInAs(page, 'admin');
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: '/tmp/commonlab-e2e-orgs-registry-failed.png' });
});
afterAll(async () => {
  await stack?.close();
});

/** GET as a demo user through the real API (session cookie from a real sign-in). */
async function getAs(username: string, url: string) {
  const login = await stack.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await stack.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
}
const search = async (q: string) => {
  await page.getByTestId('org-search').locator('input').fill(q);
  await page.getByTestId('org-search').locator('input').press('Enter');
};
const NANO = '苏州纳米新材料科技有限公司';
const NANO_DEV = '苏州纳米新材料科技发展有限公司';
const orgsNamed = (name: string) =>
  stack.ctx.db.selectFrom('organisations').selectAll().where('name_zh', '=', name).execute();

describe('organisation registry (system admin)', () => {
  it('checks the credit code as it is typed, saves nothing while it is wrong, then registers the organisation', async () => {
    await createOrg(stack.ctx, {
      nameZh: '苏州已登记科技有限公司',
      type: 'enterprise',
      enterpriseSize: 'large',
      creditCode: validCreditCode(2),
    });
    await openNav(page, '机构库');
    await tableRows(page, 'orgs-table').first().waitFor();
    await page.getByRole('button', { name: '新建机构' }).click();
    await modal(page).locator('#nameZh').fill(NANO);

    // The size belongs to enterprises only.
    await pick(page, 'type', '高校');
    expect(await modal(page).locator('#enterpriseSize').count()).toBe(0);
    await pick(page, 'type', '企业');
    await pick(page, 'enterpriseSize', '中小企业');

    const code = modal(page).locator('#creditCode');
    await code.fill('9132050');
    await poll(() => fieldError(page, 'creditCode')).toBe('统一社会信用代码须为 18 位');
    await code.fill(mistypedCreditCode(1));
    await poll(() => fieldError(page, 'creditCode')).toBe('校验码（第 18 位）不匹配，代码可能输入有误');
    await code.fill(`${validCreditCode(1).slice(0, 2)}O${validCreditCode(1).slice(3)}`);
    await poll(() => fieldError(page, 'creditCode')).toBe('只允许数字和除 I、O、Z、S、V 以外的大写字母');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => fieldError(page, 'creditCode')).toBe('只允许数字和除 I、O、Z、S、V 以外的大写字母');
    expect(await modal(page).count()).toBe(1);
    expect(await orgsNamed(NANO)).toEqual([]);

    // A valid code that is already registered: the server's 409 lands under the field.
    await code.fill(validCreditCode(2));
    await poll(() =>
      modal(page).locator('.ant-form-item:has(#creditCode) .ant-form-item-explain-error').count(),
    ).toBe(0);
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => fieldError(page, 'creditCode')).toBe('已存在使用该统一社会信用代码的机构');
    expect(await orgsNamed(NANO)).toEqual([]);

    await code.fill(validCreditCode(1));
    await modal(page).locator('#contactName').fill('张敏');
    await modal(page).locator('#contactPhone').fill('0512-6688 1234');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => messageText(page)).toBe(`已登记 ${NANO}`);
    await noModal(page);
    await poll(() => drawer(page).getByTestId('org-detail').textContent()).toContain(validCreditCode(1));
    expect(await drawer(page).textContent()).toContain('张敏');

    // Editing starts from the saved values.
    await drawer(page).getByRole('button', { name: '编辑' }).click();
    expect(await modal(page).locator('#nameZh').inputValue()).toBe(NANO);
    expect(await modal(page).locator('#creditCode').inputValue()).toBe(validCreditCode(1));
    await modal(page).locator('#address').fill('苏州工业园区星湖街 328 号');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await poll(() => messageText(page)).toBe(`已保存 ${NANO}`);
    await noModal(page);
    await poll(() => drawer(page).getByTestId('org-detail').textContent()).toContain(
      '苏州工业园区星湖街 328 号',
    );
    const [saved] = await orgsNamed(NANO);
    expect(saved).toMatchObject({
      credit_code: validCreditCode(1),
      enterprise_size: 'sme',
      type: 'enterprise',
    });
    await closeDrawer(page);

    // Search and filters.
    await search('苏州');
    await poll(() => tableRows(page, 'orgs-table').allTextContents()).toEqual([
      expect.stringContaining('苏州已登记科技有限公司'),
      expect.stringContaining(NANO),
    ]);
    await search(validCreditCode(1));
    await poll(() => tableRows(page, 'orgs-table').count()).toBe(1);
    await search('苏州');
    await page.getByTestId('org-size-filter').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '大型企业' })
      .click();
    await poll(() => tableRows(page, 'orgs-table').allTextContents()).toEqual([
      expect.stringContaining('苏州已登记科技有限公司'),
    ]);
    await page.getByTestId('org-size-filter').locator('.ant-select-clear').click();
    await poll(() => tableRows(page, 'orgs-table').count()).toBe(2);
  });

  it('finds near-identical names, merges the duplicate into the one kept and moves its references', async () => {
    const dup = await createOrg(stack.ctx, {
      nameZh: NANO_DEV,
      nameEn: 'Suzhou Nano Materials Development',
      type: 'enterprise',
      enterpriseSize: 'sme',
      website: 'https://nano.example.cn',
    });
    const person = await createPerson(stack.ctx, { nameZh: '钱伟', organisationId: dup.id });
    const [kept] = await orgsNamed(NANO);

    await page.getByRole('tab', { name: '疑似重复' }).click();
    const group = page.getByTestId('duplicate-group').filter({ hasText: NANO_DEV });
    await group.waitFor();
    expect(await group.textContent()).toContain('名称几乎相同');
    // The one with a credit code is kept by default.
    const keptRow = group.locator('tr.ant-table-row', { hasText: NANO }).filter({ hasNotText: NANO_DEV });
    expect(await keptRow.locator('.ant-radio-wrapper-checked').count()).toBe(1);
    await group.getByTestId('merge-reason').fill('同一家企业，名称录入不一致');
    const merged = await confirmedRequest(
      page,
      group.getByRole('button', { name: '合并到保留的机构' }),
      '合并',
      /\/api\/orgs\/[^/]+\/merge$/,
    );
    expect(merged.status()).toBe(200);
    const summary = page.getByTestId('merge-summary');
    await poll(() => summary.textContent()).toContain(`已将 ${NANO_DEV} 合并到 ${NANO}`);
    expect(await summary.textContent()).toContain('转移的引用：人员 1');
    expect(await summary.textContent()).toContain('补全的字段：英文名称、网站');
    await poll(() => page.getByTestId('duplicate-group').filter({ hasText: NANO_DEV }).count()).toBe(0);

    // The merged one has left the list; the survivor stays, and shows the moved reference.
    await page.getByRole('tab', { name: '全部机构' }).click();
    await search('苏州纳米');
    await poll(() => tableRows(page, 'orgs-table').allTextContents()).toEqual([
      expect.stringContaining(NANO),
    ]);
    await page.getByTestId('org-include-merged').click();
    const mergedRow = tableRows(page, 'orgs-table').filter({ hasText: NANO_DEV });
    await poll(() => mergedRow.textContent()).toContain('已合并');
    await mergedRow.getByRole('link', { name: '查看保留的机构' }).click();
    await poll(() => drawer(page).locator('.ant-drawer-title').textContent()).toBe(NANO);
    await poll(() => drawer(page).getByTestId('org-references').textContent()).toContain('人员1');
    expect(await drawer(page).textContent()).toContain('Suzhou Nano Materials Development');
    await closeDrawer(page);

    const api = await getAs('admin', `/api/orgs/${dup.id}`);
    expect(api.body).toMatchObject({ mergedIntoId: kept!.id, mergedInto: { nameZh: NANO } });
    expect(
      (await getAs('admin', '/api/orgs?q=苏州纳米')).body.items.map((o: { id: string }) => o.id),
    ).toEqual([kept!.id]);
    expect((await getAs('admin', `/api/people/${person.id}`)).body.organisation.id).toBe(kept!.id);
    expect(problems).toEqual([]);
  });
});

describe('organisation registry (expert: read-only)', () => {
  it('reads and exports the registry but cannot change it, and sees no contacts', async () => {
    const { page: p, problems: expertProblems } = await stack.newPage();
    await signInAs(p, 'expert');
    const labels = await navLabels(p);
    expect(labels).toContain('机构库');
    expect(labels).not.toContain('人员库');
    await openNav(p, '机构库');
    await tableRows(p, 'orgs-table').first().waitFor();
    expect(await p.getByRole('button', { name: '导出 CSV' }).count()).toBe(1);
    for (const name of ['新建机构', '导入', '编辑']) {
      expect(await p.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await p.getByRole('tab', { name: '疑似重复' }).count()).toBe(0);
    expect(await p.getByTestId('orgs-table').textContent()).not.toContain('联系人');

    await p.getByTestId('org-search').locator('input').fill('苏州纳米');
    await p.getByTestId('org-search').locator('input').press('Enter');
    await p.getByTestId('orgs-table').getByText(NANO, { exact: true }).click();
    await poll(() => drawer(p).getByTestId('org-detail').textContent()).toContain(validCreditCode(1));
    expect(await drawer(p).textContent()).not.toContain('张敏');
    expect(await drawer(p).getByRole('button', { name: '编辑' }).count()).toBe(0);

    // Read in English, the registry shows English names and is sorted by them.
    await closeDrawer(p);
    await chooseLanguage(p, 'English');
    await p.getByTestId('org-search').locator('input').fill('');
    await p.getByTestId('org-search').locator('input').press('Enter');
    const shown = () => tableRows(p, 'orgs-table').locator('a.ant-typography').allTextContents();
    const byEnglish = (names: string[]) =>
      [...names].sort((a, b) =>
        a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
      );
    await poll(async () => /^[\x20-\x7e]/.test((await shown())[0] ?? '')).toBe(true);
    const names = await shown();
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(byEnglish(names));
    await chooseLanguage(p, '简体中文');

    expect((await getAs('expert', '/api/orgs/duplicates')).status).toBe(403);
    await p.goto('/registry/people');
    await poll(() => p.locator('.ant-result-403').count()).toBe(1);
    expect(expertProblems).toEqual([]);
  });
});
