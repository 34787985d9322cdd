import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { count, type ExportDoc, money, share, text } from '../../../common/report-doc.js';
import { findCjkFont } from '../../files/cjk-font.js';
import { renderPdf } from '../../files/pdf.js';
import { pdfText } from '../../files/pdf-text.fixtures.js';
import { renderXlsx } from './report.xlsx.js';

const doc = (lang: ExportDoc['lang']): ExportDoc => ({
  title: lang === 'zh-CN' ? '科技成果转化报告' : 'Technology-transfer report',
  meta: [lang === 'zh-CN' ? '期间：2010–2016 年' : 'Period: 2010–2016'],
  lang,
  sheets: [
    {
      name: 'NIST',
      title: lang === 'zh-CN' ? '美国联邦实验室指标' : 'US federal-lab set',
      tables: [
        {
          title: lang === 'zh-CN' ? '汇总' : 'Summary',
          columns: [lang === 'zh-CN' ? '指标' : 'Metric', lang === 'zh-CN' ? '数值' : 'Value'],
          rows: [
            [text(lang === 'zh-CN' ? '发明披露' : 'Invention disclosures'), count(273)],
            [
              text(lang === 'zh-CN' ? '许可收入' : 'Licence income'),
              money({ amountMinor: 103440000, currency: 'USD' }),
            ],
            [text(lang === 'zh-CN' ? '前 1% 占比' : 'Top 1% share'), share(0.125)],
          ],
        },
      ],
    },
  ],
});

describe('report files', () => {
  it('draws Chinese with the font of the npm package, not a system font', () => {
    const font = findCjkFont();
    expect(font?.path).toMatch(/@embedpdf\/fonts-sc\/fonts\/NotoSansHans-Regular\.otf$/);
    expect(font?.face).toBeUndefined();
    expect(font?.data.length).toBeGreaterThan(1_000_000);
  });

  it('draws Chinese labels and formatted figures with the CJK font', async () => {
    const pdf = await renderPdf(doc('zh-CN'), findCjkFont());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfText(pdf);
    expect(lines).toContain('科技成果转化报告');
    expect(lines).toContain('发明披露');
    expect(lines).toContain('273');
    expect(lines).toContain('US$1,034,400.00');
    expect(lines).toContain('12.5%');
    expect(lines.join('')).not.toContain('\uFFFD');
  });

  it('falls back to Helvetica without a CJK font: English text is readable, Chinese becomes "?"', async () => {
    const english = pdfText(await renderPdf(doc('en-US'), null));
    expect(english).toContain('Technology-transfer report');
    expect(english).toContain('Invention disclosures');
    expect(english).toContain('$1,034,400.00');
    const chinese = pdfText(await renderPdf(doc('zh-CN'), null));
    expect(chinese).toContain('????????');
    expect(chinese.join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps counts, amounts (major units) and shares as numbers in the XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(doc('zh-CN'))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('NIST');
    const values = new Map<string, ExcelJS.CellValue>();
    ws?.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') values.set(label, row.getCell(2).value);
    });
    expect(values.get('发明披露')).toBe(273);
    expect(values.get('许可收入')).toBe(1034400);
    expect(values.get('前 1% 占比')).toBe(0.125);
    expect(ws?.getCell('A1').value).toBe('美国联邦实验室指标');
  });
});
