import type { Ctx } from '../../http/context.js';
import type { Lang } from './columns.js';
import type { ImportKindName } from './imports.schema.js';
import { kindOf } from './imports.service.js';
import type { ImportScope } from './kind.js';
import { writeCsv, writeXlsx } from './sheet.js';

export type FileFormat = 'csv' | 'xlsx';
export interface FileOut {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function file(
  ctx: Ctx,
  name: ImportKindName,
  format: FileFormat,
  lang: Lang,
  records: Record<string, string | null>[],
  hidden: ReadonlySet<string>,
  withNotes: boolean,
  values: Record<string, string[]> = {},
): Promise<FileOut> {
  const kind = kindOf(name);
  const columns = kind.columns.filter((c) => !hidden.has(c.key));
  const header = (c: (typeof columns)[number]) => (lang === 'zh-CN' ? c.zh : c.key);
  const rows = records.map((r) => columns.map((c) => r[c.key] ?? ''));
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  const suffix = withNotes ? 'template' : stamp;
  const base = { filename: `${name}-${suffix}.${format}`, contentType: CONTENT_TYPES[format] };
  if (format === 'csv') return { ...base, body: writeCsv(columns.map(header), rows) };
  const zh = lang === 'zh-CN';
  const notes = withNotes
    ? {
        name: zh ? '填写说明' : 'Instructions',
        rows: [
          zh ? ['列名', '必填', '可选值', '说明'] : ['Column', 'Required', 'Allowed values', 'Notes'],
          ...columns.map((c) => [
            header(c),
            c.required ? (zh ? '是' : 'yes') : '',
            (values[c.key] ?? c.values?.(lang))?.join(zh ? '、' : ', ') ?? '',
            (zh ? c.hint?.zh : c.hint?.en) ?? '',
          ]),
        ],
      }
    : undefined;
  const sheet = zh ? kind.sheet.zh : kind.sheet.en;
  const xlsxColumns = columns.map((c) => ({ header: header(c), width: c.width, text: c.text }));
  return { ...base, body: await writeXlsx(sheet, xlsxColumns, rows, notes) };
}

/** The records the caller may list, as a file that imports again; columns the caller may not see are left out. */
export async function exportFile(
  ctx: Ctx,
  name: ImportKindName,
  format: FileFormat,
  q: ImportScope & { lang: Lang; type?: string; size?: string },
): Promise<FileOut> {
  const { records, hidden } = await kindOf(name).exportData(ctx, q);
  return file(ctx, name, format, q.lang, records, hidden, false);
}

/**
 * An empty import template (header row; XLSX adds a sheet of instructions and allowed values, which a
 * kind may take from what the file belongs to: a project's members).
 */
export async function templateFile(
  ctx: Ctx,
  name: ImportKindName,
  format: FileFormat,
  lang: Lang,
  scope: ImportScope = {},
): Promise<FileOut> {
  const values = (await kindOf(name).templateValues?.(ctx, scope, lang)) ?? {};
  return file(ctx, name, format, lang, [], new Set(), true, values);
}
