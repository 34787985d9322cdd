import type { Insertable, Selectable, Updateable } from 'kysely';

/** `name_zh` → `nameZh`, as a type. */
type CamelKey<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelKey<T>>}` : S;
/** A table's selected row with camelCase keys: the plain domain value of a table without JSON or flags. */
export type Camel<T> = { [K in keyof T & string as CamelKey<K>]: T[K] };
/** The camelCase value of a table's selected row. */
export type RowValue<Table> = Camel<Selectable<Table>>;

const toCamel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const toSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Row ⇄ value conversion at the repository boundary (ADR 0002, 0015), one helper instead of a
 * hand-written line per column. Only key names change; JSON columns and 0/1 flags stay the caller's.
 */
export function camelRow<T extends object>(row: T): Camel<T> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [toCamel(k), v])) as Camel<T>;
}

const snake = (value: object) =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [toSnake(k), v]),
  );

/** The row to insert for a table's camelCase value. */
export function insertRow<Table>(value: RowValue<Table>): Insertable<Table> {
  return snake(value) as Insertable<Table>;
}

/** The columns to set for part of a table's camelCase value; undefined keys are left alone. */
export function updateRow<Table>(value: Partial<RowValue<Table>>): Updateable<Table> {
  return snake(value) as Updateable<Table>;
}
