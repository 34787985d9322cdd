import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../db/schema.js';
import type { RouteInfo } from '../http/route-catalog.js';
import { NOT_REQUEST_DATA } from './write-log.js';

/** Strings that have broken naive SQL building or HTML rendering somewhere before. */
export const EVIL_STRINGS = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%_\\',
];

export type Expect =
  | { status: number; code: string; pointers?: { in: string; pointer: string }[] }
  | 'no-5xx';
export interface BadCase {
  name: string;
  request: InjectOptions;
  expect: Expect;
}

const NUL = '\u0000';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_HEADERS = { 'content-type': 'application/json' };

function shapeOf(schema: unknown): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/** A JSON value the field refuses, found by trying candidates against the field's own schema. */
function wrongJsonValue(field: z.ZodType): unknown {
  const candidates: unknown[] = [123, 'not-the-right-type', true, [], { nested: 1 }, null, 'x'.repeat(5000)];
  return candidates.find((c) => !field.safeParse(c).success);
}

/** A query-string value the field refuses (query values always arrive as strings). */
function wrongQueryValue(field: z.ZodType): string | undefined {
  return ['not-a-number', '-1', '1.5', 'x'.repeat(1000)].find((c) => !field.safeParse(c).success);
}

/** The route's URL with every :param replaced (a fresh UUID unless given). */
export function urlOf(route: RouteInfo, params: Record<string, string> = {}, query = ''): string {
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? uuidv7()),
  );
  return query ? `${path}?${query}` : path;
}

