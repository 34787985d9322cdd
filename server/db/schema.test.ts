import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DB } from '../test/harness.js';
import { camelRow, columnName } from './rows.js';

/**
 * The migrations and the table types of server/db/schema are written by hand, side by side; Kysely
 * trusts the types. This compares the migrated database of each dialect with the types, column by
 * column: the same tables, the same columns, the same nullability and a compatible kind of value.
 */
type Kind = 'string' | 'number' | 'boolean' | 'bytes';
interface Column {
  kind: Kind;
  nullable: boolean;
}
type Shape = Record<string, Record<string, Column>>;

const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));
/** Kysely's own bookkeeping tables, which no module reads through the DB interface. */
const FRAMEWORK_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Each table's columns as the TypeScript DB interface declares them (the select type of each). */
function declaredShape(): Shape {
  const program = ts.createProgram([SCHEMA_FILE], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const db = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB',
  )!;
  const shape: Shape = {};
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, db);
    shape[table.name] = {};
    for (const column of tableType.getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, db);
      // ColumnType<S, I, U> (and WithDefault) carry the select type in __select__.
      const select = type.getProperty('__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, db);
      shape[table.name]![column.name] = classify(checker, type, `${table.name}.${column.name}`);
    }
  }
  return shape;
}

function classify(checker: ts.TypeChecker, type: ts.Type, where: string): Column {
  const parts = type.isUnion() ? type.types : [type];
  const nullable = parts.some((p) => p.flags & ts.TypeFlags.Null);
  const kinds = new Set<Kind>();
  for (const p of parts) {
    if (p.flags & ts.TypeFlags.Null) continue;
    if (p.flags & ts.TypeFlags.StringLike) kinds.add('string');
    else if (p.flags & ts.TypeFlags.NumberLike) kinds.add('number');
    else if (p.flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
    else if (p.getSymbol()?.name === 'Buffer') kinds.add('bytes');
    else throw new Error(`${where}: unexpected column type ${checker.typeToString(p)}`);
  }
  if (kinds.size !== 1) throw new Error(`${where}: mixed column type ${checker.typeToString(type)}`);
  return { kind: [...kinds][0]!, nullable };
}

/** The kind of value each stored type gives back through the drivers as configured (ADR 0002). */
function kindOf(dataType: string): Kind | undefined {
  const t = dataType.toLowerCase();
  if (['text', 'varchar', 'character varying', 'uuid'].includes(t)) return 'string';
  if (
    [
      'integer',
      'int',
      'int2',
      'int4',
      'int8',
      'bigint',
      'smallint',
      'double precision',
      'float8',
      'real',
      'numeric',
    ].includes(t)
  )
    return 'number';
  if (['boolean', 'bool'].includes(t)) return 'boolean';
  if (['blob', 'bytea'].includes(t)) return 'bytes';
  return undefined;
}

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let migrated: Shape;
let declared: Shape;
beforeAll(async () => {
  fresh = await freshDatabase();
  migrated = {};
  const { db } = fresh.database;
  for (const table of await db.introspection.getTables()) {
    if (FRAMEWORK_TABLES.has(table.name)) continue;
    // SQLite lets a single-column primary key other than INTEGER hold NULL (a documented legacy quirk);
    // the introspection reports it nullable. Every id is written by the code (newId()), so the declared
    // type counts it as not null; PostgreSQL enforces it.
    const keys =
      TEST_DB === 'sqlite'
        ? new Set(
            (
              await sql<{
                name: string;
              }>`select name from pragma_table_info(${table.name}) where pk > 0`.execute(db)
            ).rows.map((r) => r.name),
          )
        : new Set<string>();
    migrated[table.name] = Object.fromEntries(
      table.columns.map((c) => [
        c.name,
        { kind: kindOf(c.dataType) ?? (c.dataType as Kind), nullable: c.isNullable && !keys.has(c.name) },
      ]),
    );
  }
  declared = declaredShape();
}, 120_000);
afterAll(async () => {
  await fresh.database.close();
  await fresh.drop();
});

describe('migrated schema and declared table types', () => {
  it('have the same tables', () => {
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(declared).sort());
  });

  it('have the same columns, nullability and kind of value in every table', () => {
    const differences: string[] = [];
    for (const [table, columns] of Object.entries(declared)) {
      const actual = migrated[table] ?? {};
      for (const name of new Set([...Object.keys(columns), ...Object.keys(actual)])) {
        const want = columns[name];
        const got = actual[name];
        if (!want) differences.push(`${table}.${name}: in the database, not declared`);
        else if (!got) differences.push(`${table}.${name}: declared, not in the database`);
        else if (want.kind !== got.kind)
          differences.push(`${table}.${name}: declared ${want.kind}, stored ${got.kind}`);
        else if (want.nullable !== got.nullable)
          differences.push(
            `${table}.${name}: declared ${want.nullable ? 'nullable' : 'not null'}, stored ${got.nullable ? 'nullable' : 'not null'}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });

  it('name every column so that a row read as a camelCase value is written back to the same column', () => {
    // camelRow and insertRow/updateRow (rows.ts) map keys with Kysely's CamelCasePlugin; a column such
    // as `line_2a` or `x_y_z1` would not come back under its own name.
    const lost = Object.entries(migrated).flatMap(([table, columns]) =>
      Object.keys(columns).flatMap((column) => {
        const [key] = Object.keys(camelRow({ [column]: 1 }));
        return columnName(key!) === column ? [] : [`${table}.${column} → ${key} → ${columnName(key!)}`];
      }),
    );
    expect(lost).toEqual([]);
    expect(Object.keys(migrated).length).toBeGreaterThan(60);
  });
});
