import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseField,
  confirmPopup,
  dateInput,
  messageText,
  modal,
  numberInput,
  pick,
  pickDate,
} from './antd-support.js';
import { chartText, openTab, row } from './platforms-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
let page: Page;
let problems: string[];
let platformId = '';
let year = 0;
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  await signInAs(page, 'admin');
});
afterAll(async () => {
  await stack?.close();
});

const NAME_ZH = '长三角先进材料共性技术平台';
const NAME_EN = 'Yangtze Delta Advanced Materials Platform';
const UNIT_ZH = '先进复合材料实验室';
const MEMBER_ZH = '周立';

const detail = async () => (await page.request.get(`/api/platforms/${platformId}`)).json();

describe('a system admin builds a platform and sees it in the organisation chart and the comparison', () => {
  it('creates a platform; the server refuses a taken code under its field', async () => {
    await page
      .getByTestId('side-nav')
      .getByRole('menuitem', { name: /(^|\s)平台$/ })
      .click();
    await row(page, 'platforms-table', 'NIST').waitFor();
    // The actions column stays inside the page at both laptop widths (fixed at the right edge).
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      const acts = (await page
        .getByTestId('platforms-table')
        .getByRole('columnheader', { name: '操作' })
        .boundingBox())!;
      expect(acts.x + acts.width, `${size.width} px`).toBeLessThanOrEqual(size.width);
      const link = row(page, 'platforms-table', 'NIST').getByRole('link', { name: /组织架构图/ });
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, `${size.width} px`).toBeLessThanOrEqual(acts.x + acts.width);
    }
    await page.getByRole('button', { name: '新建平台' }).click();
    const form = page.getByTestId('platform-form');
    await form.locator('#nameZh').fill(NAME_ZH);
    await form.locator('#nameEn').fill(NAME_EN);
    await form.locator('#code').fill('nist');
    await pick(page, 'model', '政府社会资本合作研究计划');
    await form.locator('#supervisingDepartmentZh').fill('上海市科学技术委员会');
    await form.locator('#supervisingDepartmentEn').fill('Shanghai Science and Technology Commission');
    await form.locator('#committeeAppointerZh').fill('长三角科技创新联席会议');
    await form.locator('#committeeAppointerEn').fill('Yangtze Delta Innovation Council');
    await form.getByRole('button', { name: '创建' }).click();
    await poll(() =>
      form.locator('.ant-form-item:has(#code) .ant-form-item-explain-error').textContent(),
    ).toBe('该平台代码已被占用');

    await form.locator('#code').fill('YRD-AM');
    await form.getByRole('button', { name: '创建' }).click();
    await poll(() => page.getByTestId('platform-name').textContent()).toBe(NAME_ZH);
    platformId = new URL(page.url()).pathname.split('/')[2]!;
    const p = await detail();
    expect([p.code, p.model, p.defaultCurrency, p.access.canEdit]).toEqual([
      'YRD-AM',
      'ppp_program',
      'CNY',
      true,
    ]);
  });

  it('edits the government-participation ratings', async () => {
    await page.getByTestId('edit-platform').click();
    for (const [dim, value] of [
      ['funding', '2'],
      ['rd', '1'],
      ['management', '3'],
    ] as const) {
      await page
        .getByTestId(`rating-input-${dim}`)
        .locator('.ant-segmented-item', { hasText: value })
        .click();
    }
    await page.getByTestId('platform-form').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('platform-profile').waitFor();
    expect(await page.getByTestId('rating-funding-value').textContent()).toBe('2 / 3');
    expect(await page.getByTestId('rating-rd-value').textContent()).toBe('1 / 3');
    expect(await page.getByTestId('rating-management-value').textContent()).toBe('3 / 3');
    const p = await detail();
    expect([p.ratingFunding, p.ratingRd, p.ratingManagement]).toEqual([2, 1, 3]);
  });

  it('records funding by source and year in major units, stored as integer minor units', async () => {
    await openTab(page, '经费来源');
    await page.getByTestId('edit-funding').click();
    await page.getByTestId('funding-add-year').click();
    await page.getByTestId('funding-add-year').click();
    const years = await page
      .locator('input[data-testid^="funding-year-"], [data-testid^="funding-year-"] input')
      .all();
    year = Number(await years[0]!.inputValue());
    await numberInput(page, `funding-${year}-appropriation`).fill('1000000');
    await numberInput(page, `funding-${year}-social_capital`).fill('500000');
    await numberInput(page, `funding-${year + 1}-appropriation`).fill('1200000.5');
    await numberInput(page, `funding-${year + 1}-member_dues`).fill('300000');
    await page.getByTestId('funding-save').click();
    await poll(() => messageText(page)).toBe('已保存经费');

    const table = page.getByTestId('funding-table');
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await table.textContent()).toContain('¥1,200,000.50');
    expect(await chartText(page, 'funding-chart')).toMatch(/财政拨款.*社会资本.*会员费/);
    const { funding } = await detail();
    expect(
      funding.rows.map((r: { year: number; source: string; amountMinor: number }) => [
        r.year,
        r.source,
        r.amountMinor,
      ]),
    ).toEqual([
      [year, 'appropriation', 100_000_000],
      [year, 'social_capital', 50_000_000],
      [year + 1, 'appropriation', 120_000_050],
      [year + 1, 'member_dues', 30_000_000],
    ]);
  });

  it('chooses the technology fields it covers from the taxonomy', async () => {
    await openTab(page, '覆盖领域');
    await chooseField(page, page.getByTestId('platform-fields-select'), '新材料技术');
    await chooseField(page, page.getByTestId('platform-fields-select'), '复合材料');
    await page.getByTestId('fields-tab').getByRole('button', { name: '保存' }).click();
    await poll(() => messageText(page)).toBe('已保存技术领域');
    await poll(() => page.getByTestId('platform-fields-tree').textContent()).toBe('新材料技术复合材料');
    const { fields } = await detail();
    expect(fields.map((f: { code: string }) => f.code).sort()).toEqual(['materials', 'materials.composites']);
  });

  it('adds a unit with a director and fields, and a new person to its staff', async () => {
    await openTab(page, '下设机构');
    await page.getByTestId('add-unit').click();
    const form = modal(page);
    await form.locator('#nameZh').fill(UNIT_ZH);
    await form.locator('#nameEn').fill('Advanced Composites Laboratory');
    await form.locator('#code').fill('ACL');
    await pick(page, 'directorPersonId', '王磊', '王磊');
    await chooseField(page, 'fieldIds', '复合材料');
    await form.getByRole('button', { name: '创建' }).click();
    await poll(() => messageText(page)).toBe(`已保存机构单元 ${UNIT_ZH}`);
    await poll(() => row(page, 'units-table', UNIT_ZH).textContent()).toContain('王磊');
    expect(await row(page, 'units-table', UNIT_ZH).textContent()).toContain('复合材料');

    await row(page, 'units-table', UNIT_ZH).getByRole('button', { name: '职员' }).click();
    const drawer = page.getByTestId('unit-drawer');
    await poll(() => drawer.getByTestId('unit-director-name').textContent()).toBe('王磊');
    const add = drawer.getByTestId('add-staff-form');
    await add.getByText('新建人员', { exact: true }).click();
    await add.locator('#person_nameZh').fill('赵敏');
    await add.locator('#person_nameEn').fill('Zhao Min');
    await pick(page, 'position', '工程师');
    await add.getByRole('button', { name: '加入职员' }).click();
    await poll(() => messageText(page)).toBe('已加入职员名单');
    await poll(() => row(page, 'staff-table', '赵敏').textContent()).toContain('工程师');
    await page.keyboard.press('Escape');
  });

  it('appoints a new committee member; the composition follows', async () => {
    await openTab(page, '评估委员会');
    expect(await page.getByTestId('committee-appointer').textContent()).toBe('长三角科技创新联席会议');
    await page.getByTestId('appoint-member').click();
    const form = modal(page);
    await form.getByText('新建人员', { exact: true }).click();
    await form.locator('#person_nameZh').fill(MEMBER_ZH);
    await form.locator('#person_nameEn').fill('Zhou Li');
    await pick(page, 'category', '产业界人士');
    // The term starts on a day picked in the shared date picker; the server gets it as YYYY-MM-DD.
    const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await pickDate(page, dateInput(form, 'member-term-start'), start);
    const appointed = page.waitForRequest(
      (r) => r.method() === 'POST' && /\/committee$/.test(new URL(r.url()).pathname),
    );
    await form.getByRole('button', { name: '任命' }).click();
    expect((await appointed).postDataJSON()).toMatchObject({ termStart: start, termEnd: null });
    await poll(() => messageText(page)).toBe('已任命委员');
    await poll(() => row(page, 'committee-table', MEMBER_ZH).textContent()).toContain('产业界人士');
    expect(await row(page, 'committee-table', MEMBER_ZH).textContent()).toContain('在任');
    expect(await chartText(page, 'composition-chart')).toContain('产业界人士');
    expect((await detail()).committeeComposition).toEqual({ academic: 0, lab: 0, industry: 1, total: 1 });
  });

  it('draws the new unit, its director, the committee and the funding flow in the organisation chart', async () => {
    await page.getByRole('button', { name: '组织架构图' }).click();
    await poll(() => page.getByTestId('org-chart-title').textContent()).toBe(NAME_ZH);
    const drawn = await chartText(page, 'org-chart');
    for (const text of [
      '上海市科学技术委员会',
      NAME_ZH,
      UNIT_ZH,
      '实验室 · 主任 王磊',
      '评估委员会',
      '长三角科技创新联席会议',
      '产业界人士',
      '财政拨款',
      '会员费',
    ]) {
      expect(drawn).toContain(text);
    }
    // The latest year's flows only: social capital came in the earlier year.
    expect(drawn).not.toContain('社会资本');
    expect(await page.getByTestId('org-chart-units').textContent()).toBe(`${UNIT_ZH} — 主任 王磊`);
    expect(await page.getByTestId('org-chart-funding').textContent()).toContain('¥1,200,000.50');
  });

  it('shows the platform in the comparison: the radar of its model, the funding mix and the table', async () => {
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '平台对比' }).click();
    await poll(() => chartText(page, 'funding-mix')).toContain(NAME_ZH);
    expect(await chartText(page, 'radar-ppp_program')).toContain(NAME_ZH);
    expect(await chartText(page, 'radar-gov_institute')).not.toContain(NAME_ZH);
    const line = row(page, 'comparison-table', NAME_ZH);
    // Ratings 2 / 1 / 3, one unit; the new platform is not marked illustrative.
    expect((await line.locator('td').allTextContents()).slice(2, 6)).toEqual(['CN', '2', '1', '3']);
    expect(await line.textContent()).not.toContain('示例');
    expect(await line.locator('td').nth(7).textContent()).toBe('1');
    expect(await line.locator('td').nth(8).textContent()).toBe('新材料技术复合材料');
    expect(problems).toEqual([]);
  });
});

