import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

// fast-check arbitraries from the JSON Schema the OpenAPI document gives for a request body. Two kinds:
// `valid` stays inside the schema (so requests get past validation into services and SQL), `hostile`
// mixes valid values with strings and numbers that have broken parsers, SQL building and encodings.

/** Values that have broken something somewhere: SQL, LIKE patterns, control and odd Unicode, sizes. */
const NASTY_STRINGS = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '%_\\',
  '\u0000',
  '\u202e\u0041',
  '𠮷😀',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"$ne":null}',
  ' ',
  '',
  'x'.repeat(70_000),
];
const NASTY_NUMBERS = [0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.1, Number.MIN_VALUE];

export interface ArbitraryOptions {
  deref(s: JsonSchema): JsonSchema;
  /** Ids that exist, used for uuid-typed fields half of the time so services find something. */
  knownIds: readonly string[];
  hostile: boolean;
}

export function arbitraryFor(schema: JsonSchema, o: ArbitraryOptions, depth = 0): fc.Arbitrary<unknown> {
  const s = o.deref(schema);
  const inner = (x: JsonSchema) => arbitraryFor(x, o, depth + 1);
  const valid = validFor(s, o, depth, inner);
  if (!o.hostile) return valid;
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, [], {}) },
  );
}

function validFor(
  s: JsonSchema,
  o: ArbitraryOptions,
  depth: number,
  inner: (x: JsonSchema) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map(inner));
  if (s.allOf?.length) return inner(s.allOf[0]!);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => inner({ ...s, type: t })));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: bound(s.minimum, -1e6), max: bound(s.maximum, 1e6) });
    case 'number':
      return fc.double({
        min: bound(s.minimum ?? s.exclusiveMinimum, -1e6),
        max: bound(s.maximum ?? s.exclusiveMaximum, 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return stringFor(s, o);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const item = s.items ? inner(s.items) : fc.string();
      const minLength = s.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'object':
      return objectFor(s, depth, inner);
    default:
      return s.properties ? objectFor(s, depth, inner) : fc.jsonValue({ maxDepth: 2 });
  }
}

function bound(v: number | undefined, fallback: number): number {
  return v === undefined ? fallback : Math.max(-1e9, Math.min(1e9, v));
}

function objectFor(s: JsonSchema, depth: number, inner: (x: JsonSchema) => fc.Arbitrary<unknown>) {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  if (depth > 6) return fc.constant({});
  const entries = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, inner(v)]));
  return fc.record(entries, { requiredKeys: [...required].filter((k) => k in props) });
}

function stringFor(s: JsonSchema, o: ArbitraryOptions): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 200);
  switch (s.format) {
    case 'uuid':
      return o.knownIds.length ? fc.oneof(fc.constantFrom(...o.knownIds), fc.uuid()) : fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (s.pattern) {
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((x) => x.length >= min && x.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' });
}
