import { describe, expect, it } from 'vitest';
import type { Client } from '../lib/client.js';
import { queryCandidates, type View } from './crawl.js';
import type { Operation, Parameter } from './openapi.js';

// The crawler's filling of required query parameters: without it a list such as
// GET /api/service-requests?platformId=…&view=mine is never requested, the identity's own requests stay
// unseen, and the sweep reports their reads as unexpected (the PostgreSQL run of the last stop).

const P = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const param = (name: string, schema: Parameter['schema'], required = false): Parameter => ({
  name,
  in: 'query',
  required,
  schema,
});
const op = (path: string, query: Parameter[]): Operation => ({
  method: 'GET',
  path,
  pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
  query,
  body: null,
});
const viewOf = (byEntity: Record<string, string[]>, fallback: Record<string, string[]> = {}): View => ({
  client: {} as Client,
  fallback: new Map(Object.entries(fallback)),
  seen: new Set(Object.values(byEntity).flat()),
  byEntity: new Map(Object.entries(byEntity).map(([k, v]) => [k, new Set(v)])),
  reached: [],
  requests: 0,
});
const requests = op('/api/service-requests', [
  param('platformId', { type: 'string', format: 'uuid' }, true),
  param('view', { type: 'string', enum: ['mine', 'unit', 'all'], default: 'mine' }),
  param('state', { type: 'string', enum: ['submitted', 'quoted'] }),
  param('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
]);

describe('crawler: required query parameters', () => {
  it('tries every platform it was shown (beyond the first six) with every value of view, at the largest page', () => {
    const platforms = Array.from({ length: 9 }, (_, i) => P(i + 1));
    const qs = queryCandidates(viewOf({ platform: platforms }), requests).map((q) => new URLSearchParams(q));
    expect(qs).toHaveLength(27);
    // NIST is the 7th platform the enterprise is shown: its own list must be among the requests.
    expect(qs.map((q) => q.toString())).toContain(`platformId=${P(7)}&view=mine&pageSize=100`);
    expect(new Set(qs.map((q) => q.get('view')))).toEqual(new Set(['mine', 'unit', 'all']));
    // An optional filter that is not a perspective is left out (the list at its widest).
    expect(qs.every((q) => !q.has('state'))).toBe(true);
  });

  it('falls back on the given ids when the identity was shown none of the entity', () => {
    const qs = queryCandidates(viewOf({}, { platform: [P(1), P(2)] }), requests);
    expect(qs).toEqual([
      `platformId=${P(1)}&view=mine&pageSize=100`,
      `platformId=${P(1)}&view=unit&pageSize=100`,
      `platformId=${P(1)}&view=all&pageSize=100`,
      `platformId=${P(2)}&view=mine&pageSize=100`,
      `platformId=${P(2)}&view=unit&pageSize=100`,
      `platformId=${P(2)}&view=all&pageSize=100`,
    ]);
  });

  it('fills a required enum, number and free text; gives up on a required id it has no value for', () => {
    const search = op('/api/things', [
      param('q', { type: 'string', minLength: 2 }, true),
      param('year', { type: 'integer', minimum: 2000 }, true),
      param('as', { type: 'string', enum: ['officer', 'lead'] }, true),
    ]);
    expect(queryCandidates(viewOf({}), search)).toEqual([
      'q=aa&year=2000&as=officer',
      'q=aa&year=2000&as=lead',
    ]);
    const byUnit = op('/api/units-things', [param('unitId', { type: 'string', format: 'uuid' }, true)]);
    expect(queryCandidates(viewOf({ platform: [P(1)] }), byUnit)).toEqual([]);
    expect(queryCandidates(viewOf({ unit: [P(3)] }), byUnit)).toEqual([`unitId=${P(3)}`]);
  });

  it('keeps a deep route with path parameters to a few query values', () => {
    const deep = op('/api/platforms/{platformId}/things', [param('unitId', { format: 'uuid' }, true)]);
    const units = Array.from({ length: 20 }, (_, i) => P(i + 1));
    expect(queryCandidates(viewOf({ unit: units }), deep)).toHaveLength(6);
    expect(queryCandidates(viewOf({}), op('/api/plain', []))).toEqual(['']);
  });
});
