import { type Client, pool } from '../lib/client.js';
import { type Api, fill, type Operation, type Parameter } from './openapi.js';

// What each identity can reach by following the API the way a client would: every GET without path
// parameters (lists at their largest page), then every GET with path parameters filled with ids that
// identity has been shown. The ids an identity was shown are its "visible" set: the cross-identity sweep
// treats a 2xx on an id outside it as an object owned by others being reached.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const GENERIC_KEYS = new Set(['items', 'data', 'rows', 'results', 'list', 'entries', '']);
// Per route: every object of the parameter's type up to BROAD (a single-parameter route such as
// /units/{id} or /platforms/{platformId}/units), NARROW per parent for deeper ones. A cap that is too low
// leaves objects an identity may see unvisited, and the sweep would then call its access unexpected.
const BROAD = 60;
const NARROW = 6;

export interface Binding {
  op: Operation;
  values: Record<string, string>;
  /** The query string the crawl sent (required parameters filled, see queryCandidates), '' if none. */
  query: string;
  /** Ids in the 2xx response. */
  ids: string[];
}

export interface View {
  client: Client;
  /** Ids to fall back on for a required id query parameter the identity was shown none of (the demo's platforms). */
  fallback: Map<string, string[]>;
  seen: Set<string>;
  byEntity: Map<string, Set<string>>;
  reached: Binding[];
  requests: number;
}

/** `platformId` → platform, `review-assignments` → reviewassignment: how params and JSON keys are matched. */
export const entityOf = (name: string) =>
  name
    .replace(/Ids?$/, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/s$/, '');

const lastStatic = (path: string) =>
  path
    .split('/')
    .filter((s) => s && !s.startsWith('{'))
    .at(-1) ?? '';

function record(view: View, path: string, text: string) {
  for (const id of text.match(UUID) ?? []) view.seen.add(id.toLowerCase());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  const add = (entity: string, id: string) => {
    const e = entityOf(entity);
    if (!view.byEntity.has(e)) view.byEntity.set(e, new Set());
    view.byEntity.get(e)!.add(id.toLowerCase());
  };
  const walk = (node: unknown, ctx: string) => {
    if (Array.isArray(node)) for (const x of node) walk(x, ctx);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)) {
          if (k === 'id') add(ctx, v);
          else if (k.endsWith('Id')) add(k, v);
        } else walk(v, GENERIC_KEYS.has(k) ? ctx : k);
      }
    }
  };
  walk(json, lastStatic(path));
}

/** Ids the view holds for a path parameter, by entity when it can tell, else all it saw. */
export function idsFor(view: View, op: Operation, param: string): string[] {
  const before = op.path.slice(0, op.path.indexOf(`{${param}}`));
  const entity = entityOf(param === 'id' ? lastStatic(before) : param);
  for (const [e, ids] of view.byEntity) {
    if (e && (e === entity || e.endsWith(entity) || entity.endsWith(e))) return [...ids];
  }
  return [];
}

/** Path-parameter values to try for an operation, from what `view` reached (see crawl). */
export function candidates(view: View, op: Operation, limit?: number): Record<string, string>[] {
  const params = op.pathParams;
  if (!params.length) return [{}];
  limit ??= params.length === 1 ? BROAD : NARROW * 10;
  const perParent = params.length === 1 ? limit : NARROW;
  const out: Record<string, string>[] = [];
  const key = (v: Record<string, string>) => JSON.stringify(v);
  const seenKeys = new Set<string>();
  const push = (v: Record<string, string>) => {
    if (out.length < limit && !seenKeys.has(key(v))) {
      seenKeys.add(key(v));
      out.push(v);
    }
  };
  // A GET with the same parameters and path up to the last one (PATCH /units/{id} ↔ GET /units/{id}).
  const upToLast = op.path.slice(0, op.path.indexOf(`{${params.at(-1)}}`) + params.at(-1)!.length + 2);
  for (const b of view.reached) {
    if (b.op.pathParams.join() === params.join() && b.op.path.startsWith(upToLast)) push(b.values);
  }
  const last = params.at(-1)!;
  const parents =
    params.length === 1 ? [{ values: {}, ids: [...view.seen] } as Pick<Binding, 'values' | 'ids'>] : [];
  if (params.length > 1) {
    const prefix = params.slice(0, -1).join();
    const beforeLast = op.path.slice(0, op.path.indexOf(`{${last}}`));
    for (const b of view.reached) {
      if (b.op.pathParams.join() === prefix && beforeLast.startsWith(b.op.path)) parents.push(b);
    }
  }
  const typed = new Set(idsFor(view, op, last));
  for (const parent of parents) {
    const pool = parent.ids.filter((id) => typed.has(id));
    for (const id of (pool.length ? pool : parent.ids).slice(0, perParent)) {
      if (!Object.values(parent.values).includes(id)) push({ ...parent.values, [last]: id });
    }
  }
  return out;
}

