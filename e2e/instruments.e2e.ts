import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedRequest, modal, numberInput, pick, submitDialog } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { navLabels, poll, type Stack, signInAs, startStack } from './support.js';

/**
 * Large-instrument sharing in Chinese (issue 14): the unit registers, publishes and blocks an instrument
 * for maintenance; the public sees its calendar without who; the enterprise books hours from the
 * calendar and follows them in 我的预约; the unit approves them from its queue.
 */
let stack: Stack;
let unitAdmin: Page;
let enterprise: Page;
let visitor: Page;
const problems: string[][] = [];

const DAY = 86_400_000;
/** Next week's Monday (UTC): in the future whatever today is, and the calendar's 下一周. */
const now = new Date();
const nextMonday = new Date(
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) +
    (7 - ((now.getUTCDay() + 6) % 7)) * DAY,
)
  .toISOString()
  .slice(0, 10);
const nextTuesday = new Date(Date.parse(nextMonday) + DAY).toISOString().slice(0, 10);
const slot = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const cellState = (page: Page, at: string) =>
  modalOrPage(page).locator(`[data-slot="${at}"]`).first().getAttribute('data-state');
const modalOrPage = (page: Page) => page.getByTestId('instrument-calendar').last();

beforeAll(async () => {
  stack = await startStack();
  const a = await stack.newPage();
  const b = await stack.newPage();
  const c = await stack.newPage();
  ({ page: unitAdmin } = a);
  ({ page: enterprise } = b);
  ({ page: visitor } = c);
  problems.push(a.problems, b.problems, c.problems);
  await signInAs(unitAdmin, 'platformadmin');
  await signInAs(enterprise, 'enterprise');
});
afterAll(async () => {
  await stack?.close();
});

