import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { confirmPopup, messageText, modal, noModal } from './antd-support.js';
import { openNav, tableRows } from './orgs-support.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  page.setDefaultTimeout(15_000);
  await signInAs(page, 'admin');
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: '/tmp/commonlab-e2e-orgs-people-failed.png' });
});
afterAll(async () => {
  await stack?.close();
});

const personRow = (p: Page, name: string) => tableRows(p, 'people-table').filter({ hasText: name });
const person = (name: string) =>
  stack.ctx.db.selectFrom('people').selectAll().where('name_zh', '=', name).executeTakeFirst();
const orgId = async (name: string) =>
  (
    await stack.ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('name_zh', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
/** Searches and waits for the answer, so the rows acted on next are the search's, not the previous list's. */
const search = async (p: Page, q: string) => {
  await p.getByTestId('people-search').locator('input').fill(q);
  await Promise.all([
    p.waitForResponse((r) => r.url().includes('/api/people?')),
    p.getByTestId('people-search').locator('input').press('Enter'),
  ]);
  await poll(() => p.getByTestId('people-table').locator('.ant-spin-spinning').count()).toBe(0);
};

describe('people directory (system admin)', () => {
  it('adds a person with an organisation from the registry, edits and deletes them', async () => {
    await openNav(page, '人员库');
    // The directory holds more people than one page (the demo experts too); wait for the list itself.
    await tableRows(page, 'people-table').first().waitFor();
    await page.getByRole('button', { name: '新建人员' }).click();
    await modal(page).locator('#nameZh').fill('吴晓');
    await modal(page).locator('#nameEn').fill('Wu Xiao');
    await modal(page).locator('#email').fill('wu.xiao@example');
    await modal(page).locator('#organisationId').fill('斯坦福');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '斯坦福大学',
      })
      .click();
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() =>
      page.locator('.ant-form-item:has(#email) .ant-form-item-explain-error').first().textContent(),
    ).toBe('不是有效的电子邮箱地址');
    await modal(page).locator('#email').fill('wu.xiao@example.org');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => messageText(page)).toBe('已添加 吴晓');
    await noModal(page);
    await search(page, '吴晓');
    await poll(() => personRow(page, '吴晓').textContent()).toContain('斯坦福大学');
    expect(await person('吴晓')).toMatchObject({
      name_en: 'Wu Xiao',
      email: 'wu.xiao@example.org',
      organisation_id: await orgId('斯坦福大学'),
    });

    await personRow(page, '吴晓').getByRole('button', { name: '编辑' }).click();
    await modal(page).locator('#title').fill('教授');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await poll(() => personRow(page, '吴晓').textContent()).toContain('教授');
    await noModal(page);

    // The organisation links to the registry.
    await personRow(page, '吴晓').getByRole('link', { name: '斯坦福大学' }).click();
    await poll(() => page.locator('.ant-drawer-open .ant-drawer-title').textContent()).toBe('斯坦福大学');
    await page.goBack();
    await personRow(page, '吴晓').waitFor();

    await personRow(page, '吴晓').getByRole('button', { name: '删除' }).click();
    await confirmPopup(page, '删除');
    await poll(() => messageText(page)).toBe('已删除 吴晓');
    expect(await person('吴晓')).toBeUndefined();
  });

  it('refuses to delete a person still referenced, in Chinese', async () => {
    await search(page, '陈浩');
    await personRow(page, '陈浩').getByRole('button', { name: '删除' }).click();
    await confirmPopup(page, '删除');
    await poll(() => messageText(page)).toBe('该人员仍被引用，请先移除相关引用');
    expect(await person('陈浩')).toBeDefined();
  });

  it('imports people whose organisations must be in the registry', async () => {
    await search(page, '');
    await page.getByRole('button', { name: '导入' }).click();
    const file = (org: string) =>
      Buffer.from(
        `\uFEFF姓名,英文姓名,职称,邮箱,单位\r\n郑宁,Zheng Ning,研究员,zheng.ning@example.org,${org}\r\n`,
      );
    await modal(page)
      .locator('input[type=file]')
      .setInputFiles({
        name: '人员.csv',
        mimeType: 'text/csv',
        buffer: file('不存在的研究院'),
      });
    await poll(() =>
      page.getByTestId('import-errors').locator('tbody tr.ant-table-row').textContent(),
    ).toContain('机构库中没有该名称或代码的机构');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    expect(await person('郑宁')).toBeUndefined();

    await modal(page).getByRole('button', { name: '重新选择文件' }).click();
    await modal(page)
      .locator('input[type=file]')
      .setInputFiles({
        name: '人员.csv',
        mimeType: 'text/csv',
        buffer: file('麻省理工学院'),
      });
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-result').textContent()).toContain('已导入 1 行');
    await modal(page).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await noModal(page);
    expect((await person('郑宁'))?.organisation_id).toBe(await orgId('麻省理工学院'));
    await search(page, '郑宁');
    await poll(() => personRow(page, '郑宁').textContent()).toContain('麻省理工学院');
    expect(problems).toEqual([]);
  });
});

describe('people directory (other roles)', () => {
  it('a supervisor reads the directory and exports it, without adding, importing or seeing outside contacts', async () => {
    const { page: p, problems: theirs } = await stack.newPage();
    await signInAs(p, 'supervisor');
    expect(await navLabels(p)).toContain('人员库');
    await openNav(p, '人员库');
    await search(p, '陈浩');
    await personRow(p, '陈浩').waitFor();
    expect(await personRow(p, '陈浩').textContent()).toContain('chen.hao@example.org');
    // 郑宁 works on no platform of theirs: the contact is withheld.
    await search(p, '郑宁');
    await poll(() => personRow(p, '郑宁').textContent()).toContain('不公开');
    for (const name of ['新建人员', '导入', '编辑', '删除']) {
      expect(await p.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await p.getByRole('button', { name: '导出 XLSX' }).count()).toBe(1);
    expect(theirs).toEqual([]);
  });

  it('a researcher has no people directory', async () => {
    const { page: p } = await stack.newPage();
    await signInAs(p, 'researcher');
    expect(await navLabels(p)).not.toContain('人员库');
    await p.goto('/registry/people');
    await poll(() => p.locator('.ant-result-403').count()).toBe(1);
  });
});
