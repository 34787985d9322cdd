import type { Page } from 'playwright-core';

// Helpers of the platform, unit, committee, organisation-chart and comparison browser tests
// (the antd widgets are worked through antd-support.ts).

export const rows = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');
export const row = (page: Page, testId: string, text: string) => rows(page, testId).filter({ hasText: text });

/** The text an ECharts chart (SVG renderer) draws: its labels, axis names and legend, in drawing order. */
export async function chartText(page: Page, testId: string): Promise<string> {
  const svg = page.getByTestId(testId).locator('svg').first();
  await svg.waitFor();
  return (await svg.locator('text').allTextContents()).join('|');
}

/** Opens a tab of the platform page by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.getByTestId('platform-tabs').getByRole('tab', { name: label }).click();
}
