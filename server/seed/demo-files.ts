import ExcelJS from 'exceljs';
import type { SaveDraftInput } from '../modules/applications/applications.schema.js';

// Attachment files of the demo applications (a PDF plan and an XLSX budget sheet), checked by magic bytes.
/** A small but well-formed PDF page, so the demo's attachment opens in a viewer. */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function demoBudgetSheet(lines: SaveDraftInput['budget']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算 Budget');
  ws.addRow(['单位 Organisation', '科目 Category', '金额（分）Amount (minor units)']);
  for (const l of lines ?? []) ws.addRow([l.organisationId, l.category, l.amountMinor]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
