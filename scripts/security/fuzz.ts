import fc from 'fast-check';
import type { Client } from '../lib/client.js';
import { candidates, type View } from './crawl.js';
import { type Api, fill, type Operation, SESSION_ROUTES } from './openapi.js';
import { arbitraryFor } from './schema-arbitrary.js';

// Property-based fuzzing of every write route: bodies drawn from the route's own JSON schema (valid ones,
// which reach services and SQL, and hostile ones), sent by the system administrator (who gets furthest
// into the code) to objects that exist. Property: no answer is a 5xx.

export interface FuzzFailure {
  route: string;
  url: string;
  status: number;
  body: string;
  answer: string;
}

export interface FuzzResult {
  routes: number;
  requests: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
}

export async function fuzz(
  api: Api,
  admin: View,
  runsPerRoute: number,
  seed: number,
  protectedIds: Set<string>,
): Promise<FuzzResult> {
  const result: FuzzResult = { routes: 0, requests: 0, byStatus: {}, failures: [] };
  const knownIds = [...admin.seen].filter((id) => !protectedIds.has(id)).slice(0, 300);
  const writes = api.operations.filter(
    (op) => op.method !== 'GET' && !SESSION_ROUTES.has(`${op.method} ${op.path}`),
  );
  for (const op of writes) {
    result.routes++;
    const bindings = urlsFor(admin, op, protectedIds);
    const arbs = [true, false].map((hostile) =>
      op.body ? arbitraryFor(op.body, { deref: api.deref, knownIds, hostile }) : fc.constant(undefined),
    );
    const property = fc.asyncProperty(fc.constantFrom(...bindings), fc.oneof(...arbs), async (url, body) => {
      const r = await admin.client.request(op.method, url, body);
      result.requests++;
      const cls = `${Math.floor(r.status / 100)}xx`;
      result.byStatus[cls] = (result.byStatus[cls] ?? 0) + 1;
      if (r.status >= 500) {
        result.failures.push({
          route: `${op.method} ${op.path}`,
          url,
          status: r.status,
          body: JSON.stringify(body)?.slice(0, 400) ?? '',
          answer: r.text.slice(0, 300),
        });
        return false;
      }
      return true;
    });
    // A failing route is reported with its shrunk counterexample; the others keep running.
    await fc
      .assert(property, { numRuns: runsPerRoute, seed: seed + result.routes, endOnFailure: true })
      .catch(() => undefined);
  }
  return result;
}

/** Real objects first (so services reach the database), plus one id that does not exist. */
function urlsFor(admin: View, op: Operation, protectedIds: Set<string>): string[] {
  const found = candidates(admin, op, 12)
    .filter((v) => !Object.values(v).some((id) => protectedIds.has(id)))
    .map((v) => fill(op.path, v));
  const missing = fill(
    op.path,
    Object.fromEntries(op.pathParams.map((p) => [p, '01890000-0000-7000-8000-000000000000'])),
  );
  return [...new Set([...found, missing])];
}

/** Signs the client in again if a fuzzed request ended its session (it must never, but stay robust). */
export async function stillSignedIn(client: Client): Promise<boolean> {
  return (await client.request('GET', '/api/auth/session')).status === 200;
}