const paramNames = (route: RouteInfo) => [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Every kind of bad input that applies to the route; a new route gets its cases from its own schemas. */
export function badCasesFor(route: RouteInfo): BadCase[] {
  const { method } = route;
  const cases: BadCase[] = [];
  const body = shapeOf(route.schema?.body);
  const query = shapeOf(route.schema?.querystring);
  const params = shapeOf(route.schema?.params);
  const add = (name: string, request: Omit<InjectOptions, 'method'>, expect: Expect) =>
    cases.push({ name, request: { method: method as InjectOptions['method'], ...request }, expect });

  if (BODY_METHODS.has(method)) {
    const url = urlOf(route);
    add(
      'malformed JSON',
      { url, headers: JSON_HEADERS, payload: '{"broken": ' },
      { status: 400, code: 'request.malformed_json' },
    );
    add(
      'a JSON array instead of an object',
      { url, headers: JSON_HEADERS, payload: '[1,2,3]' },
      {
        status: 400,
        code: 'request.validation_failed',
        pointers: [{ in: 'body', pointer: '' }],
      },
    );
    add(
      'an unknown field',
      { url, payload: { zzUnknownField: 1 } },
      {
        status: 400,
        code: 'request.validation_failed',
        pointers: [{ in: 'body', pointer: '/zzUnknownField' }],
      },
    );
    add(
      'an oversize body',
      { url, payload: { filler: 'x'.repeat(8 * 1024) } },
      { status: 413, code: 'request.body_too_large' },
    );
  }
  if (body) {
    const wrong = Object.fromEntries(Object.entries(body).map(([k, f]) => [k, wrongJsonValue(f)]));
    add(
      'wrong types in every body field',
      { url: urlOf(route), payload: wrong },
      {
        status: 400,
        code: 'request.validation_failed',
        pointers: Object.keys(wrong).map((k) => ({ in: 'body', pointer: `/${k}` })),
      },
    );
  }
  if (query) {
    add(
      'an unknown query parameter',
      { url: urlOf(route, {}, 'zzUnknownParam=1') },
      {
        status: 400,
        code: 'request.validation_failed',
        pointers: [{ in: 'querystring', pointer: '/zzUnknownParam' }],
      },
    );
    const wrong = Object.entries(query).flatMap(([k, f]) => {
      const v = wrongQueryValue(f);
      return v === undefined ? [] : [[k, v] as const];
    });
    if (wrong.length) {
      add(
        'wrong types in the query',
        { url: urlOf(route, {}, new URLSearchParams(wrong.map(([k, v]) => [k, v])).toString()) },
        {
          status: 400,
          code: 'request.validation_failed',
          pointers: wrong.map(([k]) => ({ in: 'querystring', pointer: `/${k}` })),
        },
      );
    }
  }
  if (method === 'GET' && !query) {
    // Reads take no body and ignore a query they do not declare; junk must still cause no error or write.
    add(
      'junk query parameters and a malformed body on a read',
      {
        url: urlOf(route, {}, `zzUnknownParam=1&limit=abc&id=${encodeURIComponent(EVIL_STRINGS[0]!)}`),
        headers: JSON_HEADERS,
        payload: '{"broken": ',
      },
      'no-5xx',
    );
  }
  for (const name of paramNames(route)) {
    const field = params?.[name];
    // The router refuses a parameter over 100 characters before any schema sees it.
    add(
      `an over-long :${name}`,
      { url: urlOf(route, { [name]: 'x'.repeat(300) }) },
      {
        status: 414,
        code: 'request.invalid',
      },
    );
    for (const bad of ['not-a-uuid', '00000000-0000-0000-0000-00000000000Z', "1' OR '1'='1"]) {
      const request = { url: urlOf(route, { [name]: bad }), ...(body ? { payload: {} } : {}) };
      // A free-text param may take the value; then it must still cause no error.
      if (field?.safeParse(bad).success)
        add(`the value ${JSON.stringify(bad)} in :${name}`, request, 'no-5xx');
      else {
        add(`a bad id in :${name} (${bad})`, request, {
          status: 400,
          code: 'request.validation_failed',
          pointers: field ? [{ in: 'params', pointer: `/${name}` }] : [],
        });
      }
    }
  }
  // One rule for text (http/control-characters.ts): a control character in any body field, query
  // parameter or path parameter is refused with 422 and a pointer to it, whatever the field's type.
  const refused = (where: string, keys: string[]) => ({
    status: 422,
    code: 'request.control_character',
    pointers: keys.map((k) => ({ in: where, pointer: `/${k}` })),
  });
  const bodyKeys = Object.keys(body ?? {});
  if (bodyKeys.length) {
    add(
      'a NUL character in every body field',
      { url: urlOf(route), payload: Object.fromEntries(bodyKeys.map((k) => [k, `a${NUL}b`])) },
      refused('body', bodyKeys),
    );
  }
  const queryKeys = Object.keys(query ?? {});
  if (queryKeys.length) {
    const qs = new URLSearchParams(queryKeys.map((k, i) => [k, i % 2 ? `a${NUL}` : 'a\u001bb'])).toString();
    add(
      'control characters in every query parameter',
      { url: urlOf(route, {}, qs) },
      refused('querystring', queryKeys),
    );
  }
  for (const name of paramNames(route)) {
    add(
      `a NUL character in :${name}`,
      { url: urlOf(route, { [name]: `a${NUL}b` }), ...(body ? { payload: {} } : {}) },
      refused('params', [name]),
    );
  }
  // SQL/HTML-looking text wherever the schemas take a string: refused (4xx) or taken literally (2xx).
  for (const evil of EVIL_STRINGS) {
    const bodyFields = Object.entries(body ?? {}).filter(([, f]) => f.safeParse(evil).success);
    const queryFields = Object.entries(query ?? {}).filter(([, f]) => f.safeParse(evil).success);
    if (!bodyFields.length && !queryFields.length) continue;
    const qs = new URLSearchParams(queryFields.map(([k]) => [k, evil])).toString();
    add(
      `the string ${JSON.stringify(evil)} in every text field`,
      {
        url: urlOf(route, {}, qs),
        ...(body ? { payload: Object.fromEntries(bodyFields.map(([k]) => [k, evil])) } : {}),
      },
      'no-5xx',
    );
  }
  return cases;
}

/** Every row of every table, in a stable order: equal snapshots mean nothing was written. */
export async function snapshotTables(
  database: Database,
  { withCounters = false }: { withCounters?: boolean } = {},
): Promise<Record<string, string[]>> {
  // The shared sign-in rate limit counts every attempt, malformed ones too: a count, not the request's
  // data, so "nothing written" leaves it out; a backup's comparison (withCounters) keeps it.
  // Likewise a refused request (403, or a 404 that hides an object) is recorded as a security event by
  // design (ASVS 16.3.2, security-events.test.ts): the record of the refusal, not a write of its data.
  const skipped: readonly string[] = withCounters ? [] : NOT_REQUEST_DATA;
  const tables = TABLES_IN_DEPENDENCY_ORDER.filter((table) => !skipped.includes(table));
  // On PostgreSQL every table in one statement: "nothing written" is checked twice per bad request,
  // thousands of times per run, and a round trip per table made the bad-input suite six times slower
  // there than on SQLite. Each row is PostgreSQL's own text of the record, so a snapshot compares only
  // with another taken the same way; a backup's comparison (withCounters) keeps the decoded rows, which
  // it also checks against the file's row counts.
  if (!database.file && !withCounters) return snapshotInOneStatement(database, tables);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await database.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function snapshotInOneStatement(
  database: Database,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const parts = tables.map(
    (table) => sql`SELECT ${table}::text AS t, array_agg(x::text) AS rows FROM ${sql.table(table)} x`,
  );
  const { rows } = await sql<{
    t: string;
    rows: string[] | null;
  }>`${sql.join(parts, sql` UNION ALL `)}`.execute(database.db);
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.t] = (r.rows ?? []).sort();
  return out;
}
