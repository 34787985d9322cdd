import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { platformByCode } from './calls-support.js';
import { GROUPS_ZH, NAV_EN, NAV_ZH } from './shell-nav.js';
import { chooseLanguage, navGroups, navLabels, poll, type Stack, signInAs, startStack } from './support.js';

/** Each role's home page as a picture, for review (COMMONLAB_SCREENS_DIR, else the system's temp folder). */
const SCREENS = process.env.COMMONLAB_SCREENS_DIR ?? join(tmpdir(), 'commonlab-screens');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const COUNTS = ['platforms', 'myPlatforms', 'myRoles', 'users', 'activeSessions', 'auditEntries'] as const;

describe('application shell (system admin)', () => {
  it('shows the navigation, the platform, and home counts equal to the API numbers', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    expect(await navLabels(page)).toEqual(NAV_ZH);
    expect(await navGroups(page)).toEqual(GROUPS_ZH);
    expect(await page.getByTestId('page-title').textContent()).toBe('工作台');
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

describe('grouped navigation, breadcrumbs, headings and tab titles', () => {
  it('links every entry, names the page in the tab and in a level-1 heading under breadcrumbs', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    await poll(() => page.title()).toBe('工作台 - Commonlab');
    expect(await page.locator('h1').count()).toBe(1);

    // Real links: the href is there to open in a new tab, and it leads to the page on its own.
    const link = page.getByTestId('side-nav').getByRole('link', { name: '审计日志' });
    expect(await link.getAttribute('href')).toBe('/admin/audit');
    const tab = await page.context().newPage();
    await tab.goto((await link.getAttribute('href')) ?? '');
    await poll(() => tab.getByTestId('page-title').textContent()).toBe('审计日志');
    await tab.close();

    await link.click();
    await page.waitForURL('**/admin/audit');
    await poll(() => page.title()).toBe('审计日志 - Commonlab');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('审计日志');
    expect(await page.getByTestId('breadcrumbs').textContent()).toBe('工作台/系统管理/审计日志');
    await page.getByTestId('breadcrumbs').getByRole('link', { name: '工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await chooseLanguage(page, 'English');
    await poll(() => page.title()).toBe('Workbench - Commonlab');
    await chooseLanguage(page, '简体中文');
    expect(problems).toEqual([]);
  });

  // Each role against the server's rules: the entries it can use, and none it cannot.
  const ROLE_MENUS: ReadonlyArray<{ user: string; has: string[]; hasNot: string[] }> = [
    { user: 'expert', has: ['我的评审', '我的专家档案', '机构库'], hasNot: ['我的申请', '项目', '形式审查'] },
    { user: 'supervisor', has: ['项目', '成果转化报告', '审计日志'], hasNot: ['我的申请', '形式审查'] },
    { user: 'enterprise', has: ['成果库', '研发计划', '技术需求'], hasNot: ['我的申请', '项目', '咨询'] },
    { user: 'applicant', has: ['研发计划', '我的申请', '项目'], hasNot: ['形式审查', '成果库'] },
    { user: 'officer', has: ['形式审查', '专家评审', '专家库', '项目'], hasNot: ['我的申请', '用户管理'] },
  ];
  for (const { user, has, hasNot } of ROLE_MENUS) {
    it(`lists for the ${user} only the entries it can use`, async () => {
      const { page, problems } = await stack.newPage();
      await signInAs(page, user);
      const labels = await navLabels(page);
      expect(labels).toEqual(expect.arrayContaining(has));
      for (const label of hasNot) expect(labels, label).not.toContain(label);
      expect(problems).toEqual([]);
    });
  }

  it('opens the published results for an enterprise user from its 成果库 entry', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'enterprise');
    expect(await navGroups(page)).toContain('企业服务');
    await page.getByTestId('side-nav').getByRole('link', { name: '成果库' }).click();
    await page.waitForURL('**/published-results');
    const header = page.getByTestId('page-header');
    await poll(() => header.getByTestId('page-title').textContent()).toBe('成果库');
    expect(problems).toEqual([]);
  });

  it('still opens 我的申请 for a user reaching it from a link, though it is not listed', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'expert');
    await page.goto('/applications');
    await poll(() => page.getByTestId('page-title').textContent()).toBe('我的申请');
    expect(problems).toEqual([]);
  });
});

describe('one platform choice, shared, remembered and in the URL', () => {
  it('shows the ATP officer the waiting application across all its platforms, then remembers ATP', async () => {
    const atp = await platformByCode(stack, 'ATP');
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'officer');
    await page.goto('/screening');
    const table = page.getByTestId('screening-table');
    await poll(() => table.textContent()).toMatch(/ATP-\d{4}-AM-0001/);
    await expectAccessible(page, 'the screening list');
    expect(await page.getByTestId('platform-select').textContent()).toContain('我的全部平台');
    expect(new URL(page.url()).searchParams.get('platform')).toBeNull();

    await page.getByTestId('platform-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '(ATP)' }).click();
    await poll(() => new URL(page.url()).searchParams.get('platform')).toBe(atp);
    await poll(() => table.textContent()).toMatch(/ATP-\d{4}-AM-0001/);

    // Remembered: another list and a later visit open on ATP, and say so in their URL.
    await page.goto('/calls');
    await poll(() => new URL(page.url()).searchParams.get('platform')).toBe(atp);
    await page.goto('/screening');
    await poll(() => new URL(page.url()).searchParams.get('platform')).toBe(atp);
    expect(problems).toEqual([]);
  });
});

describe('home pages of each role, for the record', () => {
  const USERS = ['admin', 'platformadmin', 'supervisor', 'director', 'researcher', 'officer', 'applicant'];
  for (const user of [...USERS, 'expert', 'transfer', 'enterprise', 'auditor']) {
    it(`takes the ${user}'s home at 1,440 × 900 and 1,280 × 800`, async () => {
      mkdirSync(SCREENS, { recursive: true });
      const { page, context } = await stack.newPage();
      await signInAs(page, user);
      await page.getByTestId('page-title').waitFor();
      await page.getByTestId('todos').waitFor();
      await expectAccessible(page, `the ${user}'s workbench`);
      for (const [width, height] of [
        [1440, 900],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        const path = `${SCREENS}/home-${user}-${width}x${height}.png`;
        await page.screenshot({ path });
        expect(statSync(path).size, path).toBeGreaterThan(10_000);
      }
      await context.close();
    });
  }
});
