import type { ErrorCode } from '../../../common/error-codes.js';
import { hasControlCharacter } from '../../http/control-characters.js';
import { type Column, fold, type Lang, text } from './columns.js';
import { type CellError, type ImportKind, INVALID, type RowState } from './kind.js';
import type { Sheet } from './sheet.js';

export interface HeaderMap {
  /** Column key by position in the file. */
  byIndex: Map<number, Column>;
  /** The header as written in the file, by column key (for error messages). */
  headerOf: Map<string, string>;
  lang: Lang;
  errors: { column: string | null; key: string | null; code: ErrorCode; value?: string }[];
}

/** Matches the header row to the kind's columns in either language; unknown, twice-given and missing columns are errors. */
export function mapHeaders(headers: string[], columns: readonly Column[]): HeaderMap {
  const lookup = new Map<string, Column>();
  for (const c of columns) for (const name of [c.key, c.zh, ...(c.aliases ?? [])]) lookup.set(fold(name), c);
  const out: HeaderMap = { byIndex: new Map(), headerOf: new Map(), lang: 'en-US', errors: [] };
  let zh = 0;
  headers.forEach((raw, i) => {
    const header = raw.trim();
    if (!header) return;
    const column = lookup.get(fold(header));
    if (!column || out.headerOf.has(column.key)) {
      out.errors.push({
        column: header,
        key: column?.key ?? null,
        code: column ? 'imports.duplicate_column' : 'imports.unknown_column',
        value: header,
      });
      return;
    }
    if (/\p{Script=Han}/u.test(header)) zh++;
    out.byIndex.set(i, column);
    out.headerOf.set(column.key, header);
  });
  if (zh > 0) out.lang = 'zh-CN';
  for (const c of columns) {
    if (c.required && !out.headerOf.has(c.key)) {
      out.errors.push({
        column: out.lang === 'zh-CN' ? c.zh : c.key,
        key: c.key,
        code: 'imports.missing_column',
      });
    }
  }
  return out;
}

/** Parses every cell of every row by its column; the display values are what would be stored. */
export function parseRows<T>(
  sheet: Sheet,
  map: HeaderMap,
  kind: ImportKind<T>,
): { states: RowState<T>[]; shown: Record<string, string | null>[] } {
  const states: RowState<T>[] = [];
  const shown: Record<string, string | null>[] = [];
  for (const { row, cells } of sheet.rows) {
    const parsed: Record<string, unknown> = {};
    const values: Record<string, string | null> = {};
    const errors: CellError[] = [];
    for (const [i, column] of map.byIndex) {
      const cell = (cells[i] ?? '').trim();
      values[column.key] = cell || null;
      if (!cell) {
        if (column.required) errors.push({ column: column.key, code: 'imports.required' });
        continue;
      }
      // The API's one rule for text (http/control-characters.ts) holds for imported cells too.
      const result = hasControlCharacter(cell)
        ? { error: 'request.control_character' as const }
        : (column.parse ?? text())(cell);
      if ('error' in result) {
        errors.push({ column: column.key, code: result.error });
        parsed[column.key] = INVALID;
        continue;
      }
      parsed[column.key] = result.value;
      values[column.key] = Array.isArray(result.value) ? result.value.join(', ') : String(result.value);
    }
    const state: RowState<T> = { row, cells: parsed, errors };
    state.input = kind.build(parsed);
    checkSchema(kind, state, map);
    states.push(state);
    shown.push(values);
  }
  return { states, shown };
}

/** The owning module's request schema, so the import refuses what the API refuses; cells already in error are not reported twice. */
function checkSchema<T>(kind: ImportKind<T>, state: RowState<T>, map: HeaderMap) {
  const { schema, value, set } = kind.schemaOf(state.input!);
  const result = schema.safeParse(value);
  if (result.success) return set(result.data as never);
  const bad = new Set(state.errors.map((e) => e.column));
  for (const issue of result.error.issues) {
    const column = kind.columnOf(`/${issue.path.join('/')}`);
    // A missing column is reported once, on the header row.
    if (bad.has(column) || (column !== null && !map.headerOf.has(column))) continue;
    bad.add(column);
    const given = issue.path.reduce<unknown>(
      (v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k],
      value,
    );
    state.errors.push({
      column,
      code: given === null || given === undefined ? 'imports.required' : 'imports.invalid_value',
    });
  }
}
