import type { Locator, Page, Response } from 'playwright-core';
import { poll } from './support.js';

// The browser tests' one way to work the antd widgets (dialogs, drawers, selects, pop-up confirms).
// On a loaded machine a click can land while a widget is still animating in or out and do nothing;
// the helpers repeat the gesture as a user would, and fail only when the result never shows.

export const modal = (page: Page) => page.locator('.ant-modal:visible');
/**
 * Waits until no dialog is left, closing animation included: on a loaded machine a closing dialog still
 * takes clicks, and hands the focus back to its opener when it has gone.
 */
export const noModal = (page: Page) =>
  poll(() => page.locator('.ant-modal-wrap:visible').count(), 30_000).toBe(0);
export const drawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-section');
/** Closes the open drawer and waits until it has gone, so it takes no more keys or clicks. */
export async function closeDrawer(page: Page): Promise<void> {
  await drawer(page).locator('.ant-drawer-close').click();
  await poll(() => page.locator('.ant-drawer-section:visible').count()).toBe(0);
}
/**
 * Clicks a button of the open dialog and returns the response of the request it sends. A click that
 * lands while the dialog is still opening is lost on a loaded machine (no request goes out); then, while
 * the dialog stays open, the click is repeated. The request must happen.
 */
export async function submitDialog(
  page: Page,
  button: string,
  method: string,
  path: RegExp,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === method && path.test(new URL(r.url()).pathname), {
        timeout: 10_000,
      })
      .catch(() => null);
    await modal(page).getByRole('button', { name: button }).click();
    const request = await sent;
    if (request) return (await request.response())!;
    if (attempt >= 3 || !(await modal(page).count())) throw new Error(`no ${method} ${path} was sent`);
  }
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

/**
 * Chooses an option of a Select (the form control with this id, or the given box) and waits until the
 * choice shows in the box. With `search`, types it first (remote searches answer after a pause).
 */
export async function pick(page: Page, select: Locator | string, label: string, search?: string) {
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  const name = typeof select === 'string' ? `#${select}` : 'the select';
  for (let attempt = 1; ; attempt++) {
    // A list still closing from the previous pick would take the click.
    await poll(() => openList(page).count()).toBe(0);
    await box.click();
    if (search) await page.keyboard.type(search);
    await openList(page).locator('.ant-select-item-option', { hasText: label }).first().click();
    await page.keyboard.press('Escape');
    await poll(() => openList(page).count()).toBe(0);
    for (const end = Date.now() + 5_000; Date.now() < end; ) {
      if ((await box.textContent())?.includes(label)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3)
      throw new Error(`could not choose ${label} in ${name}: it shows ${await box.textContent()}`);
  }
}

/**
 * Ticks a field in the technology-field tree select (the form item with this id, or the given box) and
 * waits until the list marks it chosen; a tick a still-animating list swallowed is repeated (never one
 * that landed, which would untick it).
 */
export async function chooseField(page: Page, select: Locator | string, label: string) {
  const box = typeof select === 'string' ? selectOf(page, select) : select;
  const list = openList(page);
  await poll(() => list.count()).toBe(0);
  await box.click();
  const node = list.locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${label} · `) });
  for (let attempt = 1; ; attempt++) {
    await node.click();
    const ticked = await poll(() => node.getAttribute('class'), 5_000)
      .toContain('-node-selected')
      .then(() => true)
      .catch(() => false);
    if (ticked) break;
    if (attempt >= 3) throw new Error(`could not tick ${label} in the field list`);
  }
  await page.keyboard.press('Escape');
  await poll(() => list.count()).toBe(0);
}

/** The pop-up confirm that is open (not one closing). */
const popup = (page: Page) => page.locator('.ant-popconfirm:visible:not([class*="-leave"])');

/**
 * Confirms the open pop-up and waits (room for an async action) until it has gone. A click that lands
 * while the pop-up is still opening is lost on a loaded machine, so it is repeated while the pop-up stays
 * open (not while it closes).
 */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  const open = popup(page);
  await open.waitFor();
  await poll(async () => {
    if (await open.count()) {
      await open
        .getByRole('button', { name: button })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    return page.locator('.ant-popconfirm:visible').count();
  }, 30_000).toBe(0);
}

/**
 * Opens a pop-up confirm with its trigger, confirms it, and returns the response of the request it sends.
 * On a loaded machine a confirm can close before its click lands (no request goes out), or a click on a
 * re-rendering trigger opens nothing; then, if the trigger is still there, the whole gesture is
 * repeated, as a user would. The request must happen.
 */
export async function confirmedRequest(
  page: Page,
  trigger: Locator,
  button: string,
  url: RegExp,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const sent = page
      .waitForRequest((r) => url.test(new URL(r.url()).pathname), { timeout: 20_000 })
      .catch(() => null);
    await trigger.click();
    // A click on a trigger that is re-rendering (e.g. after a save) opens nothing: click it again.
    const shown = await popup(page)
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) {
      if (attempt >= 3) throw new Error(`clicking the trigger opened no confirm for ${url}`);
      continue;
    }
    await confirmPopup(page, button);
    const request = await sent;
    if (request) return (await request.response())!;
    if (attempt >= 3 || !(await trigger.isVisible())) throw new Error(`no request to ${url} was sent`);
  }
}