// Query parameters that choose whose records a list shows (services' and instruments' `view`, agreements'
// `as`): every value is tried even when the parameter is optional, or an identity's own records behind a
// non-default value would never be listed.
const PERSPECTIVE = new Set(['view', 'as']);
// A list without path parameters takes up to BROAD values of a required id (every demo platform: the
// enterprise's own NIST is the 7th platform it is shown, and a cap of 6 never listed its service requests);
// deeper routes, already multiplied by their path candidates, NARROW.
const queryCap = (op: Operation) => (op.pathParams.length ? NARROW * 4 : BROAD);

const isId = (q: Parameter) => q.schema.format === 'uuid' || /Id$/.test(q.name);

/**
 * The query strings to try for a GET: each required parameter (and each perspective parameter) filled —
 * ids of the parameter's entity the identity was shown (else the fallback ids, e.g. the demo's
 * platforms), every value of an enum, the default or the smallest valid value otherwise — combined up to
 * queryCap; list sizes at their largest page. Empty when a required parameter cannot be filled.
 */
export function queryCandidates(view: View, op: Operation): string[] {
  let combos: [string, string][][] = [[]];
  for (const q of op.query) {
    let values: string[] = [];
    const enumValues = q.schema.enum?.map(String);
    if (['limit', 'pageSize'].includes(q.name) && q.schema.maximum) values = [String(q.schema.maximum)];
    else if (!q.required && !(PERSPECTIVE.has(q.name) && enumValues)) continue;
    else if (enumValues) values = enumValues;
    else if (isId(q)) {
      const entity = entityOf(q.name);
      const shown = [...view.byEntity].find(([e]) => e && (e === entity || e.endsWith(entity)))?.[1];
      const cap = op.pathParams.length ? NARROW : BROAD;
      values = [...(shown?.size ? shown : (view.fallback.get(entity) ?? []))].slice(0, cap);
    } else if (q.schema.default !== undefined) values = [String(q.schema.default)];
    else if (q.schema.type === 'integer' || q.schema.type === 'number')
      values = [String(q.schema.minimum ?? 1)];
    else if (q.schema.type === 'string' && !q.schema.pattern && !q.schema.format)
      values = ['a'.repeat(Math.max(1, q.schema.minLength ?? 1))];
    if (!values.length) return [];
    combos = combos
      .flatMap((c) => values.map((v) => [...c, [q.name, v] as [string, string]]))
      .slice(0, queryCap(op));
  }
  return combos.map((c) => new URLSearchParams(c).toString());
}

const isFetchable = (op: Operation) => op.method === 'GET' && !op.path.startsWith('/api/docs');

export interface CrawlOptions {
  /** Fallback ids per entity (see View.fallback). */
  fallback?: Map<string, string[]>;
  /** Called with every request the crawl makes (npm run security -- --trace <identity>). */
  trace?: (url: string, status: number) => void;
}

/** Crawls the API as `client`; returns what it was shown. */
export async function crawl(api: Api, client: Client, options: CrawlOptions = {}): Promise<View> {
  const view: View = {
    client,
    fallback: options.fallback ?? new Map(),
    seen: new Set(),
    byEntity: new Map(),
    reached: [],
    requests: 0,
  };
  const gets = api.operations
    .filter(isFetchable)
    .sort((a, b) => a.pathParams.length - b.pathParams.length || a.path.length - b.path.length);
  const sent = new Set<string>();
  // Two rounds: ids found by deeper routes can open shallower ones of the same depth (and fill the
  // required query parameters of lists crawled before them).
  for (let round = 0; round < 2; round++) {
    for (const depth of [0, 1, 2, 3]) {
      const ops = gets.filter((op) => op.pathParams.length === depth);
      await pool(ops, 4, async (op) => {
        for (const values of candidates(view, op)) {
          for (const query of queryCandidates(view, op)) {
            const url = fill(op.path, values) + (query ? `?${query}` : '');
            if (sent.has(url)) continue;
            sent.add(url);
            const r = await client.request('GET', url);
            view.requests++;
            options.trace?.(url, r.status);
            if (r.status >= 200 && r.status < 300) {
              record(view, op.path, r.text);
              const ids = [...new Set((r.text.match(UUID) ?? []).map((id) => id.toLowerCase()))];
              view.reached.push({ op, values, query, ids });
            }
          }
        }
      });
    }
  }
  return view;
}
