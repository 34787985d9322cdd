import type { Client } from '../lib/client.js';

// The operations of the server's own OpenAPI document (/api/docs/json): every check walks this list, so
// a new route is covered without a list to keep.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path with {param} placeholders. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  body: JsonSchema | null;
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Api {
  operations: Operation[];
  /** Resolves a local $ref (#/components/schemas/X). */
  deref(schema: JsonSchema): JsonSchema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function loadApi(client: Client): Promise<Api> {
  const r = await client.request('GET', '/api/docs/json');
  if (r.status !== 200) throw new Error(`GET /api/docs/json answered ${r.status}`);
  const doc = JSON.parse(r.text) as Document;
  const deref = (schema: JsonSchema): JsonSchema => {
    let s = schema;
    for (let i = 0; s.$ref && i < 20; i++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
      s = target;
    }
    return s;
  };
  const operations: Operation[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      operations.push({
        method: m.toUpperCase(),
        path: p,
        pathParams: [...p.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query: params.filter((x) => x.in === 'query'),
        body: body ?? null,
      });
    }
  }
  return { operations, deref };
}

/** The path with each {param} replaced from `values` (URL-encoded). */
export function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** Routes that only sign in and out: the sweeps must not end their own sessions. */
export const SESSION_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/me/password',
]);
