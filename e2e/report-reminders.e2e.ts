import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../server/modules/projects/projects.reminders.js';
import { openTab } from './platforms-support.js';
import { chooseLanguage, poll, type Stack, signInAs, startStack } from './support.js';

// The reminders of reports due on the platform's page (issue 13, docs/projects.md): its admin sets the
// days, a supervisor reads them, a researcher does not see the tab.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("the platform's reminders of reports due", () => {
  it('the admin sees the defaults, is stopped on a repeated day, and saves', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'platformadmin');
    await page.goto(`/platforms/${stack.platformId}`);
    await openTab(page, '报告提醒');
    const dayBefore = (n: number) => page.getByRole('spinbutton', { name: `到期前提醒（天） ${n}` });
    const dayAfter = (n: number) => page.getByRole('spinbutton', { name: `逾期后提醒（天） ${n}` });
    await poll(() => dayBefore(1).inputValue()).toBe('14');
    expect(await dayBefore(2).inputValue()).toBe('3');
    expect(await dayAfter(1).inputValue()).toBe('1');
    expect(await dayAfter(2).inputValue()).toBe('7');
    expect(await page.getByTestId('reminder-settings-stamp').textContent()).toBe(
      '当前为默认设置，本平台尚未自行设置。',
    );

    await dayBefore(2).fill('14');
    await page.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByText('该天数已在列表中').count()).toBeGreaterThan(0);

    await dayBefore(2).fill('7');
    await page.getByRole('button', { name: '添加天数' }).first().click();
    await dayBefore(3).fill('1');
    await page.getByRole('button', { name: '删除逾期后提醒（天）第 2 项' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('报告提醒设置已保存').waitFor();
    await poll(() => page.getByTestId('reminder-settings-stamp').textContent()).toContain('最近修改');
    expect(await dayBefore(2).inputValue()).toBe('7');
    expect(await dayBefore(3).inputValue()).toBe('1');
    expect(await dayAfter(2).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a supervisor reads the saved days and the last run in English; a researcher has no such tab', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'supervisor');
    await chooseLanguage(page, 'English');
    await page.goto(`/platforms/${stack.platformId}/reminders`);
    const view = page.getByTestId('reminder-settings');
    await poll(() => view.textContent()).toContain('14, 7, 1');
    expect(await view.textContent()).toContain('Days after a report is overdue');
    expect(await view.getByRole('button', { name: 'Save' }).count()).toBe(0);
    // The last run of the reminders: none yet (the timer is off under test), then one run's record.
    const lastRun = page.getByTestId('reminder-last-run');
    await poll(() => lastRun.textContent()).toContain('The reminders have not run for this platform yet');
    await runReminders(stack.ctx, { platformId: stack.platformId });
    await page.reload();
    await poll(() => page.getByTestId('reminder-last-run').textContent()).toContain('Ran at');

    const other = await stack.newPage();
    await signInAs(other.page, 'researcher');
    await other.page.goto(`/platforms/${stack.platformId}`);
    await other.page.getByTestId('platform-profile').waitFor();
    expect(await other.page.getByTestId('platform-tabs').getByRole('tab', { name: '报告提醒' }).count()).toBe(
      0,
    );
  });
});
