import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectInExecution } from '../server/modules/projects/projects.fixtures.js';
import { tableRows } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The projects list (项目管理) keeps every filter, the search text and the page in the URL, as the results
// list does: a reload, back/forward and a shared link open the same list (in Chinese).
let stack: Stack;
let code: string;
beforeAll(async () => {
  stack = await startStack();
  // Enough projects on the demo platform for a second page of 20.
  for (let i = 0; i < 21; i++) code = (await buildProjectInExecution(stack.ctx, stack.platformId)).code;
});
afterAll(async () => {
  await stack?.close();
});

describe('the projects list', () => {
  it('keeps its kind, search and page in the URL through reload and back/forward', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'officer');
    await page.goto(`/projects?platform=${stack.platformId}&pageSize=20`);
    const rows = tableRows(page, 'projects-table');
    const params = () => new URL(page.url()).searchParams;
    const pageTwo = page.locator('.ant-pagination-item-2');
    const extramural = page.getByRole('radio', { name: '外部计划' });
    await poll(() => rows.count()).toBe(20);

    await pageTwo.click();
    await poll(() => params().get('page')).toBe('2');
    await poll(() => pageTwo.getAttribute('class')).toContain('ant-pagination-item-active');

    // A filter starts again at the first page, in the same URL change.
    await page.locator('.ant-segmented-item', { hasText: '外部计划' }).click();
    await poll(() => params().get('kind')).toBe('extramural');
    expect(params().get('page')).toBe(null);
    await poll(() => extramural.isChecked()).toBe(true);

    const search = page.getByRole('searchbox', { name: '编号或名称' });
    await search.fill(code);
    await search.press('Enter');
    await poll(() => params().get('q')).toBe(code);
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(code);

    // Back: the kind alone, then the second page of every kind; forward again: the search.
    await page.goBack();
    await poll(() => params().get('q')).toBe(null);
    expect(params().get('kind')).toBe('extramural');
    await poll(() => search.inputValue()).toBe('');
    await page.goBack();
    await poll(() => params().get('page')).toBe('2');
    expect(params().get('kind')).toBe(null);
    await poll(() => pageTwo.getAttribute('class')).toContain('ant-pagination-item-active');
    await poll(() => extramural.isChecked()).toBe(false);
    await page.goForward();
    await page.goForward();
    await poll(() => params().get('q')).toBe(code);
    await poll(() => rows.count()).toBe(1);

    // A reload (or the link shared) opens the same list, its controls showing the filters.
    await page.reload();
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(code);
    expect(await page.getByRole('searchbox', { name: '编号或名称' }).inputValue()).toBe(code);
    expect(await page.getByRole('radio', { name: '外部计划' }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
  });
});
