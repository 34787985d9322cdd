import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../server/modules/imports/sheet.js';
import { confirmPopup, fieldError, messageText, modal, pick } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'admin');
});
afterAll(async () => {
  await stack?.close();
});

const login = (username: string, password: string) =>
  stack.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const userRow = (name: string) =>
  page.getByTestId('users-table').locator('tr.ant-table-row', { hasText: name });
/**
 * The users list narrowed to `text` by its search box, as an admin finds one account among the demo's
 * sixty-odd (twenty a page), waiting for its row. The box is found by its role and accessible name: an
 * antd search box is an `<input type="search">`, role searchbox, named by SearchBox's label.
 */
async function searchUsers(text: string) {
  const box = page.getByRole('searchbox', { name: '搜索用户', exact: true });
  await box.fill(text);
  await box.press('Enter');
  await page.getByTestId('users-table').getByRole('checkbox', { name: text, exact: true }).waitFor();
}
/** Adds a role in the platform's role select of the open dialog. */
const pickRole = (label: string) =>
  pick(page, modal(page).locator(`[data-testid="roles-${stack.platformId}"] .ant-select`), label);

describe('administration (system admin)', () => {
  it('creates a user, with the password policy checked before and the server field errors shown', async () => {
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '用户管理' }).click();
    await userRow('expert').waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    await modal(page).locator('#password').fill('short');
    await modal(page).locator('#username').fill('expert');
    await modal(page).locator('#displayName').fill('新用户 Newbie');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => fieldError(page, 'password')).toBe('密码至少需要 10 个字符');

    // The user name is taken: the server's problem names /username and the message lands under that field.
    await modal(page).locator('#password').fill('Strong-pass-2026');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => fieldError(page, 'username')).toBe('该用户名已被占用');

    await modal(page).locator('#username').fill('newbie');
    await pickRole('研究人员');
    await modal(page).getByRole('button', { name: '创建' }).click();
    await poll(() => messageText(page)).toBe('已创建用户 newbie');
    await searchUsers('newbie');
    expect(await userRow('newbie').textContent()).toContain('研究人员');
    expect((await login('newbie', 'Strong-pass-2026')).statusCode).toBe(200);
  });

  it('edits roles, disables and re-enables an account, and resets its password', async () => {
    await userRow('newbie').getByRole('button', { name: '编辑角色' }).click();
    await pickRole('申请人');
    await modal(page).getByRole('button', { name: '保存' }).click();
    await poll(() => userRow('newbie').textContent()).toContain('申请人');
    const roles = await stack.ctx.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role')
      .where('username', '=', 'newbie')
      .orderBy('role')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['applicant', 'researcher']);

    await userRow('newbie').getByRole('button', { name: '停用' }).click();
    await confirmPopup(page, '确定');
    await poll(() => userRow('newbie').textContent()).toContain('已停用');
    expect((await login('newbie', 'Strong-pass-2026')).json().code).toBe('auth.invalid_credentials');

    await userRow('newbie').getByRole('button', { name: '启用' }).click();
    await confirmPopup(page, '确定');
    await poll(() => userRow('newbie').textContent()).toContain('正常');

    await userRow('newbie').getByRole('button', { name: '重置密码' }).click();
    await modal(page).locator('#password').fill('Another-pass-2026');
    await modal(page).getByRole('button', { name: '重置密码' }).click();
    await poll(() => messageText(page)).toContain('已重置 newbie 的密码');
    expect((await login('newbie', 'Another-pass-2026')).statusCode).toBe(200);
  });

  it('disables several accounts from the selection bar; its own account is refused and named', async () => {
    // Issue 12, batch operations: the admin selects newbie and itself; newbie is disabled, the admin's
    // own account is refused (another admin must do it) and named with the reason; the rest goes ahead.
    // The selection is kept from one search to the next.
    const bar = page.getByTestId('selection-bar');
    await page.getByRole('checkbox', { name: 'newbie', exact: true }).check();
    await searchUsers('admin');
    await page.getByRole('checkbox', { name: 'admin', exact: true }).check();
    await poll(() => bar.textContent()).toContain('已选：2');
    await bar.getByRole('button', { name: '批量停用' }).click();
    await confirmPopup(page, '批量停用');
    const result = page.getByTestId('batch-result');
    await poll(() => result.textContent()).toContain('已完成：1 · 未完成：1');
    expect(await result.locator('li').allTextContents()).toEqual([
      'admin：不能停用自己的账号，请由其他系统管理员操作',
    ]);
    // By its checkbox: 'admin' is also part of 'platformadmin'.
    const adminRow = page
      .getByTestId('users-table')
      .locator('tr.ant-table-row')
      .filter({ has: page.getByRole('checkbox', { name: 'admin', exact: true }) });
    await poll(() => adminRow.textContent()).toContain('正常');
    await searchUsers('newbie');
    await poll(() => userRow('newbie').textContent()).toContain('已停用');
    expect((await login('newbie', 'Another-pass-2026')).json().code).toBe('auth.invalid_credentials');

    // The refused row stays selected; the admin clears it, selects newbie and enables it again.
    await bar.getByRole('button', { name: '清除选择' }).click();
    await page.getByRole('checkbox', { name: 'newbie', exact: true }).check();
    await bar.getByRole('button', { name: '批量启用' }).click();
    await poll(() => result.textContent()).toContain('已完成：1 · 未完成：0');
    await poll(() => userRow('newbie').textContent()).toContain('正常');
    await expectAccessible(page, '用户管理（批量操作结果）');
    // The e-mail keeps its width on one line (cut with an ellipsis) and the actions stay in view, the
    // table scrolling sideways rather than squeezing a column.
    const table = page.getByTestId('users-table');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      const email = (await table.getByRole('columnheader', { name: '邮箱' }).boundingBox())!;
      expect(email.width, `${size.width} px`).toBeGreaterThanOrEqual(200);
      const acts = (await table.getByRole('columnheader', { name: '操作' }).boundingBox())!;
      expect(acts.x + acts.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
      const cell = (await userRow('newbie').locator('td').last().boundingBox())!;
      expect(cell.x + cell.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
    }
  }, 120_000);

  it('lists the audit trail with before/after and verifies the hash chain (the audit admin)', async () => {
    // The whole deployment's log is the audit admin's (separation of duties, docs/adr/0014).
    const { page } = await stack.newPage();
    await signInAs(page, 'auditor');
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '审计日志' }).click();
    const created = page
      .getByTestId('audit-table')
      .locator('tr.ant-table-row', { hasText: '创建用户' })
      .first();
    await created.waitFor();
    // Words, not codes (issue 12 item 6): the code is kept in the entry's details for auditors.
    expect(await created.textContent()).not.toContain('user.created');
    expect(await created.locator('td').nth(3).textContent()).toBe('admin');
    await created.locator('.ant-table-row-expand-icon').click();
    // The before/after as fields in words (issue 12 item 13): the newest user.created is the account above.
    const diff = page.locator('.ant-table-expanded-row').first().getByTestId('audit-diff');
    await poll(() => diff.locator('tr', { hasText: '用户名' }).first().textContent()).toContain('newbie');
    expect(await page.locator('.ant-table-expanded-row').first().textContent()).toContain(
      '操作代码user.created',
    );
    await expectAccessible(page, '审计日志（展开记录）');

    // Filtered by who and what: the admin's role changes, the changed field marked and first.
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('操作人').fill('admin', { timeout: 10_000 });
    await pick(page, 'action', '变更角色', '变更角色');
    await filters.getByRole('button', { name: '筛选' }).click({ timeout: 10_000 });
    // The log's own rows, not those of an open entry's diff table nested inside it.
    const rows = page.getByTestId('audit-table').locator('tr.ant-table-row:not(.ant-table-expanded-row tr)');
    await poll(async () => [
      ...new Set((await rows.locator('td:nth-child(5)').allTextContents()).map((s) => s.trim())),
    ]).toEqual(['变更角色']);
    await rows.first().locator('.ant-table-row-expand-icon').click({ timeout: 10_000 });
    const changed = page.locator('.ant-table-expanded-row').first().locator('tr.cl-diff-changed');
    await poll(() => changed.first().textContent()).toContain('角色');
    expect(await changed.first().textContent()).toContain('已修改');
    // Role names in words: researcher before, applicant and researcher after.
    expect(await changed.first().locator('td').nth(1).textContent()).toBe('研究人员');
    expect(await changed.first().locator('td').nth(2).textContent()).toBe('申请人、研究人员');

    // 导出: the same filtered entries as XLSX, in Chinese words.
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByRole('button', { name: '导出' }).click({ timeout: 10_000 });
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(await readFile((await file.path())!));
    expect(sheet.headers.slice(2, 5)).toEqual(['操作人', '操作', '操作代码']);
    expect(sheet.rows.length).toBe(await rows.count());
    expect(new Set(sheet.rows.map((r) => `${r.cells[2]} ${r.cells[3]}`))).toEqual(
      new Set(['admin 变更角色']),
    );
    await filters.getByRole('button', { name: '重置' }).click();
    await poll(() => rows.filter({ hasText: '创建用户' }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '校验哈希链' }).click();
    const entries = await stack.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect
      .poll(() => page.getByTestId('verify-result').textContent())
      .toContain(`哈希链完整：已校验 ${Number(entries.n)} 条记录`);
  }, 180_000);

  it('creates an API token shown once that works as a bearer token until revoked', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'API 令牌' }).click();
    await page.getByRole('button', { name: '新建令牌' }).click();
    await modal(page).locator('#name').fill('ci-script');
    await modal(page).getByRole('button', { name: '创建' }).click();
    const token = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
    expect(token).toMatch(/^clt_/);

    const bearer = (method: 'GET' | 'PUT', url: string) =>
      stack.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(method === 'PUT' ? { payload: { locale: 'en-US' } } : {}),
      });
    expect((await bearer('GET', '/api/auth/session')).json().user.username).toBe('admin');
    // The form's default scope is read-only.
    expect((await bearer('PUT', '/api/me/preferences')).json().code).toBe('auth.token_scope');

    const row = page.getByTestId('tokens-table').locator('tr.ant-table-row', { hasText: 'ci-script' });
    await row.getByRole('button', { name: '吊销' }).click();
    await confirmPopup(page, '吊销');
    await poll(() => row.textContent()).toContain('已吊销');
    expect((await bearer('GET', '/api/auth/session')).statusCode).toBe(401);
    // Once the alert is closed the secret is gone from the page.
    await page.getByTestId('new-token').locator('.ant-alert-close-icon').click();
    expect(await page.locator('body').textContent()).not.toContain(token);
  });

  it('changes the password, showing a wrong current password under its field', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.locator('#currentPassword').fill('not-my-password');
    await page.locator('#newPassword').fill('Brand-new-pass-2026');
    await page.locator('#confirm').fill('Brand-new-pass-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await poll(() => fieldError(page, 'currentPassword')).toBe('当前密码错误');

    await page.locator('#currentPassword').fill('Commonlab-demo-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await poll(() => messageText(page)).toBe('密码已修改：已结束其他会话 0 个，已吊销 API 令牌 0 个');
    expect((await login('admin', 'Brand-new-pass-2026')).statusCode).toBe(200);
    expect(problems).toEqual([]);
  });
});
