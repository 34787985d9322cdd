import ExcelJS from 'exceljs';
import { currencyDigits } from '../../../common/platforms.js';
import { type Cell, type ExportDoc, major } from '../../../common/report-doc.js';

/** Number format of an amount: grouped major units with the currency code, e.g. `#,##0.00 "USD"`. */
const moneyFormat = (currency: string): string => {
  const digits = currencyDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

function put(target: ExcelJS.Cell, cell: Cell): void {
  switch (cell.kind) {
    case 'text':
      target.value = cell.value;
      return;
    case 'count':
      target.value = cell.value;
      target.numFmt = '#,##0';
      return;
    case 'days':
      target.value = cell.value;
      target.numFmt = '#,##0.0';
      return;
    case 'share':
      target.value = cell.value;
      target.numFmt = '0.0%';
      return;
    case 'money':
      target.value = major(cell.value);
      target.numFmt = moneyFormat(cell.value.currency);
      return;
    case 'empty':
      target.value = null;
      return;
  }
}

/**
 * One worksheet per sheet of the document: the title and scope lines on top, then each table with a bold
 * title and header row. Counts, amounts (major units with a currency format) and shares stay numbers,
 * so a reader can add them up or chart them; nothing is stored as preformatted text.
 */
export async function renderXlsx(doc: ExportDoc): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Commonlab';
  workbook.title = doc.title;
  for (const sheet of doc.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const widths: number[] = [];
    const grow = (col: number, len: number) => {
      widths[col] = Math.max(widths[col] ?? 10, Math.min(60, len + 2));
    };
    ws.addRow([sheet.title]).font = { bold: true, size: 14 };
    for (const line of doc.meta) ws.addRow([line]).font = { color: { argb: 'FF595959' } };
    for (const table of sheet.tables) {
      ws.addRow([]);
      ws.addRow([table.title]).font = { bold: true, size: 12 };
      const head = ws.addRow(table.columns);
      head.font = { bold: true };
      head.eachCell((c) => {
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
      });
      table.columns.forEach((c, i) => {
        grow(i + 1, wide(c));
      });
      for (const cells of table.rows) {
        const row = ws.addRow([]);
        cells.forEach((cell, i) => {
          put(row.getCell(i + 1), cell);
          grow(i + 1, cell.kind === 'text' ? wide(cell.value) : 14);
        });
      }
      if (table.note) ws.addRow([table.note]).font = { italic: true, color: { argb: 'FF595959' } };
    }
    widths.forEach((w, i) => {
      if (w) ws.getColumn(i).width = w;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Display width: a CJK character takes two columns. */
const wide = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
