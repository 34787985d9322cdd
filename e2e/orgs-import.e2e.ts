import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { modal, noModal } from './antd-support.js';
import { mistypedCreditCode, openNav, tableRows, validCreditCode } from './orgs-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
let page: Page;
let problems: string[];
beforeAll(async () => {
  stack = await startStack();
  ({ page, problems } = await stack.newPage());
  page.setDefaultTimeout(15_000);
  await signInAs(page, 'admin');
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: '/tmp/commonlab-e2e-orgs-import-failed.png' });
});
afterAll(async () => {
  await stack?.close();
});

const HEADERS = [
  '名称',
  '英文名称',
  '类型',
  '企业规模',
  '统一社会信用代码',
  '国家或地区',
  '联系人',
  '联系邮箱',
];
type Row = (string | null)[];

async function xlsx(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const csv = (headers: string[], rows: Row[]) =>
  Buffer.from([headers, ...rows].map((r) => r.map((c) => c ?? '').join(',')).join('\r\n'), 'utf8');

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_ROWS: Row[] = [
  [
    '无锡精密仪器有限公司',
    'Wuxi Precision Instruments',
    '企业',
    '中小企业',
    validCreditCode(11),
    '中国',
    '周杰',
    'zhou@wx.example.cn',
  ],
  ['常州光电研究院', null, '科研院所', null, mistypedCreditCode(12), null, null, null],
  ['南通海洋装备有限公司', null, '工厂', null, null, null, null, null],
  ['扬州新能源有限公司', null, '企业', null, validCreditCode(13), null, null, null],
  ['泰州医药高等专科学校', null, '高校', '大型企业', null, null, null, null],
];
const XLSX_FIXED: Row[] = [
  XLSX_ROWS[0]!,
  ['常州光电研究院', null, '科研院所', null, validCreditCode(12), null, null, null],
  ['南通海洋装备有限公司', null, '企业', '大型企业', null, null, null, null],
  ['扬州新能源有限公司', null, '企业', '中小企业', validCreditCode(13), null, null, null],
  ['泰州医药高等专科学校', null, '高校', null, null, null, null, null],
];

const names = (rows: Row[]) => rows.map((r) => r[0]!);
const registered = async (list: string[]) =>
  (
    await stack.ctx.db.selectFrom('organisations').select('name_zh').where('name_zh', 'in', list).execute()
  ).map((r) => r.name_zh);

/** Row, column and reason of each row of the preview's error table. */
const errorRows = () =>
  tableRows(page, 'import-errors').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
  );

async function choose(name: string, mimeType: string, buffer: Buffer) {
  await modal(page).locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('import-summary').waitFor();
}

