import fc from 'fast-check';
import { pool } from '../lib/client.js';
import { type Binding, candidates, type View } from './crawl.js';
import { type Api, fill, type Operation, SESSION_ROUTES } from './openapi.js';
import { arbitraryFor } from './schema-arbitrary.js';

// The cross-identity sweep. For every route with path parameters, the parameter values another identity
// reached (ids it owns or was shown) are replayed by every identity that was never shown them. Such a
// request must be refused (401/403/404); a 2xx is a finding. Reads are replayed first, then writes, with
// a body valid for the route's schema so that the request gets past validation to the authorisation.

export interface Finding {
  kind: 'cross-identity';
  route: string;
  url: string;
  actor: string;
  owner: string;
  status: number;
  detail: string;
}

export interface SweepResult {
  requests: number;
  refused: number;
  /** A write refused by validation (400) before any authorisation: inconclusive for that pair. */
  inconclusive: number;
  /** Refused after authorisation by a business rule (409/422): the actor got past `can()`. */
  ruleRefusals: string[];
  findings: Finding[];
}

const UUIDISH = /^[0-9a-f-]{36}$/i;
const label = (op: Operation) => `${op.method} ${op.path}`;
const foreign = (viewer: View, values: Record<string, string>) =>
  Object.values(values).some((v) => UUIDISH.test(v) && !viewer.seen.has(v.toLowerCase()));

/** The system administrator may read and change everything (the authorization matrix shows it). */
const UNRESTRICTED = new Set(['admin']);

export async function sweep(api: Api, views: View[], seed: number): Promise<SweepResult> {
  const result: SweepResult = { requests: 0, refused: 0, inconclusive: 0, ruleRefusals: [], findings: [] };
  const knownIds = [...new Set(views.flatMap((v) => [...v.seen]))].slice(0, 200);

  // Reads: every binding some identity reached, as every identity that was not shown its ids.
  const reads: { b: Binding; owner: View; actor: View }[] = [];
  const done = new Set<string>();
  for (const owner of views) {
    for (const b of owner.reached) {
      if (!b.op.pathParams.length) continue;
      const url = fill(b.op.path, b.values);
      for (const actor of views) {
        const key = `${actor.client.name} ${url}`;
        if (actor === owner || UNRESTRICTED.has(actor.client.name)) continue;
        if (done.has(key) || !foreign(actor, b.values)) continue;
        done.add(key);
        reads.push({ b, owner, actor });
      }
    }
  }
  await pool(reads, 4, async ({ b, owner, actor }) => {
    // With the query the owner sent: a list's required parameters (e.g. platformId) filled the same way.
    const url = fill(b.op.path, b.values) + (b.query ? `?${b.query}` : '');
    const r = await actor.client.request('GET', url);
    result.requests++;
    judge(result, r.status, r.text, label(b.op), url, actor, owner);
  });

  // Writes: the parameter values the owner could reach for the route, sent by the others.
  const writes = api.operations.filter(
    (op) => op.method !== 'GET' && op.pathParams.length && !SESSION_ROUTES.has(label(op)),
  );
  for (const op of writes) {
    const arb = op.body ? arbitraryFor(op.body, { deref: api.deref, knownIds, hostile: false }) : null;
    for (const owner of views) {
      for (const values of candidates(owner, op, 3)) {
        const url = fill(op.path, values);
        const targets = views.filter(
          (a) => a !== owner && !UNRESTRICTED.has(a.client.name) && foreign(a, values),
        );
        await pool(targets, 4, async (actor) => {
          const key = `${actor.client.name} ${op.method} ${url}`;
          if (done.has(key)) return;
          done.add(key);
          // A few valid bodies: the first that passes validation shows whether authorisation holds.
          const bodies = arb ? fc.sample(arb, { numRuns: 3, seed: seed + result.requests }) : [undefined];
          for (const body of bodies) {
            const r = await actor.client.request(op.method, url, body);
            result.requests++;
            if (r.status === 400 && /request\.validation_failed/.test(r.text) && body !== bodies.at(-1))
              continue;
            judge(result, r.status, r.text, label(op), url, actor, owner);
            break;
          }
        });
      }
    }
  }
  return result;
}

function judge(
  result: SweepResult,
  status: number,
  text: string,
  route: string,
  url: string,
  actor: View,
  owner: View,
) {
  if (status >= 200 && status < 300) {
    result.findings.push({
      kind: 'cross-identity',
      route,
      url,
      actor: actor.client.name,
      owner: owner.client.name,
      status,
      detail: text.slice(0, 160),
    });
  } else if ([401, 403, 404].includes(status)) result.refused++;
  else if (status === 400) result.inconclusive++;
  else if (status === 409 || status === 422) {
    result.ruleRefusals.push(`${actor.client.name} ${route} → ${status} ${codeOf(text)}`);
  } else if (status >= 500) {
    result.findings.push({
      kind: 'cross-identity',
      route,
      url,
      actor: actor.client.name,
      owner: owner.client.name,
      status,
      detail: text.slice(0, 160),
    });
  } else result.refused++;
}

const codeOf = (text: string) => /"code":"([^"]+)"/.exec(text)?.[1] ?? '';
