import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type HeaderMap, mapHeaders, parseRows } from './imports.parse.js';
import type { ImportKindName, ImportPreview, ImportResult, RowError } from './imports.schema.js';
import type { CellError, ImportKind, ImportScope, RowState } from './kind.js';
import { committeeKind } from './kinds/committee.js';
import { expertsKind } from './kinds/experts.js';
import { organisationsKind } from './kinds/organisations.js';
import { peopleKind } from './kinds/people.js';
import { spendingKind } from './kinds/spending.js';
import { readSheet, type Sheet } from './sheet.js';

const KINDS = {
  organisations: organisationsKind,
  people: peopleKind,
  committee: committeeKind,
  experts: expertsKind,
  spending: spendingKind,
};
export const kindOf = (name: ImportKindName) => KINDS[name] as unknown as ImportKind<unknown>;

/** Carries a dry run's outcome out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly preview: ImportPreview) {
    super('dry run');
  }
}
/** A row failed while writing without savepoints: roll back and go again, row by row. */
class RetryCarefully extends Error {}

interface ImportOptions {
  scope: ImportScope;
  /** Preview: run every check and every write, then roll back, so the preview finds what the import would. */
  dryRun: boolean;
}

/** Checks a file exactly as importFile would (writes included), then rolls back: nothing is kept. */
export const previewImport = (ctx: Ctx, name: ImportKindName, file: Buffer, scope: ImportScope = {}) =>
  run(ctx, name, file, { dryRun: true, scope }) as Promise<ImportPreview>;

/**
 * Imports a CSV or XLSX file all-or-nothing: every row is written through its module's service inside
 * one transaction; any error in any row rolls everything back and the full error list is returned.
 */
export const importFile = (ctx: Ctx, name: ImportKindName, file: Buffer, scope: ImportScope = {}) =>
  run(ctx, name, file, { dryRun: false, scope }) as Promise<ImportResult>;

async function run(ctx: Ctx, name: ImportKindName, file: Buffer, opts: ImportOptions) {
  const kind = kindOf(name);
  await kind.authorizeImport(ctx, opts.scope);
  const sheet = await readSheet(file);
  // A savepoint per row lets later rows be checked after one fails, but PostgreSQL makes them costly
  // (1,000 rows took twice as long with them), so they are only used once a write has failed.
  try {
    return await attempt(ctx, kind, name, sheet, file, opts, false);
  } catch (err) {
    if (err instanceof RetryCarefully) return attempt(ctx, kind, name, sheet, file, opts, true);
    throw err;
  }
}

async function attempt<T>(
  ctx: Ctx,
  kind: ImportKind<T>,
  name: ImportKindName,
  sheet: Sheet,
  file: Buffer,
  opts: ImportOptions,
  careful: boolean,
): Promise<ImportPreview | ImportResult> {
  const headers = mapHeaders(sheet.headers, kind.columns);
  const { states, shown } = parseRows(sheet, headers, kind);
  try {
    return await write(ctx, async (trx, audit) => {
      await kind.resolve(trx, states, opts.scope);
      // Without a required column no row can be written; the header row says why.
      const writable = headers.errors.some((e) => e.code === 'imports.missing_column') ? [] : states;
      const created = await writeRows(trx, ctx, kind, writable, opts.scope, careful);
      const errors = [
        ...headers.errors.map((e) => ({ row: 1, value: null, ...e })),
        ...rowErrors(states, headers, sheet.rows),
      ];
      if (sheet.rows.length === 0)
        errors.push({ row: 1, column: null, key: null, code: 'imports.no_rows', value: null });
      const described = errors.map(describe);
      const invalid = writable.length ? states.filter((s) => s.errors.length).length : states.length;
      const summary = { rows: states.length, valid: states.length - invalid, invalid };
      if (opts.dryRun) {
        const rows = states.map((s, i) => ({ row: s.row, values: shown[i]! }));
        throw new DryRun({ kind: name, rows, errors: described, summary });
      }
      if (described.length)
        throw new AppError(400, 'imports.invalid_rows', { rowErrors: described, summary });
      const sha256 = createHash('sha256').update(file).digest('hex');
      const subject = (await kind.subjectOf?.(trx, opts.scope)) ?? {
        entityType: name,
        platformId: opts.scope.platformId ?? null,
      };
      await audit({
        action: 'import.committed',
        ...subject,
        after: { kind: name, rows: states.length, created: created.length, sha256 },
      });
      return { kind: name, created, summary };
    });
  } catch (err) {
    if (err instanceof DryRun) return err.preview;
    throw err;
  }
}

