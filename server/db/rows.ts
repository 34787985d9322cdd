import { CamelCasePlugin, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Flag } from './schema/columns.js';

/** `name_zh` → `nameZh`, as a type. */
type CamelKey<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelKey<T>>}` : S;
/** A table's selected row with camelCase keys: the plain domain value of a table without JSON or flags. */
export type Camel<T> = { [K in keyof T & string as CamelKey<K>]: T[K] };
/** The camelCase value of a table's selected row. */
export type RowValue<Table> = Camel<Selectable<Table>>;

/**
 * Kysely's own key mapping (its CamelCasePlugin's, memoised per key; the plugin keeps them protected, so a subclass exposes them), applied at the repository
 * boundary rather than to every query: the queries keep the tables' snake_case names (ADR 0018,
 * "Kysely's own mapper"). `maintainNestedObjectKeys` leaves values alone: only a row's own keys change.
 */
class RowKeys extends CamelCasePlugin {
  /** A row's keys in camelCase. */
  value(row: Record<string, unknown>) {
    return this.mapRow(row);
  }
  /** A camelCase key as its column's name. */
  column(key: string) {
    return this.snakeCase(key);
  }
}
const keys = new RowKeys({ maintainNestedObjectKeys: true });

/**
 * Row ⇄ value conversion at the repository boundary (ADR 0002, 0015), one helper instead of a
 * hand-written line per column. Only key names change: JSON columns and 0/1 flags are converted with
 * jsonColumn/toJsonColumn and flag/toFlag below.
 */
export function camelRow<T extends object>(row: T): Camel<T> {
  return keys.value(row as Record<string, unknown>) as Camel<T>;
}

/** A camelCase value's keys as the snake_case column names of its table. */
export const columnName = (key: string): string => keys.column(key);

const snake = (value: object) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [columnName(k), v]),
  );

/** The row to insert for a table's camelCase value. */
export function insertRow<Table>(value: RowValue<Table>): Insertable<Table> {
  return snake(value) as Insertable<Table>;
}

/** The columns to set for part of a table's camelCase value; undefined keys are left alone. */
export function updateRow<Table>(value: Partial<RowValue<Table>>): Updateable<Table> {
  return snake(value) as Updateable<Table>;
}

/**
 * A JSON text column's value (ADR 0002: JSON is stored as text). The type is the repository's claim
 * about what it wrote; a column other modules may have written is checked with its zod schema too.
 */
export function jsonColumn<T = unknown>(text: string): T;
export function jsonColumn<T = unknown>(text: string | null): T | null;
export function jsonColumn<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** What a NOT NULL JSON column holds: any JSON value but null (null would be stored as SQL NULL). */
export type JsonValue = NonNullable<unknown>;

/**
 * The text to store in a JSON column; null stays null, so a value whose type admits null gives
 * `string | null` (a column that is NOT NULL needs a value that cannot be null).
 */
export function toJsonColumn<T>(value: T): null extends T ? string | null : string;
export function toJsonColumn(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** An integer 0/1 column (ADR 0002: booleans are stored as 0/1) as a boolean. */
export const flag = (value: number): boolean => value === 1;

/** The 0/1 to store for a boolean. */
export const toFlag = (value: boolean): Flag => (value ? 1 : 0);