describe('shared instruments, in Chinese', () => {
  it('the unit registers an instrument, publishes it and blocks hours for maintenance', async () => {
    expect(await navLabels(unitAdmin)).toEqual(expect.arrayContaining(['仪器管理', '预约审批']));
    await unitAdmin.goto(`/instruments/manage?platform=${stack.platformId}`);
    await unitAdmin.getByTestId('page-title').waitFor();
    await unitAdmin.getByRole('button', { name: '登记仪器' }).click();
    const units = (await (
      await unitAdmin.request.get(`/api/platforms/${stack.platformId}/units`)
    ).json()) as {
      items: { nameZh: string }[];
    };
    await pick(unitAdmin, 'unitId', units.items[0]!.nameZh);
    const form = modal(unitAdmin);
    await form.getByLabel('仪器名称（中文）').fill('高分辨质谱仪');
    await form.getByLabel('仪器名称（英文）').fill('High-resolution mass spectrometer');
    await form.getByLabel('型号').fill('Orbitrap Exploris 480');
    await form.getByLabel('存放地点').fill('分析楼 A201');
    await numberInput(unitAdmin, 'instrument-value').fill('3800000');
    await numberInput(unitAdmin, 'instrument-rate').fill('800');
    const created = await submitDialog(unitAdmin, '创建', 'POST', /\/instruments$/);
    expect(created.status()).toBe(201);
    const instrument = (await created.json()) as { id: string; state: string; hourlyRateMinor: number };
    expect(instrument).toMatchObject({ state: 'draft', hourlyRateMinor: 80_000 });

    const row = unitAdmin.locator('tr', { hasText: '高分辨质谱仪' });
    await poll(() => row.textContent()).toContain('草稿');
    const published = await confirmedRequest(
      unitAdmin,
      row.getByRole('button', { name: '发布' }),
      '确定',
      /\/state$/,
    );
    expect(published.status()).toBe(200);
    await poll(() => row.textContent()).toContain('已发布');

    await row.getByRole('button', { name: '维护' }).click();
    await modal(unitAdmin).getByRole('button', { name: '下一周' }).click();
    await modal(unitAdmin)
      .getByRole('button', { name: `${nextTuesday} 08:00 空闲` })
      .click();
    await modal(unitAdmin).getByLabel('机时', { exact: true }).fill('2');
    await modal(unitAdmin).getByLabel('维护内容').fill('更换离子源');
    const blocked = await submitDialog(unitAdmin, '锁定时段', 'POST', /\/maintenance$/);
    expect(blocked.status()).toBe(201);
    expect(await blocked.json()).toMatchObject({ kind: 'maintenance', startsAt: slot(nextTuesday, 8) });
  });

  it('anyone finds it on the portal and sees the maintenance hours', async () => {
    await visitor.goto('/public');
    await visitor.getByTestId('public-instruments-link').click();
    await visitor.getByTestId('instruments-search').locator('input').fill('质谱');
    await visitor.getByTestId('instruments-search').locator('input').press('Enter');
    await poll(() => visitor.getByTestId('instruments-total').textContent()).toBe('共 1 台仪器');
    const hit = visitor.getByTestId('instruments-result');
    expect(await hit.textContent()).toContain('企业预留 30%');
    await hit.getByRole('button', { name: '机时日历' }).click();
    await visitor.getByRole('button', { name: '下一周' }).click();
    await poll(() => cellState(visitor, slot(nextTuesday, 8))).toBe('maintenance');
    await poll(() => cellState(visitor, slot(nextTuesday, 9))).toBe('maintenance');
    await poll(() => cellState(visitor, slot(nextTuesday, 10))).toBe('free');
    expect(await visitor.getByTestId('calendar-share').textContent()).toContain(
      '每天 10 个机时中 3 个留给企业',
    );
    await expectAccessible(visitor, '仪器机时日历（公众）');
  });

  it('the enterprise books two hours from the calendar and sees them in 我的预约', async () => {
    expect(await navLabels(enterprise)).toEqual(expect.arrayContaining(['大型仪器共享', '我的预约']));
    await enterprise.goto('/instruments/browse?q=质谱');
    await enterprise
      .getByTestId('instruments-result')
      .getByRole('button', { name: '预约', exact: true })
      .click();
    await modal(enterprise).getByRole('button', { name: '下一周' }).click();
    await poll(() => cellState(enterprise, slot(nextTuesday, 8))).toBe('maintenance');
    // The maintenance hours are not offered; the free ones are.
    expect(
      await modal(enterprise)
        .getByRole('button', { name: `${nextTuesday} 08:00 空闲` })
        .count(),
    ).toBe(0);
    await modal(enterprise)
      .getByRole('button', { name: `${nextMonday} 10:00 空闲` })
      .click();
    await modal(enterprise).getByLabel('机时', { exact: true }).fill('2');
    await poll(() => modal(enterprise).textContent()).toContain('合计 ¥1,600.00');
    await modal(enterprise).getByLabel('预约用途').fill('测定新型催化剂中间体的分子量');
    const booked = await submitDialog(enterprise, '提交预约', 'POST', /\/bookings$/);
    expect(booked.status()).toBe(201);
    expect(await booked.json()).toMatchObject({
      state: 'requested',
      forEnterprise: true,
      startsAt: slot(nextMonday, 10),
      endsAt: slot(nextMonday, 12),
      priceMinor: 160_000,
    });
    await enterprise.waitForURL((u) => u.pathname === '/instruments/bookings');
    const mine = enterprise.locator('tr', { hasText: '高分辨质谱仪' });
    await poll(() => mine.textContent()).toContain('待审批');
    expect(await mine.textContent()).toContain(`${nextMonday} 10:00–12:00 UTC`);
  });

  it('the unit approves it; the public calendar shows the hours taken but not who took them', async () => {
    await unitAdmin.goto(`/instruments/approvals?platform=${stack.platformId}`);
    const row = unitAdmin.locator('tr', { hasText: '测定新型催化剂中间体的分子量' });
    await poll(() => row.textContent()).toContain('企业');
    const approved = await confirmedRequest(
      unitAdmin,
      row.getByRole('button', { name: '批准' }),
      '确定',
      /\/decision$/,
    );
    expect(approved.status()).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'approved' });

    await enterprise.reload();
    await poll(() => enterprise.locator('tr', { hasText: '高分辨质谱仪' }).textContent()).toContain('已批准');

    await visitor.reload();
    await visitor.getByTestId('instruments-result').getByRole('button', { name: '机时日历' }).click();
    await visitor.getByRole('button', { name: '下一周' }).click();
    await poll(() => cellState(visitor, slot(nextMonday, 10))).toBe('taken');
    await poll(() => cellState(visitor, slot(nextMonday, 11))).toBe('taken');
    expect(await cellState(visitor, slot(nextMonday, 12))).toBe('free');
    const calendar = (await visitor.getByTestId('instrument-calendar').textContent()) ?? '';
    expect(calendar).not.toContain('催化剂');
    expect(calendar).not.toContain('Huang');
    for (const p of problems) expect(p).toEqual([]);
  });
});
