import type { Locator, Page } from 'playwright-core';
import { poll } from './support.js';

// Helpers of the platform, unit, committee, organisation-chart and comparison browser tests.

export const modal = (page: Page) => page.locator('.ant-modal:visible');
export const messageText = (page: Page) => page.locator('.ant-message-notice').last().textContent();
export const rows = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');
export const row = (page: Page, testId: string, text: string) => rows(page, testId).filter({ hasText: text });

/** The text an ECharts chart (SVG renderer) draws: its labels, axis names and legend, in drawing order. */
export async function chartText(page: Page, testId: string): Promise<string> {
  const svg = page.getByTestId(testId).locator('svg').first();
  await svg.waitFor();
  return (await svg.locator('text').allTextContents()).join('|');
}

/** The antd Select inside the form item whose control has this id (or inside `scope`). */
const selectOf = (page: Page, id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-select`).first();
const openList = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Chooses an option of a Select; with `search`, types it first (remote searches answer after a pause). */
export async function pick(page: Page, select: Locator | string, label: string, search?: string) {
  await poll(() => openList(page).count()).toBe(0);
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  await box.click();
  if (search) await page.keyboard.type(search);
  await openList(page).locator('.ant-select-item-option', { hasText: label }).first().click();
  await page.keyboard.press('Escape');
  await poll(() => openList(page).count()).toBe(0);
}

/** Confirms the open pop-up and waits until it has gone. */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: button }).click();
  await poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
}

/** The input of an antd InputNumber by the test id the page gives it (on the input or its wrapper). */
export const numberInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Opens a tab of the platform page by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.getByTestId('platform-tabs').getByRole('tab', { name: label }).click();
}

/** Ticks a field in the technology-field tree select (the form item with this id, or the given box). */
export async function chooseField(page: Page, select: Locator | string, label: string) {
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  await box.click();
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await list
    .locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${label} · `) })
    .click();
  await page.keyboard.press('Escape');
  await poll(() => list.count()).toBe(0);
}
