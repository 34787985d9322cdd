import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';

export interface Sheet {
  headers: string[];
  /** Data rows with the spreadsheet's row numbers (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

export const MAX_ROWS = 5000;
// An XLSX is a ZIP: a small upload can inflate to gigabytes, so the declared sizes are checked first.
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const BOM = '\uFEFF';

/** Reads an uploaded CSV (UTF-8, with or without BOM) or XLSX, told apart by content, not by name. */
export async function readSheet(file: Buffer): Promise<Sheet> {
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(file);
  if (file.includes(0)) throw new AppError(415, 'imports.unsupported_file');
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new AppError(415, 'imports.csv_not_utf8');
  }
  return readCsv(textContent);
}

function toSheet(records: { row: number; cells: string[] }[]): Sheet {
  const [head, ...rest] = records;
  if (head?.row !== 1 || head.cells.every((c) => c === '')) throw new AppError(400, 'imports.empty_file');
  const rows = rest.filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > MAX_ROWS) throw new AppError(400, 'imports.too_many_rows', { maxRows: MAX_ROWS });
  return { headers: head.cells, rows };
}

function readCsv(content: string): Sheet {
  let records: string[][];
  try {
    records = parse(content.startsWith(BOM) ? content.slice(1) : content, {
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch {
    throw new AppError(400, 'imports.unreadable_file');
  }
  // A spreadsheet row is one CSV record, also when a quoted cell spans several lines.
  return toSheet(records.map((cells, i) => ({ row: i + 1, cells: cells.map(unescapeCell) })));
}

async function readXlsx(file: Buffer): Promise<Sheet> {
  const unzipped = zipUncompressedSize(file);
  if (unzipped === null) throw new AppError(400, 'imports.unreadable_file');
  if (unzipped > MAX_UNZIPPED_BYTES) throw new AppError(413, 'imports.file_too_large');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError(400, 'imports.unreadable_file');
  }
  const ws = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!ws) throw new AppError(400, 'imports.empty_file');
  const records: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS + 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  if (ws.actualRowCount > MAX_ROWS + 1)
    throw new AppError(400, 'imports.too_many_rows', { maxRows: MAX_ROWS });
  return toSheet(records);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unescapeCell(v.trim());
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date)
    return v.toISOString().endsWith('T00:00:00.000Z') ? v.toISOString().slice(0, 10) : v.toISOString();
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** Sum of the uncompressed sizes in the ZIP central directory, or null when it is not a readable ZIP. */
export function zipUncompressedSize(buf: Buffer): number | null {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    total += buf.readUInt32LE(p + 24);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

// Spreadsheet programs run a cell starting with = + - @ as a formula; exports quote such cells
// with a leading apostrophe (OWASP "CSV injection"), and imports take the apostrophe off again.
const FORMULA_START = /^[=+\-@\t\r]/;
const escapeCell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
const unescapeCell = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/** CSV with a BOM, so Excel in a Chinese locale opens UTF-8 correctly. */
export function writeCsv(headers: string[], rows: string[][]): Buffer {
  return Buffer.from(
    BOM + stringify([headers, ...rows.map((r) => r.map(escapeCell))], { record_delimiter: '\r\n' }),
    'utf8',
  );
}

export interface XlsxColumn {
  header: string;
  width?: number;
  text?: boolean;
}

/** One sheet of data (values as text, never formulas) and, optionally, a sheet of instructions. */
export async function writeXlsx(
  name: string,
  columns: XlsxColumn[],
  rows: string[][],
  notes?: { name: string; rows: string[][] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Commonlab';
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? 18,
    style: c.text ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  if (notes) {
    const ns = wb.addWorksheet(notes.name);
    ns.columns = notes.rows[0]!.map(() => ({ width: 40 }));
    for (const r of notes.rows) ns.addRow(r);
    ns.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
