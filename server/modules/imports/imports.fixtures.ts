import ExcelJS from 'exceljs';
import type { Client } from '../../test/harness.js';

/** A multipart/form-data body with one file part, as a browser would send it. */
export function multipart(file: Buffer, filename = 'upload.csv', field = 'file') {
  const boundary = `----commonlab${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a file to an import route. */
export const upload = (client: Client, url: string, file: Buffer, filename?: string) =>
  client.request({ method: 'POST', url, ...multipart(file, filename) });

/** A CSV file as Excel saves "CSV UTF-8": BOM, CRLF, quoted where needed. */
export function csv(rows: string[][], bom = true): Buffer {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return Buffer.from((bom ? '\uFEFF' : '') + rows.map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');
}

/** An XLSX file with one sheet of the given rows (cells typed as given: strings, numbers, dates). */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cells of every sheet of an XLSX, as text. */
export async function readXlsx(body: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    out[ws.name] = [];
    ws.eachRow((row) => {
      out[ws.name]!.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      );
    });
  }
  return out;
}

/** The rows of a CSV body (no quoting in the fixtures' data beyond what csv() writes). */
export function parseCsvBody(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));
}
