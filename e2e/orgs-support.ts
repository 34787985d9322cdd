import type { Locator, Page, Response } from 'playwright-core';
import { creditCodeCheckCharacter, organisationCodeCheck } from '../common/credit-code.js';
import { poll } from './support.js';

/** A valid unified social credit code (GB 32100-2015): an enterprise (9 1) registered in Suzhou (320500). */
export function validCreditCode(n: number): string {
  const body = String(10_000_000 + n).slice(-8);
  const first17 = `91320500${body}${organisationCodeCheck(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The same code with its check character (the 18th) changed, so only that rule fails. */
export function mistypedCreditCode(n: number): string {
  const good = validCreditCode(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}

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
export const messageText = (page: Page) => page.locator('.ant-message-notice').last().textContent();
export const fieldError = (page: Page, id: string) =>
  page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`).first().textContent();

/** Chooses an option of the antd Select that is the form control with this id, and waits until it shows. */
export async function pick(page: Page, id: string, label: string): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // A list still closing from the previous pick would take the click.
  const shown = page.locator(`.ant-form-item:has(#${id}) .ant-select-content`);
  // On a loaded machine a click can land while the list is still animating in and choose nothing;
  // then the gesture is repeated, as a user would. The choice must show in the end.
  for (let attempt = 1; ; attempt++) {
    await poll(() => openList.count()).toBe(0);
    await page.locator(`.ant-form-item:has(#${id}) .ant-select`).click();
    await openList.locator('.ant-select-item-option', { hasText: label }).first().click();
    for (const end = Date.now() + 5_000; Date.now() < end; ) {
      if ((await shown.textContent()) === label) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3)
      throw new Error(`could not choose ${label} in #${id}: it shows ${await shown.textContent()}`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Confirms the open pop-up and waits until it has gone. A click that lands while the pop-up is still
 * opening is lost on a loaded machine, so it is repeated while the pop-up stays open (not while it closes).
 */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  const open = page.locator('.ant-popconfirm:visible:not([class*="-leave"])');
  await open.waitFor();
  await poll(async () => {
    if (await open.count()) {
      await open
        .getByRole('button', { name: button })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    return page.locator('.ant-popconfirm:visible').count();
  }).toBe(0);
}

/**
 * Opens a pop-up confirm with its trigger, confirms it, and returns the response of the request it sends.
 * On a loaded machine a confirm can close before its click lands (no request goes out); then, if the
 * trigger is still there, the whole gesture is repeated, as a user would. The request must happen.
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
    await confirmPopup(page, button);
    const request = await sent;
    if (request) return (await request.response())!;
    if (attempt >= 3 || !(await trigger.isVisible())) throw new Error(`no request to ${url} was sent`);
  }
}

export async function openNav(page: Page, label: string): Promise<void> {
  await page.getByTestId('side-nav').getByRole('menuitem', { name: label }).click();
}

/** The rows of an antd table by its test id. */
export const tableRows = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');
