import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartText, openTab, row } from './platforms-support.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const forbidden = async (page: Awaited<ReturnType<Stack['newPage']>>['page'], path: string) => {
  await page.goto(path);
  await poll(() => page.locator('.ant-result-403').count()).toBe(1);
  expect(await page.locator('.ant-result-403').textContent()).toContain('您无权执行此操作');
};

describe('what a researcher of NIST may do with platforms', () => {
  it('reads the platform, its units, staff and committee, but finds nothing to edit', async () => {
    const { page, problems } = await stack.newPage();
    // A researcher may not list people: no page it opens asks for them (issue 12 item 15, a 403 each visit).
    const peopleAsked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/people') peopleAsked.push(r.url());
    });
    await signInAs(page, 'researcher');
    const labels = await navLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['平台', '组织架构图', '平台对比']));
    expect(labels).not.toContain('技术领域');

    await page.goto(`/platforms/${stack.platformId}`);
    await page.getByTestId('platform-profile').waitFor();
    expect(await page.getByTestId('illustrative-note').textContent()).toContain('示例数据');
    expect(await page.getByTestId('edit-platform').count()).toBe(0);

    await openTab(page, '经费来源');
    await page.getByTestId('funding-table').waitFor();
    expect(await page.getByTestId('edit-funding').count()).toBe(0);
    expect(await page.getByTestId('funding-table').textContent()).toContain('US$964,000,000.00');

    await openTab(page, '覆盖领域');
    await page.getByTestId('platform-fields-tree').waitFor();
    expect(await page.getByTestId('platform-fields-select').count()).toBe(0);

    await openTab(page, '下设机构');
    await poll(() => row(page, 'units-table', '信息科技实验室').textContent()).toContain('陈浩');
    expect(await page.getByTestId('add-unit').count()).toBe(0);
    expect(await page.getByTestId('units-table').getByRole('button', { name: '编辑' }).count()).toBe(0);
    expect(await page.getByTestId('units-table').getByRole('button', { name: '删除' }).count()).toBe(0);
    await row(page, 'units-table', '信息科技实验室').getByRole('button', { name: '职员' }).click();
    await poll(() => row(page, 'staff-table', '刘洋').textContent()).toContain('研究人员');
    expect(await page.getByTestId('add-staff-form').count()).toBe(0);
    expect(await page.getByTestId('staff-table').getByRole('button', { name: '移除' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await openTab(page, '评估委员会');
    await poll(() => page.getByTestId('committee-table').locator('tbody tr.ant-table-row').count()).toBe(6);
    expect(await page.getByTestId('appoint-member').count()).toBe(0);
    expect(await page.getByTestId('committee-table').getByRole('button', { name: '结束任期' }).count()).toBe(
      0,
    );
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0);
    expect(await chartText(page, 'composition-chart')).toMatch(
      /顶尖学术研究者.*重点实验室管理和研究人员.*产业界人士/,
    );

    // Typed addresses of the admin pages answer 403.
    await forbidden(page, `/platforms/${stack.platformId}/edit`);
    await forbidden(page, '/platforms/new');
    await forbidden(page, '/admin/fields');
    expect(peopleAsked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('sees the directors in NIST’s organisation chart (a role on the platform)', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'researcher');
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '组织架构图' }).click();
    await poll(() => page.getByTestId('org-chart-title').textContent()).toBe('美国国家标准与技术研究院');
    const drawn = await chartText(page, 'org-chart');
    expect(drawn).toContain('实验室 · 主任 陈浩');
    expect(drawn).toContain('负责评估 · 6 人');
    expect(await page.getByTestId('org-chart-units').locator('li').count()).toBe(7);
    await page.screenshot({ path: '/tmp/commonlab-orgchart.png', fullPage: true });
    expect(problems).toEqual([]);
  });

  it('an expert of NIST sees the committee composition but no members of another platform', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'expert');
    const items = (await (await page.request.get('/api/platforms')).json()).items as Array<{
      id: string;
      code: string;
    }>;
    const atp = items.find((p) => p.code === 'ATP')!;
    await page.goto(`/platforms/${atp.id}/committee`);
    await page.getByTestId('committee-tab').waitFor();
    expect(await page.getByTestId('committee-tab').textContent()).toContain(
      '委员名单仅对在本平台担任角色的用户可见',
    );
    expect(await page.getByTestId('committee-table').count()).toBe(0);
  });
});
