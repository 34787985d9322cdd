import type { Page, Response, Route } from 'playwright-core';
import { expect } from 'vitest';
import { demoPdf } from '../server/seed/demo-files.js';
import { confirmedRequest, drawer, modal, numberInput, submitDialog } from './antd-support.js';
import { poll, type Stack, signInAs } from './support.js';

// The service request's drawer (web/features/services/RequestDrawer.tsx) as both sides work it: the
// enterprise from 我的服务申请, the unit from 服务工单. Each gesture waits for the request it must send.

/** An amount in US dollars as the Chinese pages write it (the demo platform's currency). */
export const usd = (minor: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'USD' }).format(minor / 100);

/**
 * One signed-in page per account, in the order given (role name → demo username); each page's console
 * problems are added to `problems`, which the story's last test expects empty.
 */
export async function signedInPages<K extends string>(
  stack: Stack,
  accounts: Record<K, string>,
  problems: string[][],
): Promise<Record<K, Page>> {
  const pages = {} as Record<K, Page>;
  for (const [role, username] of Object.entries(accounts) as [K, string][]) {
    const { page, problems: pr } = await stack.newPage();
    problems.push(pr);
    pages[role] = page;
    await signInAs(page, username);
  }
  return pages;
}

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

/** The move buttons in Chinese (web/components/service-labels.ts, web/i18n/zh-CN.services-pages.ts). */
const MOVE_LABELS: Record<string, string> = {
  quote: '报价',
  accept: '接受报价',
  contract: '签订合同',
  start: '开始服务',
  deliver: '交付报告',
  rate: '评价',
  close: '关闭',
  cancel: '取消申请',
  rework: '要求返工',
  dispute: '提出异议',
  resolve: '处理异议',
};

/** The request states in Chinese, as the drawer's state tag shows them. */
const STATE_LABELS: Record<string, string> = {
  submitted: '已提交',
  quoted: '已报价',
  accepted: '已接受报价',
  contracted: '已签合同',
  in_progress: '服务中',
  delivered: '已交付',
  rated: '已评价',
  closed: '已关闭',
  cancelled: '已取消',
  disputed: '有异议',
};

/** The move buttons the open drawer offers, by name (antd's space between two characters taken out). */
const moveButtons = async (page: Page) =>
  [
    ...new Set(
      (await drawer(page).getByTestId('request-moves').getByRole('button').allInnerTexts()).map((s) =>
        s.replace(/\s+/g, ''),
      ),
    ),
  ].sort();

/**
 * Makes a move (`act` returns its answer) with every read of the request held back until the drawer
 * shows the answer's state and exactly the answer's moves: so what the drawer shows after a move is the
 * request the move returned, never a reload, and no click can land on a button of the state before.
 */
export async function movedAtOnce(page: Page, id: string, act: () => Promise<Response>): Promise<Response> {
  const held: Route[] = [];
  const read = (url: URL) => url.pathname === `/api/service-requests/${id}`;
  const hold = (route: Route) =>
    route.request().method() === 'GET' ? void held.push(route) : route.fallback();
  await page.route(read, hold);
  try {
    const res = await act();
    expect(res.status()).toBe(200);
    const moved = (await res.json()) as { state: string; next: string[] };
    const shown = async () => ({ state: await requestState(page), moves: await moveButtons(page) });
    await poll(shown).toEqual({
      state: STATE_LABELS[moved.state],
      moves: moved.next.map((a) => MOVE_LABELS[a]).sort(),
    });
    return res;
  } finally {
    // The reads held (none when the drawer shows the answer) go on before the route is taken away.
    for (const r of held.splice(0)) await r.continue();
    await page.unroute(read, hold);
  }
}
