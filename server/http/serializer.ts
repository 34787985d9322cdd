import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError, serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * Rewrites what fast-json-stringify would answer slowly or differently from JSON.stringify:
 * - `anyOf: [X, {type: 'null'}]` of a primitive X (zod's `.nullable()`) becomes `type: [X, 'null']`, so a
 *   nullable column is written directly instead of fast-json-stringify testing each branch with ajv;
 * - `additionalProperties: false` (zod's objects strip unknown keys) is dropped: fast-json-stringify writes
 *   only declared properties anyway, and inside an `anyOf` (a nullable object, a union) it checks the
 *   branch with ajv, where `false` would reject the rows repositories return with more fields than the
 *   view declares (zod strips them).
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = simplify(v);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const other = anyOf.find((s) => !(s.type === 'null' && Object.keys(s).length === 1));
    const hasNull = anyOf.some((s) => s.type === 'null' && Object.keys(s).length === 1);
    const primitive = ['string', 'number', 'integer', 'boolean'];
    if (hasNull && other && typeof other.type === 'string' && primitive.includes(other.type)) {
      const keys = Object.keys(other).filter((k) => k !== 'type');
      // Only plain primitives: a format, enum or const stays checked by the branch that declares it.
      if (keys.every((k) => k === 'description' || k === 'title')) {
        delete out.anyOf;
        out.type = [other.type, 'null'];
      }
    }
  }
  return out;
}

/**
 * The JSON Schema fast-json-stringify compiles for a zod response schema, or null when zod cannot express
 * it as JSON Schema (a transform, a custom type): such a route keeps zod's own serializer.
 */
export function responseJsonSchema(schema: ZodType): JsonSchema | null {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-7' });
    const { $schema: _, ...rest } = simplify(json) as JsonSchema;
    return rest;
  } catch {
    return null;
  }
}

/**
 * Response serialisation compiled once per route and status (issue 16): fast-json-stringify from the JSON
 * Schema that zod generates for the response schema, instead of zod's `safeParse` (a full copy of every
 * answer) followed by JSON.stringify. The bench profiles put that copy at 3–6 % of a list request.
 *
 * The zod schema stays the contract: with `checkWithZod` (development and the tests) each answer is first
 * parsed by zod, and a breach answers 500 exactly as fastify-type-provider-zod's serializer did, so every
 * test keeps checking every answer against its schema while the bytes sent are fast-json-stringify's.
 * Production skips the check (fast-json-stringify writes the declared fields only, as zod's parse kept
 * only them). A schema zod cannot turn into JSON Schema keeps the zod serializer everywhere.
 */
export function compiledSerializerCompiler(options: {
  checkWithZod: boolean;
}): FastifySerializerCompiler<ZodType> {
  return (route) => {
    // Compiled on the route's first answer, not at start: the app has hundreds of response schemas and
    // each test builds an app, most of whose routes it never calls.
    let serialize: ((data: unknown) => string) | undefined;
    return (data) => {
      serialize ??= compile(route, options.checkWithZod);
      return serialize(data);
    };
  };
}

function compile(
  route: Parameters<FastifySerializerCompiler<ZodType>>[0],
  checkWithZod: boolean,
): (data: unknown) => string {
  const json = responseJsonSchema(route.schema);
  if (!json) return zodSerializer(route as never) as (data: unknown) => string;
  const stringify = fastJson(json as never) as (data: unknown) => string;
  if (!checkWithZod) return stringify;
  const { method, url } = route;
  return (data) => {
    const checked = route.schema.safeParse(data);
    if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
    return stringify(data);
  };
}