async function download(button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

describe('importing and exporting organisations (system admin)', () => {
  it('previews an XLSX file with row errors in Chinese, writes nothing, then imports the corrected file', async () => {
    await openNav(page, '机构库');
    await tableRows(page, 'orgs-table').first().waitFor();
    await page.getByRole('button', { name: '导入' }).click();

    // The template is the file to fill in.
    const template = await download('模板（XLSX）');
    expect(template.name).toBe('organisations-template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as never);
    expect(book.worksheets[0]!.getRow(1).values).toEqual(
      expect.arrayContaining(['名称', '统一社会信用代码']),
    );

    await choose('单位导入.xlsx', XLSX_MIME, await xlsx(XLSX_ROWS));
    expect(await page.getByTestId('import-summary').textContent()).toContain(
      '单位导入.xlsx：共 5 行，1 行有效，4 行有误',
    );
    expect(await errorRows()).toEqual([
      ['3', '统一社会信用代码', '校验码（第 18 位）不匹配，代码可能输入有误'],
      ['4', '类型', '此处不允许该值'],
      ['5', '企业规模', '请选择企业规模（大型企业或中小企业）'],
      ['6', '企业规模', '只有企业才有规模'],
    ]);
    // The preview marks the cells in error and shows what would be stored.
    expect(await page.getByTestId('import-preview').locator('td[data-error]').count()).toBe(4);
    expect(await tableRows(page, 'import-preview').first().textContent()).toContain('中小企业');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/commonlab-import-preview.png' });
    expect(await registered(names(XLSX_ROWS))).toEqual([]);

    await modal(page).getByRole('button', { name: '重新选择文件' }).click();
    await choose('单位导入-已修正.xlsx', XLSX_MIME, await xlsx(XLSX_FIXED));
    expect(await page.getByTestId('import-summary').textContent()).toContain('共 5 行，5 行有效，0 行有误');
    expect(await tableRows(page, 'import-errors').count()).toBe(0);
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-result').textContent()).toContain('已导入 5 行');
    expect((await registered(names(XLSX_FIXED))).sort()).toEqual(names(XLSX_FIXED).sort());
    await modal(page).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await noModal(page);
    // The list behind the dialog has reloaded: the new organisation is found in it.
    await page.getByTestId('org-search').locator('input').fill('无锡精密');
    await page.getByTestId('org-search').locator('input').press('Enter');
    await poll(() => page.getByTestId('orgs-table').textContent()).toContain('无锡精密仪器有限公司');
  });

  it('refuses a CSV file whose rows clash with each other and with the registry, then imports the corrected one', async () => {
    const headers = ['名称', '类型', '企业规模', '统一社会信用代码', '联系邮箱'];
    const rows: Row[] = [
      ['镇江智能制造有限公司', '企业', '大型企业', validCreditCode(21), 'info@zj.example.cn'],
      ['盐城数据科技有限公司', '企业', '中小企业', validCreditCode(21), 'not-an-email'],
      ['淮安重复登记有限公司', '企业', '中小企业', validCreditCode(11), null],
      ['宿迁农业科学研究所', '科研院所', null, null, null],
    ];
    await page.getByRole('button', { name: '导入' }).click();
    await choose('单位.csv', 'text/csv', csv(headers, rows));
    expect(await errorRows()).toEqual([
      ['3', '联系邮箱', '不是有效的电子邮箱地址'],
      ['3', '统一社会信用代码', '相同的值已在前面的行中出现'],
      ['4', '统一社会信用代码', '已存在使用该统一社会信用代码的机构'],
    ]);
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    expect(await registered(names(rows))).toEqual([]);

    const fixed: Row[] = [
      rows[0]!,
      ['盐城数据科技有限公司', '企业', '中小企业', validCreditCode(22), 'data@yc.example.cn'],
      ['宿迁农业科学研究所', '科研院所', null, null, null],
    ];
    await modal(page).getByRole('button', { name: '重新选择文件' }).click();
    await choose('单位-已修正.csv', 'text/csv', csv(headers, fixed));
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-result').textContent()).toContain('已导入 3 行');
    expect((await registered(names(fixed))).sort()).toEqual(names(fixed).sort());
    await modal(page).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await noModal(page);
  });

  it('exports the registry as CSV and XLSX, with the imported organisations in both', async () => {
    const imported = [
      ...names(XLSX_FIXED),
      '镇江智能制造有限公司',
      '盐城数据科技有限公司',
      '宿迁农业科学研究所',
    ];
    const asCsv = await download('导出 CSV');
    expect(asCsv.name).toMatch(/^organisations-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = asCsv.body.toString('utf8');
    expect(text.startsWith('\uFEFF名称,英文名称,类型')).toBe(true);
    for (const name of imported) expect(text).toContain(name);
    expect(text).toContain(
      `无锡精密仪器有限公司,Wuxi Precision Instruments,企业,中小企业,${validCreditCode(11)}`,
    );

    const asXlsx = await download('导出 XLSX');
    expect(asXlsx.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asXlsx.body as never);
    const sheet = book.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => {
      for (const v of row.values as unknown[]) if (typeof v === 'string') cells.push(v);
    });
    for (const name of imported) expect(cells).toContain(name);
    expect(cells).toContain('联系人');
    expect(cells).toContain('zhou@wx.example.cn');
    expect(problems).toEqual([]);
  });
});
