import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from './ownership.js';
import { PENDING_MOVES } from './ownership.pending.js';
import { TABLES_IN_DEPENDENCY_ORDER } from './schema.js';

const MODULES = fileURLToPath(new URL('../modules', import.meta.url));
/** Kysely's own bookkeeping, read by the system module's status page. */
const OWNERS: Record<string, string> = { ...TABLE_OWNERS, kysely_migration: 'system' };
/** Query-builder calls that name a table, with an optional alias: selectFrom('people as p'). */
const TABLE_CALL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|replaceInto|mergeInto)\(\s*['"`]([a-z_]+)(?:\s+as\s+\w+)?['"`]/g;

/** A `sql` tagged template, with an optional type argument: sql<number>`select …`. */
const SQL_TEMPLATE = /\bsql(?:<[^`>]*(?:<[^`>]*>)?[^`>]*>)?`([^`]*)`/g;
/** A table named in raw SQL: after FROM, JOIN, INTO or UPDATE, optionally quoted. */
const RAW_TABLE = /\b(?:from|join|into|update)\s+"?([a-z_]+)"?/gi;

/** The tables a source text names: query-builder calls and FROM/JOIN/INTO/UPDATE in `sql` templates. */
function tablesNamed(source: string): string[] {
  const calls = [...source.matchAll(TABLE_CALL)].map((m) => m[1]!);
  const raw = [...source.matchAll(SQL_TEMPLATE)].flatMap((t) =>
    [...t[1]!.matchAll(RAW_TABLE)].map((m) => m[1]!.toLowerCase()).filter((name) => name in OWNERS),
  );
  return [...calls, ...raw];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !/\.test\.ts$|\.fixtures\.ts$/.test(e.name) ? [full] : [];
  });
}

/** The module a file belongs to: its folder under server/modules (review/* are modules of their own). */
function moduleOf(file: string): string {
  const parts = path.relative(MODULES, file).split(path.sep);
  return parts[0] === 'review' && parts.length > 2 ? `review/${parts[1]}` : parts[0]!;
}

/** "file: table" for every table a non-repository file or a non-owning module names. */
function violations(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(MODULES)) {
    const rel = path.relative(MODULES, file).split(path.sep).join('/');
    const isRepository = file.endsWith('.repository.ts');
    for (const table of tablesNamed(readFileSync(file, 'utf8'))) {
      if (!isRepository || OWNERS[table] !== moduleOf(file)) found.add(`${rel}: ${table}`);
    }
  }
  return [...found].sort();
}

describe('table ownership (docs/adr/0015)', () => {
  it('gives every table exactly one owning module', () => {
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual([...TABLES_IN_DEPENDENCY_ORDER].sort());
  });

  it('finds SQL on a table only in the owning module’s repository, apart from the moves still pending', () => {
    // PENDING_MOVES shrinks as modules move their SQL into repositories; a new entry is a regression and
    // an entry that no longer occurs must be deleted from the list, so it never hides a new violation.
    expect(violations()).toEqual([...PENDING_MOVES].sort());
  });

  it('recognises a foreign table and SQL outside a repository', () => {
    const sample = "db.selectFrom('people as p').innerJoin('users', 'users.id', 'p.user_id')";
    expect(tablesNamed(sample)).toEqual(['people', 'users']);
  });

  it('recognises tables named in raw sql templates, and only tables', () => {
    // A template's placeholder, spelled so that these strings are not templates themselves.
    const hole = (expression: string) => ['$', '{', expression, '}'].join('');
    expect(tablesNamed('sql`select count(*) from people p join "org_units" u on u.id = p.unit_id`')).toEqual([
      'people',
      'org_units',
    ]);
    expect(
      tablesNamed(`sql<number>\`(SELECT max(x) FROM review_scores WHERE card_id = ${hole('id')})\``),
    ).toEqual(['review_scores']);
    expect(tablesNamed(`sql\`insert into audit_log (id) values (${hole('id')})\``)).toEqual(['audit_log']);
    expect(tablesNamed(`sql\`update projects set state = ${hole('s')}\``)).toEqual(['projects']);
    // A column or a word that is not a table, and SQL outside a template, are not counted.
    expect(tablesNamed(`sql\`extract(year from ${hole("sql.ref('received_date')")})\``)).toEqual([]);
    expect(tablesNamed('const note = "read from people"; sql`lower(name_zh)`')).toEqual([]);
  });
});
