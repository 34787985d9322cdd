import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawer, modal, pick, submitDialog } from './antd-support.js';
import {
  confirmMove,
  movedAtOnce,
  quote,
  rate,
  requestState,
  signedInPages,
  uploadReport,
  usd,
} from './services-support.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

/**
 * A service request carried through in Chinese (issue 14): anyone searches the public catalog; the SME
 * asks for a test from it by a date; the unit sees it in its queue with its date, the overdue work
 * flagged first, and quotes price, date and terms; the SME accepts; the unit records the contract,
 * starts and uploads the report; the SME asks for rework with a reason, gets the report again and rates
 * it; then disputes it, and the platform resolves; left in progress past its date, the work is flagged
 * overdue in the queue. After every move the drawer shows the new state's buttons from the move's answer
 * at once, with the request's reads held back (services-support.ts `movedAtOnce`).
 */
let stack: Stack;
let unit: Page;
let enterprise: Page;
const problems: string[][] = [];

const SERVICE = '基于标准参考物质的成分测试';
const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** The SME's wanted-by date and the unit's quoted delivery date, both in the future. */
const WANTED = day(40);
const DUE = day(45);
let requestId: string;

beforeAll(async () => {
  stack = await startStack();
  ({ unit, enterprise } = await signedInPages(
    stack,
    { unit: 'platformadmin', enterprise: 'enterprise' },
    problems,
  ));
});
afterAll(async () => {
  await stack?.close();
});

