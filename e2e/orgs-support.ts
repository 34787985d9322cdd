import type { Locator, Page, Response } from 'playwright-core';
import { creditCodeCheckCharacter, organisationCodeCheck } from '../common/credit-code.js';
import { confirmPopup } from './antd-support.js';

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