describe('the technology-field taxonomy', () => {
  const fieldRow = (code: string) =>
    page.getByTestId('fields-table').locator('tr.ant-table-row', { hasText: code });

  it('adds a sub-field, retires and reactivates it, and refuses to delete a field in use', async () => {
    await page.getByTestId('side-nav').getByRole('menuitem', { name: '技术领域' }).click();
    await fieldRow('materials.lightweight').waitFor();
    await page
      .getByTestId('fields-table')
      .locator('tr.ant-table-row-level-0', { hasText: '新材料技术' })
      .getByRole('button', { name: '添加子领域' })
      .click();
    const form = modal(page);
    await form.locator('#code').fill('materials.ceramics');
    await form.locator('#nameZh').fill('先进陶瓷');
    await form.locator('#nameEn').fill('Advanced ceramics');
    await form.getByRole('button', { name: '创建' }).click();
    await poll(() => messageText(page)).toBe('已保存领域 materials.ceramics');
    await fieldRow('materials.ceramics').waitFor();

    await fieldRow('materials.ceramics').getByRole('button', { name: '停用' }).click();
    await confirmPopup(page, '停用');
    await poll(() => fieldRow('materials.ceramics').textContent()).toContain('已停用');
    await fieldRow('materials.ceramics').getByRole('button', { name: '重新启用' }).click();
    await poll(() => fieldRow('materials.ceramics').textContent()).toContain('正常');

    // NIST's units are tagged with 5G communication: deleting it is refused with the server's reason.
    await fieldRow('electronics.5g').getByRole('button', { name: '删除' }).click();
    await confirmPopup(page, '删除');
    await poll(() => messageText(page)).toBe('该领域正在使用中，请停用而不是删除');
    await fieldRow('electronics.5g').waitFor();

    await fieldRow('materials.ceramics').getByRole('button', { name: '删除' }).click();
    await confirmPopup(page, '删除');
    await poll(() => messageText(page)).toBe('已删除领域 materials.ceramics');
    await poll(() => fieldRow('materials.ceramics').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
