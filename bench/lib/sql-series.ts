/**
 * SQL expressions for generating rows inside the database from a number sequence `g.i`, the same on
 * SQLite and PostgreSQL: hashed pseudo-random values, fixed-width ids and dates (bench/lib/analytics-rows.ts).
 */

export type Kind = 'sqlite' | 'postgres';

/** A value in [0, 2^32) from the row expression `x`, different per multiplier (Knuth's hashing). */
const MULTIPLIERS = [2654435761, 2246822519, 3266489917, 668265263, 374761393, 1181783497, 3323236823];
export const h = (x: string, m: number) => `((${x}) * ${MULTIPLIERS[m]} % 4294967296)`;
/** An integer in [a, b] from the row expression. */
export const int = (x: string, m: number, a: number, b: number) => `(${a} + ${h(x, m)} % ${b - a + 1})`;
/** One of `values` (the bench's own constants: written into the SQL as literals). */
export const pick = (index: string, values: readonly string[]) =>
  `CASE ${index} ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;

export function dialect(kind: Kind) {
  return {
    /** The rows [from, to) as `g(i)`. */
    series: (from: number, to: number) =>
      kind === 'postgres'
        ? `generate_series(${from}::bigint, ${to - 1}::bigint) AS g(i)`
        : `(WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i < ${to - 1}) SELECT i FROM s) AS g`,
    /** A fixed-width id (as long as the app's uuid v7 ids, so the indexes are as large): prefix + row. */
    id: (prefix: string, x: string) =>
      kind === 'postgres'
        ? `'${prefix}-0000-7000-8000-' || lpad((${x})::text, 12, '0')`
        : `'${prefix}-0000-7000-8000-' || printf('%012d', ${x})`,
    /** The ISO date `day` days after 2000-01-01. */
    date: (day: string) =>
      kind === 'postgres'
        ? `to_char(date '2000-01-01' + (${day})::int, 'YYYY-MM-DD')`
        : `date('2000-01-01', (${day}) || ' days')`,
  };
}