async function writeRows<T>(
  trx: Kysely<DB>,
  ctx: Ctx,
  kind: ImportKind<T>,
  states: RowState<T>[],
  scope: ImportScope,
  careful: boolean,
) {
  const created: { row: number; id: string }[] = [];
  for (const s of states) {
    if (s.errors.length || !s.input) continue;
    if (!careful) {
      try {
        created.push({ row: s.row, id: await kind.write(trx, ctx, s.input, scope) });
      } catch (err) {
        rowFailure(kind, err, ctx.seam);
        throw new RetryCarefully();
      }
      continue;
    }
    await sql`savepoint import_row`.execute(trx);
    try {
      created.push({ row: s.row, id: await kind.write(trx, ctx, s.input, scope) });
      await sql`release savepoint import_row`.execute(trx);
    } catch (err) {
      await sql`rollback to savepoint import_row`.execute(trx);
      await sql`release savepoint import_row`.execute(trx);
      s.errors.push(...rowFailure(kind, err, ctx.seam));
    }
  }
  return created;
}

/**
 * A service's refusal (400/404/409, or 422 for a rule such as a budget's headroom, with field pointers) or
 * a unique index becomes the row's errors; anything else aborts. The problem's figures (numbers and
 * words, e.g. `category` and `headroomMinor`) go with each error as its params.
 */
function rowFailure<T>(kind: ImportKind<T>, err: unknown, seam: DialectSeam): CellError[] {
  if (err instanceof AppError && [400, 404, 409, 422].includes(err.status)) {
    const fields = err.extra.errors ?? [];
    const params = paramsOf(err.extra);
    if (!fields.length) return [{ column: null, code: err.code, ...params }];
    return fields.map((f) => ({ column: kind.columnOf(f.pointer), code: f.code, ...params }));
  }
  if (kind.uniqueViolation && seam.isUniqueViolation(err)) return [kind.uniqueViolation];
  throw err;
}

function paramsOf(extra: Record<string, unknown>): { params?: Record<string, string | number> } {
  const params = Object.fromEntries(
    Object.entries(extra).filter(
      ([k, v]) => k !== 'detail' && (typeof v === 'number' || (typeof v === 'string' && v.length <= 100)),
    ),
  ) as Record<string, string | number>;
  return Object.keys(params).length ? { params } : {};
}

function rowErrors<T>(states: RowState<T>[], headers: HeaderMap, rows: { row: number; cells: string[] }[]) {
  const indexOf = new Map([...headers.byIndex].map(([i, c]) => [c.key, i]));
  return states.flatMap((s, n) =>
    s.errors.map((e) => {
      const i = e.column === null ? undefined : indexOf.get(e.column);
      return {
        row: s.row,
        column: e.column === null ? null : (headers.headerOf.get(e.column) ?? e.column),
        key: e.column,
        code: e.code,
        value: i === undefined ? null : (rows[n]!.cells[i] ?? '').trim() || null,
        ...(e.params && { params: e.params }),
      };
    }),
  );
}

type Found = {
  row: number;
  column: string | null;
  key: string | null;
  code: string;
  value: string | null;
  params?: Record<string, string | number>;
};

function describe(e: Found): RowError {
  const message = ERROR_MESSAGES[e.code as ErrorCode] ?? e.code;
  return {
    row: e.row,
    column: e.column,
    columnKey: e.key,
    code: e.code,
    message,
    value: e.value === null ? null : e.value.slice(0, 200),
    ...(e.params && { params: e.params }),
  };
}