describe('a service request, in Chinese', () => {
  it('anyone finds the services on the portal, in English words too, and filters them by kind', async () => {
    const { page: visitor, problems: pr } = await stack.newPage();
    problems.push(pr);
    await visitor.goto('/public');
    await visitor.getByTestId('public-services-link').click();
    await poll(() => visitor.getByTestId('services-total').textContent()).toBe('共 4 项服务');
    await visitor.getByTestId('services-search').locator('input').fill('calibration');
    await visitor.getByTestId('services-search').locator('input').press('Enter');
    await poll(() => visitor.getByTestId('services-total').textContent()).toBe('共 1 项服务');
    expect(await visitor.getByTestId('services-result').textContent()).toContain('量块校准');
    await visitor.getByTestId('services-search').locator('input').fill('');
    await visitor.getByTestId('services-search').locator('input').press('Enter');
    await poll(() => visitor.getByTestId('services-total').textContent()).toBe('共 4 项服务');
    await pick(visitor, visitor.getByTestId('filter-kind'), '测量测试');
    await poll(() => visitor.getByTestId('services-total').textContent()).toBe('共 2 项服务');
    expect(new URL(visitor.url()).searchParams.get('kind')).toBe('testing');
  });

  it('the SME finds the test in the catalog and asks for it by a date', async () => {
    expect(await navLabels(enterprise)).toEqual(expect.arrayContaining(['服务目录', '我的服务申请']));
    await enterprise.goto('/services/browse');
    await enterprise.getByTestId('services-search').locator('input').fill('成分');
    await enterprise.getByTestId('services-search').locator('input').press('Enter');
    const hit = enterprise.getByTestId('services-result').filter({ hasText: SERVICE });
    await poll(() => hit.count()).toBe(1);
    await hit.getByRole('button', { name: '申请此服务' }).click();
    const form = modal(enterprise);
    await form.getByLabel('需求说明').fill('测定 2 个钛合金样品的成分，需出具检测报告');
    await form.getByLabel('数量').fill('2');
    await form.getByLabel('期望完成日期').fill(WANTED);
    await form.getByLabel('期望完成日期').press('Tab');
    const asked = await submitDialog(enterprise, '提交', 'POST', /\/requests$/);
    expect(asked.status()).toBe(201);
    const body = (await asked.json()) as { id: string; state: string; wantedBy: string };
    expect(body).toMatchObject({ state: 'submitted', wantedBy: WANTED });
    requestId = body.id;
    // The page moves to 我的服务申请 with the new request open (?request=).
    await poll(() => new URL(enterprise.url()).searchParams.get('request')).toBe(requestId);
    await poll(() => requestState(enterprise)).toBe('已提交');
  });

  it('the unit’s queue flags the overdue work first and shows the new request with its date', async () => {
    expect(await navLabels(unit)).toEqual(expect.arrayContaining(['服务工单']));
    await unit.goto(`/services/queue?platform=${stack.platformId}`);
    // The demo's FIPS test was due three days ago and is still in progress.
    await poll(() => unit.getByTestId('queue-summary').textContent()).toContain('逾期 1');
    const first = unit.locator('.ant-table-tbody tr.ant-table-row').first();
    await poll(() => first.textContent()).toContain('已逾期');
    expect(await first.textContent()).toContain('密码模块符合性测试');
    const row = unit.locator('tr', { hasText: WANTED });
    await poll(() => row.textContent()).toContain('已提交');
    expect(await row.textContent()).toContain(SERVICE);
    expect(await row.textContent()).not.toContain('已逾期');
  });

  it('the unit quotes price, delivery date and terms', async () => {
    await unit.locator('tr', { hasText: WANTED }).getByTestId('request-row').click();
    await poll(() => new URL(unit.url()).searchParams.get('request')).toBe(requestId);
    await poll(() => requestState(unit)).toBe('已提交');
    const quoted = await movedAtOnce(unit, requestId, () =>
      quote(unit, '1700', DUE, '预付 50%，报告交付后付清'),
    );
    expect(quoted.status()).toBe(200);
    expect(await quoted.json()).toMatchObject({
      state: 'quoted',
      quote: { priceMinor: 170_000, dueOn: DUE, terms: '预付 50%，报告交付后付清' },
    });
    await poll(() => requestState(unit)).toBe('已报价');
  });

  it('the SME reads the quote and accepts it', async () => {
    await enterprise.reload();
    await poll(() => drawer(enterprise).getByTestId('request-quote').textContent()).toContain(usd(170_000));
    const quote = await drawer(enterprise).getByTestId('request-quote').textContent();
    expect(quote).toContain(`${DUE} 前交付`);
    expect(quote).toContain('预付 50%');
    const accepted = await movedAtOnce(enterprise, requestId, () => confirmMove(enterprise, '接受报价'));
    expect(accepted.status()).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'accepted' });
    await poll(() => requestState(enterprise)).toBe('已接受报价');
  });

  it('the unit records the contract, starts the work and uploads the report', async () => {
    // The drawer's request is in the address, so it opens again on reload with the SME's answer.
    await unit.reload();
    await poll(() => requestState(unit)).toBe('已接受报价');
    const contracted = await movedAtOnce(unit, requestId, () => confirmMove(unit, '签订合同'));
    expect(contracted.status()).toBe(200);
    expect(await contracted.json()).toMatchObject({ state: 'contracted' });
    await poll(() => requestState(unit)).toBe('已签合同');
    const started = await movedAtOnce(unit, requestId, () => confirmMove(unit, '开始服务'));
    expect(started.status()).toBe(200);
    await poll(() => requestState(unit)).toBe('服务中');
    const delivered = await movedAtOnce(unit, requestId, () => uploadReport(unit, '成分检测报告.pdf'));
    expect(await delivered.json()).toMatchObject({
      state: 'delivered',
      report: { fileName: '成分检测报告.pdf' },
    });
    await poll(() => requestState(unit)).toBe('已交付');
    await poll(() => drawer(unit).getByTestId('request-report').textContent()).toContain('成分检测报告.pdf');
  });

  it('the SME asks for rework with a reason, which the unit reads, and gets the report again', async () => {
    await enterprise.reload();
    await poll(() => requestState(enterprise)).toBe('已交付');
    const rework = await movedAtOnce(enterprise, requestId, async () => {
      await drawer(enterprise).getByRole('button', { name: '要求返工' }).click();
      await modal(enterprise).getByLabel('原因').fill('缺少测量不确定度的评定');
      return submitDialog(enterprise, '提交', 'POST', /\/transitions$/);
    });
    expect(rework.status()).toBe(200);
    expect(await rework.json()).toMatchObject({ state: 'in_progress' });
    await poll(() => requestState(enterprise)).toBe('服务中');

    await unit.reload();
    await poll(() => requestState(unit)).toBe('服务中');
    expect(await drawer(unit).textContent()).toContain('原因：缺少测量不确定度的评定');
    await movedAtOnce(unit, requestId, () => uploadReport(unit, '成分检测报告-第2版.pdf'));
    await poll(() => drawer(unit).getByTestId('request-report').textContent()).toContain(
      '成分检测报告-第2版.pdf',
    );
  });

  it('the SME downloads the new report and rates it', async () => {
    await enterprise.reload();
    await poll(() => requestState(enterprise)).toBe('已交付');
    const file = enterprise.waitForEvent('download');
    await drawer(enterprise).getByTestId('request-report').click();
    expect((await file).suggestedFilename()).toBe('成分检测报告-第2版.pdf');
    const rated = await movedAtOnce(enterprise, requestId, () => rate(enterprise, 4, '返工后报告完整'));
    expect(rated.status()).toBe(200);
    expect(await rated.json()).toMatchObject({ state: 'rated', rating: 4, ratingComment: '返工后报告完整' });
    await poll(() => requestState(enterprise)).toBe('已评价');
  });

  it('the SME disputes the work with a reason; the platform resolves it back to work', async () => {
    const disputed = await movedAtOnce(enterprise, requestId, async () => {
      await drawer(enterprise).getByRole('button', { name: '提出异议' }).click();
      await modal(enterprise).getByLabel('原因').fill('样品编号与报告不符');
      return submitDialog(enterprise, '提交', 'POST', /\/transitions$/);
    });
    expect(disputed.status()).toBe(200);
    await poll(() => requestState(enterprise)).toBe('有异议');

    await unit.goto(`/services/queue?platform=${stack.platformId}&state=disputed`);
    const row = unit.locator('tr', { hasText: DUE });
    await poll(() => row.textContent()).toContain('有异议');
    await row.getByTestId('request-row').click();
    await poll(() => drawer(unit).textContent()).toContain('原因：样品编号与报告不符');
    const resolved = await movedAtOnce(unit, requestId, async () => {
      await drawer(unit).getByRole('button', { name: '处理异议' }).click();
      await modal(unit).getByLabel('原因').fill('核对样品编号后重新出具报告');
      return submitDialog(unit, '提交', 'POST', /\/transitions$/);
    });
    expect(resolved.status()).toBe(200);
    expect(await resolved.json()).toMatchObject({ state: 'in_progress' });
    await poll(() => requestState(unit)).toBe('服务中');
  });

  it('work still in progress after its quoted date is flagged overdue in the queue, overdue first', async () => {
    // Five days past the quoted date (the sessions expire with the move, so the unit signs in again).
    stack.clock.advance(Date.parse(DUE) - Date.now() + 5 * DAY);
    await signInAs(unit, 'platformadmin');
    await unit.goto(`/services/queue?platform=${stack.platformId}`);
    await poll(() => unit.getByTestId('queue-summary').textContent()).toContain('逾期 2');
    const rows = unit.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.nth(0).textContent()).toContain('已逾期');
    expect(await rows.nth(1).textContent()).toContain('已逾期');
    const ours = unit.locator('tr', { hasText: DUE });
    expect(await ours.textContent()).toContain('服务中');
    expect(await ours.textContent()).toContain('已逾期');
    for (const p of problems) expect(p).toEqual([]);
  });
});
