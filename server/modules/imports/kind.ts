import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ErrorCode } from '../../../common/error-codes.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import type { Column, Lang } from './columns.js';
import type { ImportKindName } from './imports.schema.js';

/** Stands in the parsed cells for a cell that failed to parse: present, but with no usable value. */
export const INVALID = Symbol('invalid cell');

export interface CellError {
  /** Column key, or null for the row as a whole. */
  column: string | null;
  code: ErrorCode | string;
  /** Figures the reason names (the headroom of a budget line), from the service's problem. */
  params?: Record<string, string | number>;
}

/** A data row on its way in: parsed cells by column key, the input built from them, and what is wrong. */
export interface RowState<T> {
  row: number;
  cells: Record<string, unknown>;
  input?: T;
  errors: CellError[];
}

export interface ExportData {
  /** Cells by column key, already formatted for the file's language. */
  records: Record<string, string | null>[];
  /** Columns the caller may not see: left out of the file altogether. */
  hidden: ReadonlySet<string>;
}

/** What a file belongs to: the platform of a committee, the project of a spending ledger; nothing for the rest. */
export interface ImportScope {
  platformId?: string;
  projectId?: string;
}

/** The record the import's own audit entry names. */
export interface ImportSubject {
  platformId: string | null;
  entityType: string;
  entityId?: string;
}

/** What the generic importer/exporter needs to know about one kind of record. */
export interface ImportKind<T> {
  name: ImportKindName;
  sheet: { zh: string; en: string };
  columns: readonly Column[];
  /** Throws 401/403/404 (409 when the scope takes no import now) before the file is even read. */
  authorizeImport(ctx: Ctx, scope: ImportScope): Promise<void>;
  /** Where the import's own audit entry goes, when not on the kind's name (read in the import's transaction). */
  subjectOf?(trx: Kysely<DB>, scope: ImportScope): Promise<ImportSubject>;
  /** Builds the service's input from the parsed cells of one row. */
  build(cells: Record<string, unknown>): T;
  /**
   * The service's own request schema, the part of the input it checks and where its parsed output goes:
   * what the API refuses, the import refuses, and what the API normalises, the import normalises.
   */
  schemaOf(input: T): { schema: z.ZodType; value: unknown; set(parsed: never): void };
  /** Checks across rows and set-based look-ups (organisations by name or code), adding to rows' errors. */
  resolve(trx: Kysely<DB>, rows: RowState<T>[], scope: ImportScope): Promise<void>;
  /** Writes one row through the owning module's service, inside the import's transaction; returns the new id. */
  write(trx: Kysely<DB>, ctx: Ctx, input: T, scope: ImportScope): Promise<string>;
  /** Allowed values by column key for the template's instructions, from the scope (when one is given). */
  templateValues?(ctx: Ctx, scope: ImportScope, lang: Lang): Promise<Record<string, string[]>>;
  /** The column a service error's JSON pointer refers to. */
  columnOf(pointer: string): string | null;
  /** Maps a unique-index violation of this kind's table to a cell error. */
  uniqueViolation?: CellError;
  exportData(
    ctx: Ctx,
    query: ImportScope & { lang: Lang; type?: string; size?: string },
  ): Promise<ExportData>;
}

/** Marks duplicates of an earlier row of the file, by a key built from the row's input. */
export function markInFileDuplicates<T>(
  rows: RowState<T>[],
  column: string,
  key: (input: T) => string | null,
) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.input) continue;
    const k = key(r.input);
    if (!k) continue;
    if (seen.has(k)) r.errors.push({ column, code: 'imports.duplicate_in_file' });
    else seen.set(k, r.row);
  }
}
