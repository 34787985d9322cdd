import type { Page } from 'playwright-core';
import { creditCodeCheckCharacter, organisationCodeCheck } from '../common/credit-code.js';

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

export async function openNav(page: Page, label: string): Promise<void> {
  await page.getByTestId('side-nav').getByRole('menuitem', { name: label }).click();
}

/** The rows of an antd table by its test id. */
export const tableRows = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');
