import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { type Cell, type DocTable, type ExportDoc, formatCell } from '../../common/report-doc.js';
import { type CjkFont, findCjkFont } from './cjk-font.js';

const MARGIN = 36;
const CELL_PAD = 3;
const BODY = 8.5;
const GRID = '#c9d1dc';
const HEAD_FILL = '#eff3f8';

/**
 * The one PDF writer of the server (reports, the printable 申报书, 专家抽取结果表 and panel summary).
 * Draws the document on A4 pages (landscape unless asked otherwise): title and scope lines, then each
 * sheet's tables with a header row repeated after a page break. With no Chinese font (`font` null) the
 * standard Helvetica is used, so the document must already be in English; characters Helvetica cannot
 * draw become "?".
 */
export async function renderPdf(
  doc: ExportDoc,
  font: CjkFont | null,
  opts: { layout?: 'portrait' | 'landscape' } = {},
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: doc.title, Creator: 'Commonlab' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  if (font) {
    if (font.face) pdf.registerFont('body', font.data, font.face);
    else pdf.registerFont('body', font.data);
  } else {
    pdf.registerFont('body', 'Helvetica');
  }
  pdf.font('body');
  const show = font ? (s: string) => s : latin1;

  pdf.fontSize(16).text(show(doc.title));
  pdf.moveDown(0.3);
  pdf.fontSize(9).fillColor('#595959');
  for (const line of doc.meta) pdf.text(show(line));
  pdf.fillColor('black');

  for (const sheet of doc.sheets) {
    pdf.moveDown(0.8);
    ensureRoom(pdf, 60);
    pdf.fontSize(13).text(show(sheet.title), MARGIN);
    for (const table of sheet.tables) drawTable(pdf, table, doc.lang, show);
  }

  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    const y = pdf.page.height - MARGIN + 10;
    pdf
      .fontSize(7)
      .fillColor('#8c8c8c')
      .text(`${i + 1} / ${pages.count}`, MARGIN, y, {
        width: pdf.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  table: DocTable,
  lang: ExportDoc['lang'],
  show: (s: string) => string,
): void {
  const width = pdf.page.width - 2 * MARGIN;
  const n = table.columns.length;
  // The first column holds the labels; the rest share what is left evenly.
  const first = n === 1 ? width : Math.min(width * 0.42, Math.max(width / n, 150));
  const rest = n > 1 ? (width - first) / (n - 1) : 0;
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));

  pdf.moveDown(0.6);
  ensureRoom(pdf, 50 + (table.chart?.height ?? 0));
  pdf.fontSize(10.5).fillColor('black').text(show(table.title), MARGIN);
  pdf.moveDown(0.2);
  if (table.chart) {
    // Vector paths and real text (searchable, sharp at any zoom), every SVG font mapped to the body font.
    const { svg, width: w, height: h } = table.chart;
    const top = pdf.y;
    SVGtoPDF(pdf, svg, MARGIN, top, { width: w, height: h, assumePt: true, fontCallback: () => 'body' });
    pdf.x = MARGIN;
    pdf.y = top + h + 4;
  }

  const header = table.columns.map((c) => show(c));
  drawRow(pdf, header, widths, { head: true });
  for (const cells of table.rows) {
    const texts = cells.map((c) => show(formatCell(c, lang)));
    const heightNeeded = rowHeight(pdf, texts, widths);
    if (pdf.y + heightNeeded > pdf.page.height - MARGIN - 14) {
      pdf.addPage();
      drawRow(pdf, header, widths, { head: true });
    }
    drawRow(pdf, texts, widths, { numeric: cells.map(isNumber) });
  }
  if (table.note) {
    pdf.moveDown(0.2);
    pdf.fontSize(7.5).fillColor('#595959').text(show(table.note), MARGIN, pdf.y, { width });
    pdf.fillColor('black');
  }
}

const isNumber = (c: Cell): boolean => c.kind !== 'text';

function rowHeight(pdf: PDFKit.PDFDocument, texts: string[], widths: number[]): number {
  pdf.fontSize(BODY);
  return (
    Math.max(
      ...texts.map((t, i) => pdf.heightOfString(t || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PAD })),
    ) +
    2 * CELL_PAD
  );
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  texts: string[],
  widths: number[],
  opts: { head?: boolean; numeric?: boolean[] },
): void {
  const h = rowHeight(pdf, texts, widths);
  const top = pdf.y;
  let x = MARGIN;
  texts.forEach((t, i) => {
    const w = widths[i] ?? 0;
    if (opts.head) pdf.rect(x, top, w, h).fillAndStroke(HEAD_FILL, GRID);
    else pdf.rect(x, top, w, h).stroke(GRID);
    pdf
      .fillColor('black')
      .fontSize(BODY)
      .text(t, x + CELL_PAD, top + CELL_PAD, {
        width: w - 2 * CELL_PAD,
        align: opts.numeric?.[i] ? 'right' : 'left',
      });
    x += w;
  });
  pdf.x = MARGIN;
  pdf.y = top + h;
}

function ensureRoom(pdf: PDFKit.PDFDocument, points: number): void {
  if (pdf.y + points > pdf.page.height - MARGIN - 14) pdf.addPage();
}

/** What the standard Helvetica (WinAnsi) can draw; anything else becomes "?". */
const latin1 = (s: string): string => s.replace(/[^\t\n\x20-\x7e\xa0-\xff]/g, '?');

export const PDF_TYPE = 'application/pdf';

/**
 * A printable document (申报书, 专家抽取结果表, panel summary) in the reader's language with the packaged
 * CJK font, on A4 portrait. `build` makes the document in the language it is given: Chinese asked for on
 * an installation without the font package comes out in English with a line saying so, never as "?".
 * Portrait unless asked otherwise (a statement of many columns is landscape).
 */
export async function printablePdf(
  asked: ExportDoc['lang'],
  build: (lang: ExportDoc['lang']) => ExportDoc | Promise<ExportDoc>,
  opts: { layout?: 'portrait' | 'landscape' } = {},
): Promise<Buffer> {
  const font = findCjkFont();
  const lang = font ? asked : 'en-US';
  const doc = await build(lang);
  if (lang !== asked) doc.meta.push('No Chinese font is installed on this server: printed in English.');
  return renderPdf(doc, font, { layout: opts.layout ?? 'portrait' });
}
