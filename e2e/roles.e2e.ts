import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function shownCounts(stackPage: Awaited<ReturnType<Stack['newPage']>>['page']): Promise<string[]> {
  const cards = stackPage.getByTestId('home-counts').locator('[data-testid^="count-"]');
  await stackPage.getByTestId('count-platforms').locator('.ant-statistic-content-value').waitFor();
  return cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('count-'.length)));
}

describe('what each role sees', () => {
  it('an expert sees neither Users nor Audit log, nor the counts the server withholds', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'expert');
    expect(await navLabels(page)).toEqual([
      '工作台',
      '平台',
      '组织架构图',
      '研发计划',
      '我的评审',
      '我的项目检查评审',
      '我的专家档案',
      '技术需求',
      '平台对比',
      '机构库',
    ]);
    expect(await shownCounts(page)).toEqual(['platforms', 'myPlatforms', 'myRoles']);
    expect(await page.getByTestId('my-roles').textContent()).toContain('评审专家');

    // Typing the address does not open the page either.
    await page.goto('/admin/users');
    await poll(() => page.locator('.ant-result-403').count()).toBe(1);
    expect(await page.locator('body').textContent()).toContain('您无权执行此操作');

    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('user-menu-identity').textContent()).toContain('评审专家 Wu Fang');
    expect(problems).toEqual([]);
  });

  it('a supervisor reads the audit log but does not manage users', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'supervisor');
    expect(await navLabels(page)).toEqual([
      '工作台',
      '平台',
      '组织架构图',
      '研发计划',
      '项目',
      '项目组合',
      '报告提交情况',
      '成果库',
      '创新券方案',
      '创新券兑付',
      '创新券结算',
      '创新券风险信号',
      '技术需求',
      '平台对比',
      '成果转化报告',
      '单位评估',
      '统计看板',
      '机构库',
      '人员库',
      '审计日志',
    ]);
    expect(await shownCounts(page)).toEqual(['platforms', 'myPlatforms', 'myRoles', 'auditEntries']);
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    // Verifying the chain is for system admins only.
    expect(await page.getByRole('button', { name: '校验哈希链' }).count()).toBe(0);
  });

  it('a platform admin manages roles on their platform but cannot create or disable accounts', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'platformadmin');
    expect(await navLabels(page)).toEqual([
      '工作台',
      '平台',
      '组织架构图',
      '研发计划',
      '形式审查',
      '专家评审',
      '专家库',
      '项目',
      '项目组合',
      '报告提交情况',
      '知识产权管理',
      '期限监控',
      '合同与许可',
      '成果库',
      '咨询',
      '服务工单',
      '服务目录管理',
      '预约审批',
      '仪器管理',
      '创新券兑付',
      '创新券结算',
      '技术需求',
      '平台对比',
      '成果转化报告',
      '单位评估',
      '统计看板',
      '机构库',
      '人员库',
      '通知公告',
      '用户管理',
      '注册审核',
      '审计日志',
    ]);
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '用户管理' }).click();
    const rows = page.getByTestId('users-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByRole('button', { name: '编辑角色' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /新建用户/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '停用' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '重置密码' }).count()).toBe(0);
  });
});
