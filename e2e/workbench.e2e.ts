import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type Stack, signInAs, startStack } from './support.js';

/**
 * The workbench (issue 12 item 1), in Chinese for each role group: every to-do card links to its list
 * filtered to what the card counts, and the list shows that count; the charts turn into tables.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Shown {
  kind: string;
  count: number;
  href: string;
}

async function todosOn(page: Page): Promise<Shown[]> {
  await page.getByTestId('todos').waitFor();
  await poll(() => page.getByTestId('todos').locator('.ant-skeleton').count()).toBe(0);
  return page
    .getByTestId('todos')
    .locator('a[data-testid^="todo-"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-testid')!.slice('todo-'.length),
        count: Number(e.getAttribute('data-count')),
        href: e.getAttribute('href')!,
      })),
    );
}

/** What the list the link opened says it holds, read from the element that shows its count. */
async function listCount(page: Page, kind: string): Promise<number> {
  const attr = async (testId: string) => {
    const el = page.getByTestId(testId);
    await el.waitFor();
    await poll(async () => (await el.getAttribute('data-count')) !== '').toBe(true);
    return Number(await el.getAttribute('data-count'));
  };
  if (kind.startsWith('screening.')) {
    const state = kind === 'screening.submitted' ? 'submitted' : 'screening';
    const tag = page.getByTestId(`count-${state}`);
    await tag.waitFor();
    await poll(async () => (await page.locator('.ant-table-row').count()) >= 0).toBe(true);
    await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    return Number((await tag.textContent())?.replace(/[^\d]/g, ''));
  }
  if (kind === 'applications.invitations') return attr('invitations');
  if (kind.startsWith('applications.')) return attr('applications-filter');
  if (kind.startsWith('reviews.')) return attr('my-reviews-filter');
  if (kind === 'inquiries.received') return attr('inquiries-table');
  if (kind === 'docket.due') return attr('docket-table');
  if (kind.startsWith('projects.reports_')) {
    // The reports-due page filters by ?status= and ?before= as the to-do's link says.
    await page.getByTestId('reports-due-table').waitFor();
    await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    return page.getByTestId('reports-due-table').locator('tbody tr.ant-table-row').count();
  }
  const rows = async (scope: ReturnType<Page['getByTestId']> | Page, row = 'tbody tr.ant-table-row') => {
    await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    return scope.locator(row).count();
  };
  if (kind === 'units.staff') return rows(page.getByTestId('staff-table'));
  if (kind === 'registrations.pending') return rows(page.getByTestId('registrations-table'));
  if (kind === 'projects.in_progress') return rows(page.getByTestId('projects-table'));
  // The results page has one table: the unit's outputs.
  if (kind === 'results.unit') return rows(page);
  if (kind.startsWith('services.')) return rows(page, '[data-testid="request-row"]');
  throw new Error(`no list count for ${kind}`);
}

async function followEach(page: Page, expected: string[]) {
  const todos = await todosOn(page);
  // Per-platform to-dos come once per platform of the role (the demo's officer works on two).
  expect([...new Set(todos.map((x) => x.kind))].sort()).toEqual([...expected].sort());
  for (const todo of todos) {
    await page.goto('/');
    await page.locator(`a[data-testid="todo-${todo.kind}"][href="${todo.href}"]`).click();
    await page.waitForURL((u) => `${u.pathname}${u.search}` === todo.href);
    if (todo.kind === 'admin.accounts') continue;
    await expect
      .poll(() => listCount(page, todo.kind), { timeout: 15_000, interval: 200, message: todo.href })
      .toBe(todo.count);
  }
  return todos;
}

describe('workbench per role', () => {
  it('program officer: the screening queue, linked to the screening list filtered by platform and state', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'officer');
    expect(await page.getByTestId('todos').textContent()).toContain('待形式审查的申报');
    const todos = await followEach(page, [
      'screening.submitted',
      'screening.screening',
      'projects.reports_overdue',
      'projects.reports_due',
      'registrations.pending',
    ]);
    expect(todos.every((x) => x.href.includes('platform='))).toBe(true);
    // Something waits on the demo's ATP program: the officer sees it without choosing the platform first.
    expect(todos.some((x) => x.kind === 'screening.submitted' && x.count > 0)).toBe(true);
    await page.goto('/');
    const chart = page.getByTestId('chart-applications.by_state');
    await chart.getByText('表格').click();
    expect(await chart.locator('table').textContent()).toContain('评审中');
    expect(problems).toEqual([]);
  }, 180_000);

  it('applicant: drafts, returned applications and invitations, each the list of exactly those', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'applicant');
    expect(await page.getByTestId('todos').textContent()).toContain('我的草稿');
    await followEach(page, ['applications.draft', 'applications.returned', 'applications.invitations']);
    expect(problems).toEqual([]);
  });

  it('expert: invitations to answer and scorecards to submit', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'expert');
    expect(await page.getByTestId('todos').textContent()).toContain('待答复的评审邀请');
    await followEach(page, ['reviews.invited', 'reviews.to_score']);
    expect(problems).toEqual([]);
  });

  it('tech-transfer officer: the docket of the coming 90 days and inquiries to answer', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'transfer');
    expect(await page.getByTestId('todos').textContent()).toContain('待处理的咨询');
    const todos = await followEach(page, ['docket.due', 'inquiries.received']);
    // The docket's period is chosen with the app's date picker, holding the link's from and to.
    const docket = todos.find((x) => x.kind === 'docket.due')!;
    await page.goto(docket.href);
    const range = page.getByTestId('docket-range').locator('input');
    const query = new URL(docket.href, 'http://x').searchParams;
    await poll(() => range.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      query.get('from'),
      query.get('to'),
    ]);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('system admin: the accounts, linked to user management, and the registrations to review', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'admin');
    await followEach(page, ['admin.accounts', 'registrations.pending']);
    // The last link followed was 注册审核's; the accounts' opens user management.
    await poll(() => page.getByTestId('page-title').textContent()).toBe('注册审核');
    await page.goto('/');
    await page.locator('a[data-testid="todo-admin.accounts"]').click();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('用户管理');
    expect(problems).toEqual([]);
  });

  it('lab director: its unit’s staff and outputs, projects in execution and reports, each its list', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'director');
    expect(await page.getByTestId('todos').textContent()).toContain('执行中的项目');
    const todos = await followEach(page, [
      'units.staff',
      'results.unit',
      'projects.in_progress',
      'projects.reports_overdue',
      'projects.reports_due',
    ]);
    // The demo's director leads a unit with staff: the figure is not an empty list that trivially matches.
    expect(todos.find((x) => x.kind === 'units.staff')!.count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it('supervisor: projects in execution and overdue reports of its platforms', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'supervisor');
    const todos = await followEach(page, ['projects.in_progress', 'projects.reports_overdue']);
    expect(todos.some((x) => x.kind === 'projects.in_progress' && x.count > 0)).toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);

  it('enterprise: quotes to accept and delivered services to rate', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'enterprise');
    await followEach(page, ['services.quoted', 'services.delivered']);
    expect(problems).toEqual([]);
  });

  it('a role with no to-dos of its own is told so', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'researcher');
    await page.getByTestId('todos').waitFor();
    await poll(() => page.getByTestId('todos').textContent()).toContain('暂无待办事项');
  });
});
