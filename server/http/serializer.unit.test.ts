import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { type ZodType, z } from 'zod';
import { compiledSerializerCompiler, responseJsonSchema } from './serializer.js';

const route = (schema: ZodType) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const serializer = (schema: ZodType, checkWithZod: boolean) =>
  compiledSerializerCompiler({ checkWithZod })(route(schema) as never) as (data: unknown) => string;

const item = z.object({
  id: z.string(),
  name: z.string().nullable(),
  count: z.number().int(),
  ratio: z.number().nullable(),
  enabled: z.boolean(),
  kind: z.enum(['a', 'b']),
  note: z.string().optional(),
  at: z.iso.datetime().nullable(),
  tags: z.array(z.string()),
  extra: z.record(z.string(), z.number()),
  meta: z.unknown(),
  owner: z.object({ id: z.string(), label: z.string() }).nullable(),
  shape: z.discriminatedUnion('type', [
    z.object({ type: z.literal('circle'), r: z.number() }),
    z.object({ type: z.literal('square'), side: z.number() }),
  ]),
});
const list = z.object({ items: z.array(item), total: z.number().int() });

const sample = {
  items: [
    {
      id: 'u1',
      name: '张三 "quoted" \\ \u2028 line',
      count: 3,
      ratio: null,
      enabled: true,
      kind: 'a',
      at: '2026-12-06T12:00:00.000Z',
      tags: ['x', '中文'],
      extra: { k: 1.5 },
      meta: { nested: [1, 'two', null] },
      owner: { id: 'o1', label: 'Org', secret: 'dropped' },
      shape: { type: 'square', side: 2 },
      passwordHash: 'never sent',
    },
    {
      id: 'u2',
      name: null,
      count: 0,
      ratio: 0.25,
      enabled: false,
      kind: 'b',
      note: 'n',
      at: null,
      tags: [],
      extra: {},
      meta: null,
      owner: null,
      shape: { type: 'circle', r: 1 },
    },
  ],
  total: 2,
};

describe('compiled response serializer', () => {
  it('sends what zod parse + JSON.stringify sent: undeclared fields dropped, nulls, unions, unicode', () => {
    for (const check of [true, false]) {
      const text = serializer(list, check)(sample);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(list.parse(sample))));
      expect(text).not.toContain('never sent');
      expect(text).not.toContain('dropped');
    }
  });

  it('answers a breach of the schema with the zod error outside production, as before', () => {
    const broken = { ...sample, total: 'two' };
    expect(() => serializer(list, true)(broken)).toThrow(ResponseSerializationError);
    const missing = { items: [{ ...sample.items[0], count: undefined }], total: 1 };
    expect(() => serializer(list, true)(missing)).toThrow(ResponseSerializationError);
  });

  it('writes a nullable primitive as one type, without trying anyOf branches', () => {
    const json = responseJsonSchema(z.object({ a: z.string().nullable(), b: z.iso.datetime().nullable() }));
    const props = (json as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(props.a).toEqual({ type: ['string', 'null'] });
    // A format is kept in its own branch, so fast-json-stringify still writes dates as ISO strings.
    expect(props.b!.anyOf).toHaveLength(2);
  });

  it('keeps the zod serializer for a schema JSON Schema cannot express', () => {
    const transformed = z.object({ n: z.string().transform((s) => s.length) });
    expect(responseJsonSchema(transformed)).toBeNull();
    expect(serializer(transformed, false)({ n: 'abcd' })).toBe('{"n":4}');
  });
});
