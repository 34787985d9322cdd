import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformByCode } from './calls-support.js';
import { chartText, row, rows } from './platforms-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// The committee's evaluation of units over periods (issue 13 "Done means"), in Chinese on the demo:
// NIST's units are evaluated for FY2015 and FY2016; a unit's 评估结果 tab draws both periods in its chart
// and lists the figures behind it.

let stack: Stack;
let page: Page;
let problems: string[];
let nist: string;
let unitName: string;

beforeAll(async () => {
  stack = await startStack();
  nist = await platformByCode(stack, 'NIST');
  // The demo evaluates every NIST unit in both periods; the first by name will do.
  const unit = await stack.ctx.db
    .selectFrom('org_units')
    .select('name_zh')
    .where('platform_id', '=', nist)
    .orderBy('name_zh')
    .executeTakeFirstOrThrow();
  unitName = unit.name_zh;
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'admin');
});
afterAll(async () => {
  await stack?.close();
});

describe('实验室评估结果图', () => {
  it("draws a unit's two evaluated periods with the figures behind them", async () => {
    await page.goto(`/platforms/${nist}/units`);
    await row(page, 'units-table', unitName).getByRole('button', { name: '职员' }).click();
    const drawer = page.getByTestId('unit-drawer');
    await drawer.getByRole('tab', { name: '评估结果' }).click();
    await poll(() => rows(page, 'unit-eval-table').count()).toBe(2);
    const periods = (await rows(page, 'unit-eval-table').allTextContents()).map((s) => s.slice(0, 6));
    expect(periods).toEqual(['FY2015', 'FY2016']);
    const drawn = await chartText(page, 'unit-eval-chart');
    expect(drawn).toContain('FY2015');
    expect(drawn).toContain('FY2016');
    expect(drawn).toContain('学术评估');
    expect(drawn).toContain('经济评估');
    expect(problems).toEqual([]);
  });
});
