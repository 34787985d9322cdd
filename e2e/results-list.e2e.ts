import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../server/modules/imports/sheet.js';
import { pick } from './antd-support.js';
import { tableRows } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The staff results list (成果库): its filters and search live in the URL (reload, back/forward and a
// shared link open the same list), and 导出 downloads the list as shown (docs/exports.md).
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('the results list', () => {
  it('keeps its filters in the URL and exports what it shows', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'transfer');
    await page.goto('/results');
    const rows = tableRows(page, 'results-table');
    await poll(() => rows.count()).toBeGreaterThan(1);
    const typeBox = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '类型' }) });
    const params = () => new URL(page.url()).searchParams;

    await pick(page, typeBox, '软件');
    await poll(() => params().get('type')).toBe('software');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('火灾动力学模拟器');

    await page.goBack();
    await poll(() => params().get('type')).toBe(null);
    await poll(() => rows.count()).toBeGreaterThan(1);
    await page.goForward();
    await poll(() => params().get('type')).toBe('software');
    await poll(() => rows.count()).toBe(1);

    const search = page.getByRole('searchbox', { name: '搜索成果', exact: true });
    await search.fill('火灾');
    await search.press('Enter');
    await poll(() => params().get('q')).toBe('火灾');
    expect(params().get('type')).toBe('software');

    await page.reload();
    await poll(() => rows.count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: '搜索成果', exact: true }).inputValue()).toBe('火灾');
    expect(await typeBox.textContent()).toContain('软件');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^results-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(await readFile((await file.path())!));
    expect(sheet.headers.slice(0, 3)).toEqual(['成果名称', '类型', '状态']);
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(['火灾动力学模拟器（FDS）']);
    expect(problems).toEqual([]);
  });
});
