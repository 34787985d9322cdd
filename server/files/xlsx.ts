import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportOptions } from '../../common/export-options.js';
import { currencyDigits } from '../../common/platforms.js';
import { zoneName } from '../../common/time-format.js';
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';

/**
 * The one way a list becomes an XLSX file (issue 12, "exports on every list"): one sheet, a bold frozen
 * header row in the reader's language, and typed cells — counts and amounts stay numbers and dates stay
 * dates, so a reader can sum, sort and filter them in a spreadsheet program instead of re-typing text.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A label in both languages of an export: [简体中文, English]. */
export type Bilingual = readonly [string, string];

export { type ExportOptions, exportOptions } from '../../common/export-options.js';

/** Cell kinds: `date` takes YYYY-MM-DD, `datetime` an ISO instant, `money` minor units and a currency. */
export type CellValue = string | number | null | undefined | { minor: number; currency: string };
export interface ExportColumn<T> {
  title: Bilingual;
  kind?: 'text' | 'number' | 'date' | 'datetime' | 'money';
  width?: number;
  value(row: T): CellValue;
}
export interface ExportTable<T> {
  sheet: Bilingual;
  /** The file name without the extension (ASCII, as the older exports); the day of export is appended. */
  fileName: string;
  columns: ExportColumn<T>[];
  /** The rows, in order: an array, or a list read page by page (`everyPage`) as the file is written. */
  rows: Iterable<T> | AsyncIterable<T>;
}

// Spreadsheet programs run a cell starting with = + - @ as a formula; text cells get a leading
// apostrophe (OWASP "CSV injection"), as the import module's CSV export does.
const FORMULA_START = /^[=+\-@\t\r]/;
export const escapeCell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it, and an
// export formats every datetime cell of every row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a zone, as a Date whose UTC fields are those parts (what Excel shows). */
function wallClock(iso: string, tz: string): Date | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const p = Object.fromEntries(
    formatterOf(tz)
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

const moneyFormat = (currency: string): string => {
  const digits = currencyDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

function put(cell: ExcelJS.Cell, kind: ExportColumn<unknown>['kind'], v: CellValue, tz: string) {
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'object') {
    cell.value = v.minor / 10 ** currencyDigits(v.currency);
    cell.numFmt = moneyFormat(v.currency);
  } else if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    cell.value = new Date(`${v}T00:00:00Z`);
    cell.numFmt = 'yyyy-mm-dd';
  } else if (kind === 'datetime' && typeof v === 'string') {
    const at = wallClock(v, tz);
    cell.value = at ?? v;
    if (at) cell.numFmt = 'yyyy-mm-dd hh:mm';
  } else if (typeof v === 'number') {
    cell.value = v;
    cell.numFmt = Number.isInteger(v) ? '0' : '0.0#';
  } else {
    cell.value = escapeCell(v);
  }
}

/** Display width: a CJK character takes two columns. */
const wide = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * The table as an XLSX download in the reader's language and zone, written as it is sent: exceljs's
 * streaming writer commits each row to the zip as it is read, so memory holds a page of rows and the
 * compressor's window, not the whole list (docs/exports.md). The body is a stream; a failure after the
 * first bytes can only end the download, so callers read the first page before this (`everyPage`).
 */
export async function xlsxTable<T>(table: ExportTable<T>, opts: ExportOptions, now: Date) {
  const zh = opts.lang === 'zh-CN';
  const pick = (b: Bilingual) => (zh ? b[0] : b[1]);
  const zone = zoneName(opts.lang, opts.tz, now);
  const body = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: body,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Commonlab';
  const ws = wb.addWorksheet(pick(table.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = table.columns.map((c) =>
    c.kind === 'datetime' ? (zh ? `${c.title[0]}（${zone}）` : `${c.title[1]} (${zone})`) : pick(c.title),
  );
  ws.columns = table.columns.map((c, i) => ({ width: c.width ?? Math.max(12, wide(headers[i]!) + 2) }));
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.commit();
  const write = async () => {
    for await (const r of table.rows) {
      const row = ws.addRow([]);
      table.columns.forEach((c, i) => {
        put(row.getCell(i + 1), c.kind, c.value(r), opts.tz);
      });
      row.commit();
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
  const day = wallClock(now.toISOString(), opts.tz)!.toISOString().slice(0, 10);
  return { mediaType: XLSX_TYPE, fileName: `${table.fileName}-${day}.xlsx`, body: body as Readable };
}

/** The refusal of a list larger than one file may hold, naming the limit and the count. */
export const tooManyRows = (limit: number, total: number) =>
  new AppError(422, 'exports.too_many_rows', {
    detail: `The list holds ${total} rows; one export holds at most ${limit}. Narrow the filters.`,
    limit,
    total,
  });

/**
 * Every row of a paged list, through the list's own service (so its filters and visibility hold). The
 * first page is read here, so a refusal (403, 404, a bad filter) or a list above `maxRows` (422) is
 * answered before a byte of the file; the rest are read page by page as the file is written.
 */
export async function everyPage<T>(
  /** How many rows to read per page and the most one file may hold (EXPORT_PAGE_ROWS, EXPORT_MAX_ROWS). */
  config: Pick<Config, 'exportPageRows' | 'exportMaxRows'>,
  page: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>,
): Promise<AsyncIterable<T>> {
  const { exportPageRows: pageRows, exportMaxRows: maxRows } = config;
  const first = await page(pageRows, 0);
  if (first.total > maxRows) throw tooManyRows(maxRows, first.total);
  return (async function* () {
    let items = first.items;
    let seen = 0;
    for (;;) {
      // Never past the limit, even when rows were added while the file was written.
      for (const item of items.slice(0, maxRows - seen)) yield item;
      seen += items.length;
      if (items.length < pageRows || seen >= maxRows) return;
      items = (await page(pageRows, seen)).items;
    }
  })();
}
