import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { country, date, enumOf, fold, list, phone, url } from './columns.js';
import { MAX_ROWS, readSheet, writeCsv, writeXlsx, zipUncompressedSize } from './sheet.js';

describe('cell parsers', () => {
  it('reads dates as typed in China and refuses impossible ones', () => {
    expect(date('2026/1/5')).toEqual({ value: '2026-01-05' });
    expect(date('2026年1月5日')).toEqual({ value: '2026-01-05' });
    expect(date('2026-12-31')).toEqual({ value: '2026-12-31' });
    for (const bad of ['2026-02-30', '2026-13-01', '05/01/2026', 'tomorrow']) {
      expect(date(bad), bad).toEqual({ error: 'imports.invalid_date' });
    }
  });

  it('takes a country by ISO code or by its Chinese or English name', () => {
    expect(country('中国')).toEqual({ value: 'CN' });
    expect(country('germany')).toEqual({ value: 'DE' });
    expect(country('us')).toEqual({ value: 'US' });
    expect(country('Atlantis')).toEqual({ error: 'imports.invalid_value' });
  });

  it('takes enumeration values by code, Chinese label or alias, and writes them in the file language', () => {
    const size = enumOf({ large: ['大型企业', '大型'], sme: ['中小企业', '中小型企业'] });
    expect(size.parse('ＳＭＥ')).toEqual({ value: 'sme' });
    expect(size.parse('中小型企业')).toEqual({ value: 'sme' });
    expect(size.parse('huge')).toEqual({ error: 'imports.invalid_value' });
    expect(size.format('large', 'zh-CN')).toBe('大型企业');
    expect(size.format('large', 'en-US')).toBe('large');
    expect(size.values('zh-CN')).toEqual(['大型企业', '中小企业']);
  });

  it('ignores case, width, spaces, underscores, asterisks and a trailing remark in headers', () => {
    expect(fold(' Name_ZH* ')).toBe('namezh');
    expect(fold('名称（必填）')).toBe('名称');
  });

  it('checks web addresses, phones and lists', () => {
    expect(url('www.example.cn')).toEqual({ value: 'https://www.example.cn' });
    expect(url('javascript:alert(1)')).toEqual({ error: 'imports.invalid_url' });
    expect(url('localhost')).toEqual({ error: 'imports.invalid_url' });
    expect(phone('(010) 6279 5627 转 12')).toEqual({ value: '(010) 6279 5627 转 12' });
    expect(phone('call me')).toEqual({ error: 'imports.invalid_phone' });
    expect(list('energy， materials、bio;  it')).toEqual({ value: ['energy', 'materials', 'bio', 'it'] });
  });
});

describe('reading files', () => {
  it('numbers CSV rows as the spreadsheet does, also across a cell with a line break', async () => {
    const sheet = await readSheet(
      Buffer.from('\uFEFF名称,地址\r\n甲,"第一行\r\n第二行"\r\n,\r\n乙,"\'=1+1"\r\n'),
    );
    expect(sheet).toEqual({
      headers: ['名称', '地址'],
      rows: [
        { row: 2, cells: ['甲', '第一行\r\n第二行'] },
        { row: 4, cells: ['乙', '=1+1'] },
      ],
    });
  });

  it('reads XLSX dates, numbers, rich text, links and formula results as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['a', 'b', 'c', 'd', 'e']);
    ws.addRow([
      new Date(Date.UTC(2026, 0, 5)),
      42,
      { richText: [{ text: '富' }, { text: '文本' }] },
      { text: 'mail@example.cn', hyperlink: 'mailto:mail@example.cn' },
      { formula: '1+1', result: 2 },
    ]);
    const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows).toEqual([{ row: 2, cells: ['2026-01-05', '42', '富文本', 'mail@example.cn', '2'] }]);
  });

  it('refuses more than the maximum number of rows', async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `r${i}`).join('\n');
    await expect(readSheet(Buffer.from(`name\n${rows}`))).rejects.toMatchObject({
      status: 400,
      code: 'imports.too_many_rows',
    });
  });

  it('refuses an XLSX whose contents would inflate beyond the limit, before unzipping it', async () => {
    const real = await writeXlsx('S', [{ header: 'a' }], [['x']]);
    expect(zipUncompressedSize(real)).toBeGreaterThan(1000);
    // Claim 4 GB for the first entry in the central directory.
    const bomb = Buffer.from(real);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(0xffffffff, bomb.readUInt32LE(eocd + 16) + 24);
    await expect(readSheet(bomb)).rejects.toMatchObject({ status: 413, code: 'imports.file_too_large' });
  });
});

describe('writing files', () => {
  it('writes CSV with a BOM and CRLF, defusing cells a spreadsheet would run as formulas', () => {
    const out = writeCsv(
      ['名称', '电话'],
      [
        ['=cmd|calc', '+86 10 1234'],
        ['@SUM(1)', '-1'],
      ],
    ).toString('utf8');
    expect(out).toBe("\uFEFF名称,电话\r\n'=cmd|calc,'+86 10 1234\r\n'@SUM(1),'-1\r\n");
  });

  it('reads back what it writes', async () => {
    const csvBack = await readSheet(
      writeCsv(
        ['a', 'b'],
        [
          ['=x', '+86 1'],
          ['逗号,引号"', ''],
        ],
      ),
    );
    expect(csvBack.rows.map((r) => r.cells)).toEqual([
      ['=x', '+86 1'],
      ['逗号,引号"', ''],
    ]);
    const xlsxBack = await readSheet(
      await writeXlsx('S', [{ header: 'a', text: true }, { header: 'b' }], [['0123', '=x']]),
    );
    expect(xlsxBack.rows.map((r) => r.cells)).toEqual([['0123', '=x']]);
  });
});
