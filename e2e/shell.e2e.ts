import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, navLabels, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const NAV_ZH = [
  '首页',
  '平台',
  '组织架构图',
  '平台对比',
  '研发计划',
  '我的申请',
  '形式审查',
  '项目',
  '专家评审',
  '专家库',
  '机构库',
  '人员库',
  '知识产权管理',
  '期限监控',
  '合同与许可',
  '成果转化报告',
  '成果库',
  '咨询',
  '技术领域',
  '用户管理',
  '审计日志',
];
const NAV_EN = [
  'Home',
  'Platforms',
  'Organisation chart',
  'Platform comparison',
  'Calls',
  'My applications',
  'Screening',
  'Projects',
  'Expert review',
  'Expert database',
  'Organisation registry',
  'People directory',
  'IP pipeline',
  'Docket',
  'Agreements',
  'Tech-transfer reports',
  'Results catalog',
  'Inquiries',
  'Technology fields',
  'Users',
  'Audit log',
];
const COUNTS = ['platforms', 'myPlatforms', 'myRoles', 'users', 'activeSessions', 'auditEntries'] as const;

describe('application shell (system admin)', () => {
  it('shows the navigation, the platform, and home counts equal to the API numbers', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    expect(await navLabels(page)).toEqual(NAV_ZH);
    expect(await page.getByTestId('page-title').textContent()).toBe('首页');
    expect(await page.getByTestId('platform-context').textContent()).toContain('美国国家标准与技术研究院');

    await page.getByTestId('count-auditEntries').locator('.ant-statistic-content-value').waitFor();
    const summary = (await (await page.request.get('/api/home/summary')).json()) as Record<
      string,
      number | null
    >;
    for (const key of COUNTS) {
      expect(summary[key], key).not.toBeNull();
      const shown = await page
        .getByTestId(`count-${key}`)
        .locator('.ant-statistic-content-value')
        .textContent();
      expect(Number(shown?.replace(/[^\d]/g, '')), key).toBe(summary[key]);
    }
    // The API itself is held to the database, so UI and API cannot agree on a wrong number.
    const count = async (table: 'users' | 'platforms') =>
      Number(
        (
          await stack.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(summary.users).toBe(await count('users'));
    expect(summary.platforms).toBe(await count('platforms'));
    // The admin reads its own platform's trail; the whole log is the audit admin's (docs/adr/0014).
    const onPlatform = await stack.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('platform_id', '=', stack.platformId)
      .executeTakeFirstOrThrow();
    expect(summary.auditEntries).toBe(Number(onPlatform.n));

    const myRoles = page.getByTestId('my-roles');
    expect(await myRoles.textContent()).toContain('美国国家标准与技术研究院');
    expect(await myRoles.textContent()).toContain('平台管理员');
    expect(await page.getByTestId('platform-list').textContent()).toContain('政府研究机构');

    await page.screenshot({ path: '/tmp/commonlab-home.png', fullPage: true });
    expect(problems).toEqual([]);
  });

  it('has a user menu with identity, roles, account pages and sign-out', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'admin');
    await page.getByTestId('user-menu').click();
    const identity = page.getByTestId('user-menu-identity');
    await identity.waitFor();
    expect(await identity.textContent()).toContain('系统管理员 Admin');
    expect(await identity.textContent()).toContain('平台管理员');
    await page.getByRole('menuitem', { name: 'API 令牌' }).click();
    await page.waitForURL('**/account/tokens');
    await poll(() => page.getByTestId('page-title').textContent()).toBe('API 令牌');
  });

  it('switches to English, keeps it after a reload and saves it to the account', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    await chooseLanguage(page, 'English');
    await poll(() => navLabels(page)).toEqual(NAV_EN);
    await poll(() => page.locator('html').getAttribute('lang')).toBe('en-US');

    await page.reload();
    await poll(() => navLabels(page)).toEqual(NAV_EN);
    expect(await page.getByTestId('count-platforms').textContent()).toContain('Platforms');
    // antd's own texts follow too (table empty/pagination strings come from its locale).
    await expect
      .poll(async () => (await (await page.request.get('/api/auth/session')).json()).user.locale)
      .toBe('en-US');

    // A fresh device without a stored choice starts in the language saved to the account.
    const other = await stack.newPage();
    await signInAs(other.page, 'admin');
    await poll(() => navLabels(other.page)).toEqual(NAV_EN);
    await chooseLanguage(other.page, '简体中文');
    await poll(() => navLabels(other.page)).toEqual(NAV_ZH);
    expect(problems).toEqual([]);
  });

  it('signs out back to the sign-in page and ends the session on the server', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'admin');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/sign-in');
    await poll(() => page.getByRole('heading', { level: 3 }).textContent()).toBe('登录');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
  });
});
