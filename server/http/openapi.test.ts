import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setupTestApp, type TestApp } from '../test/harness.js';
import type { RouteInfo } from './route-catalog.js';

interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: {
    in: string;
    name: string;
    required?: boolean;
    schema?: { format?: string; pattern?: string };
  }[];
  requestBody?: {
    required?: boolean;
    content: Record<
      string,
      { schema: { properties?: object; required?: string[]; additionalProperties?: boolean } }
    >;
  };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Doc {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

let t: TestApp;
let doc: Doc;
let routes: RouteInfo[];
beforeAll(async () => {
  t = await setupTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  routes = t.app.routeList.filter((r) => !r.url.startsWith('/api/docs'));
});
afterAll(() => t.close());

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const operationOf = (r: RouteInfo) => doc.paths[openapiPath(r.url)]?.[r.method.toLowerCase()];
const keysOf = (schema: unknown) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with the Commonlab title and both ways to authenticate', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Commonlab API');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
  });

  it('lists every route the app serves, with its method, a summary and a tag', () => {
    expect(routes.filter((r) => r.url.startsWith('/api/')).length).toBeGreaterThan(10);
    for (const r of routes) {
      const op = operationOf(r);
      expect(op, `${r.method} ${r.url} is documented`).toBeDefined();
      expect(op?.summary, `${r.method} ${r.url} has a summary`).toBeTruthy();
      expect(op?.tags?.length, `${r.method} ${r.url} has a tag`).toBeGreaterThan(0);
    }
  });

  it('lists no operation the app does not serve, and hides the docs routes themselves', () => {
    const served = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openapiPath(r.url)}`));
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path.startsWith('/api/docs')).toBe(false);
      for (const method of Object.keys(ops))
        expect(served, `${method} ${path}`).toContain(`${method} ${path}`);
    }
  });

  it('gives each request body its schema: every field, the required ones, no others allowed', () => {
    const withBody = routes.filter((r) => r.schema?.body);
    expect(withBody.length).toBeGreaterThan(5);
    for (const r of withBody) {
      const schema = operationOf(r)?.requestBody?.content['application/json']?.schema;
      expect(schema, `${r.method} ${r.url} documents its body`).toBeDefined();
      expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(keysOf(r.schema?.body).sort());
      expect(schema?.additionalProperties, `${r.method} ${r.url} refuses unknown fields`).toBe(false);
    }
    const login = operationOf(routes.find((r) => r.url === '/api/auth/login')!);
    expect(login?.requestBody?.content['application/json']?.schema.required?.sort()).toEqual([
      'password',
      'username',
    ]);
  });

  it('documents path parameters as required UUIDs (or a named file by its pattern) and every query parameter', () => {
    for (const r of routes) {
      const params = operationOf(r)?.parameters ?? [];
      for (const [, name] of r.url.matchAll(/:(\w+)/g)) {
        expect(params).toContainEqual(expect.objectContaining({ in: 'path', name, required: true }));
        const schema = params.find((p) => p.name === name)?.schema;
        // An open-data dump file is named, not numbered: its parameter carries the names' pattern instead.
        if (r.url.endsWith('/dumps/:name')) expect(schema?.pattern, `${r.method} ${r.url}`).toBeTruthy();
        else expect(schema?.format, `${r.method} ${r.url} :${name}`).toBe('uuid');
      }
      for (const name of keysOf(r.schema?.querystring)) {
        expect(params, `${r.method} ${r.url} ?${name}`).toContainEqual(
          expect.objectContaining({ in: 'query', name }),
        );
      }
    }
  });

  it('documents the success response of every operation, with a body schema unless it is 204', () => {
    for (const r of routes) {
      const declared = Object.keys((r.schema?.response ?? {}) as object).filter((s) => /^2/.test(s));
      const responses = operationOf(r)?.responses ?? {};
      for (const status of declared) {
        expect(responses[status], `${r.method} ${r.url} ${status}`).toBeDefined();
        // File downloads (CSV, XLSX) declare their own media type instead of JSON.
        const content = responses[status]?.content ?? {};
        if (status !== '204')
          expect(content['application/json'] ?? Object.values(content)[0]).toHaveProperty('schema');
      }
    }
  });
});

describe('the docs page', () => {
  it('serves the interactive HTML page and the assets it loads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
    const assets = [...res.body.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(1);
    for (const url of assets) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});
