import type { ColumnType } from 'kysely';

/**
 * Portable storage conventions (docs/adr/0002): ids are UUIDv7 text, timestamps ISO-8601 UTC text,
 * booleans integer 0/1, JSON as text, money integer minor units (bigint) with an ISO-4217 currency column.
 */
export type Timestamp = string;
export type Flag = 0 | 1;

/** A column the database fills when an insert leaves it out. */
export type WithDefault<T> = ColumnType<T, T | undefined, T>;
