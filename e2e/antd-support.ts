import type { Locator, Page, Response } from 'playwright-core';
import { poll } from './support.js';

// The browser tests' one way to work the antd widgets (dialogs, drawers, selects, pop-up confirms).
// The browser asks for reduced motion (support.ts), so antd opens and closes them without animation:
// each gesture is made once and the helpers wait for its result. A click that does nothing is a failure
// here, never repeated until it works.

export const modal = (page: Page) => page.locator('.ant-modal:visible');
/** Waits until no dialog is left (it hands the focus back to its opener as it goes). */
export const noModal = (page: Page) => poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
export const drawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-section');
/** Closes the open drawer and waits until it has gone, so it takes no more keys or clicks. */
export async function closeDrawer(page: Page): Promise<void> {
  await drawer(page)
    .getByRole('button', { name: /^(Close|关闭)$/ })
    .click();
  await poll(() => page.locator('.ant-drawer-section:visible').count()).toBe(0);
}
/** Clicks a button of the open dialog and returns the response of the request it must send. */
export async function submitDialog(
  page: Page,
  button: string,
  method: string,
  path: RegExp,
): Promise<Response> {
  const sent = page.waitForRequest((r) => r.method() === method && path.test(new URL(r.url()).pathname), {
    timeout: 20_000,
  });
  await modal(page).getByRole('button', { name: button }).click();
  return (await (await sent).response())!;
}
export const messageText = (page: Page) => page.locator('.ant-message-notice').last().textContent();
export const fieldError = (page: Page, id: string) =>
  page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`).first().textContent();

/** The input of an antd InputNumber by the test id the page gives it (on the input or its wrapper). */
export const numberInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** The antd Select inside the form item whose control has this id. */
const selectOf = (page: Page, id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-select`).first();
const openList = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

const isMultiple = async (box: Locator) =>
  /\bant-select-multiple\b/.test((await box.getAttribute('class')) ?? '');

/**
 * Chooses an option of a Select (the form control with this id, or the given box) and waits until the
 * choice shows in the box. With `search`, types it first (remote searches answer after a pause).
 */
export async function pick(page: Page, select: Locator | string, label: string, search?: string) {
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  await box.click();
  if (search) await page.keyboard.type(search);
  await openList(page).locator('.ant-select-item-option', { hasText: label }).first().click();
  // A multiple select stays open for more choices; a single one closes by itself, and an Escape then
  // would reach (and close) the dialog around it.
  if (await isMultiple(box)) await page.keyboard.press('Escape');
  await poll(() => openList(page).count()).toBe(0);
  await poll(() => box.textContent()).toContain(label);
}

/** Ticks a field in the technology-field tree select (the form item with this id, or the given box). */
export async function chooseField(page: Page, select: Locator | string, label: string) {
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  const list = openList(page);
  await box.click();
  const node = list.locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${label}$`) });
  // The option is the field's name alone: its code (materials.composites) is not shown to people.
  await node.click();
  await poll(() => node.getAttribute('class')).toContain('-node-selected');
  await page.keyboard.press('Escape');
  await poll(() => list.count()).toBe(0);
}

/** The pop-up confirm that is open. */
const popup = (page: Page) => page.locator('.ant-popconfirm:visible');

/** Confirms the open pop-up and waits (room for an async action) until it has gone. */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  await popup(page).getByRole('button', { name: button }).click();
  await poll(() => popup(page).count(), 30_000).toBe(0);
}

/**
 * Opens a pop-up confirm with its trigger, confirms it, and returns the response of the request it must
 * send.
 */
export async function confirmedRequest(
  page: Page,
  trigger: Locator,
  button: string,
  url: RegExp,
): Promise<Response> {
  const sent = page.waitForRequest((r) => url.test(new URL(r.url()).pathname), { timeout: 20_000 });
  await trigger.click();
  await confirmPopup(page, button);
  return (await (await sent).response())!;
}

/** The input of the shared date picker (web/components/DateInput.tsx) by its id or test id. */
export const dateInput = (scope: Page | Locator, idOrTestId: string) =>
  scope
    .locator(`input#${idOrTestId}, input[data-testid="${idOrTestId}"], [data-testid="${idOrTestId}"] input`)
    .first();

/**
 * Types a day (YYYY-MM-DD) into the shared date picker, confirms it with Enter and waits until the picker
 * has closed and shows the day.
 */
export async function pickDate(page: Page, input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await poll(() => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').count()).toBe(0);
  await poll(() => input.inputValue()).toBe(day);
}
