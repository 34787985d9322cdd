import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { demoPdf } from '../server/seed/demo-files.js';
import { confirmedRequest, drawer, modal, numberInput, submitDialog } from './antd-support.js';

// The service request's drawer (web/features/services/RequestDrawer.tsx) as both sides work it: the
// enterprise from 我的服务申请, the unit from 服务工单. Each gesture waits for the request it must send.

/** The state tag of the open request. */
export const requestState = (page: Page) => drawer(page).getByTestId('request-state').textContent();

/** A move that only needs a confirmation (接受报价, 签订合同, 开始服务): its button, then 确定. */
export const confirmMove = (page: Page, button: string): Promise<Response> =>
  confirmedRequest(page, drawer(page).getByRole('button', { name: button }), '确定', /\/transitions$/);

/** The unit quotes from the drawer: price in the currency's units, delivery date and terms. */
export async function quote(page: Page, price: string, dueOn: string, terms: string): Promise<Response> {
  await drawer(page).getByRole('button', { name: '报价', exact: true }).click();
  const form = modal(page);
  await numberInput(page, 'quote-price').fill(price);
  await form.getByLabel('交付日期').fill(dueOn);
  await form.getByLabel('交付日期').press('Tab');
  await form.getByLabel('条款').fill(terms);
  return submitDialog(page, '提交', 'POST', /\/transitions$/);
}

/** The unit delivers by uploading the report in the drawer (the upload is the delivery). */
export async function uploadReport(page: Page, fileName: string): Promise<Response> {
  const sent = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/report$/.test(new URL(r.url()).pathname),
  );
  await drawer(page)
    .locator('input[type=file]')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: demoPdf('检测报告') });
  const res = await sent;
  expect(res.status()).toBe(200);
  return res;
}

/** The enterprise rates the delivery: stars (1–5) and a comment. */
export async function rate(page: Page, stars: number, comment: string): Promise<Response> {
  await drawer(page).getByRole('button', { name: '评价' }).click();
  await modal(page)
    .locator('.ant-rate-star')
    .nth(stars - 1)
    .click();
  await modal(page).getByTestId('rating-comment').fill(comment);
  return submitDialog(page, '提交', 'POST', /\/transitions$/);
}
