import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../db/audit-chain.js';
import { syncOpenData } from '../modules/open-data/open-data.service.js';
import { type BadCase, badCasesFor } from '../test/bad-input.js';
import { buildUser } from '../test/factories.js';
import { setupTestApp, signIn } from '../test/harness.js';
import { watchWrites } from '../test/write-log.js';

// Built at collection time so every route becomes its own named test; a new module is covered by
// registering its routes, not by editing this file.
const t = await setupTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
afterAll(() => t.close());
await buildUser(t.systemCtx(), { username: 'root', systemAdmin: true });
// A system admin, so authorization cannot hide a missing validation.
const admin = await signIn(t.app, 'root');
// "Nothing written": every committed row written to any table but the two counters (write-log.ts), read
// as one small count per table instead of every row of every table before and after each request.
const writes = await watchWrites(t.database);

const routes = t.app.routeList.filter((r) => !r.url.startsWith('/api/docs'));

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: `urn:commonlab:problem:${code}` });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
  return body as { errors?: { in: string; pointer: string; code: string }[] };
}

// The counts the previous case read after its request, when they matched: nothing runs between two cases,
// so they are this case's "before" and save a round trip per case (a write landing in between, e.g. late
// from the previous request, fails this case instead of passing unseen).
let last: Record<string, number> | undefined;

async function send(c: BadCase) {
  let before = last;
  last = undefined;
  // Every open-data answer first brings the public projection up to date (ADR 0016), a write by design:
  // bring it up to date here, so the request itself must then write nothing.
  if (String(c.request.url).startsWith('/api/open/v1')) {
    await syncOpenData(t.systemCtx());
    before = undefined;
  }
  before ??= await writes.counts();
  const res = await admin.request(c.request);
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (c.expect === 'no-5xx') {
    if (res.statusCode >= 400) expectProblem(res, res.statusCode, res.json().code);
    if (res.statusCode >= 400 || c.request.method === 'GET') {
      await expectNothingWritten(before);
    } else {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    }
    return;
  }
  const body = expectProblem(res, c.expect.status, c.expect.code);
  for (const p of c.expect.pointers ?? []) {
    expect(body.errors).toContainEqual(expect.objectContaining(p));
  }
  await expectNothingWritten(before);
}

async function expectNothingWritten(before: Record<string, number>) {
  const after = await writes.counts();
  expect(after).toEqual(before);
  last = after;
}

describe('route discovery', () => {
  it('finds the routes of every module, each with request and response schemas', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    for (const known of [
      'POST /api/auth/login',
      'PATCH /api/users/:id',
      'GET /api/audit',
      'GET /readyz',
      'GET /api/platforms',
    ]) {
      expect(names).toContain(known);
    }
    for (const r of routes) {
      const response = (r.schema?.response ?? {}) as Record<string, unknown>;
      expect(
        Object.keys(response).some((s) => /^2\d\d$/.test(s)),
        `${r.method} ${r.url} declares its success response`,
      ).toBe(true);
      if (r.url.includes(':'))
        expect(r.schema?.params, `${r.method} ${r.url} declares its params`).toBeDefined();
    }
  });
});

for (const route of routes) {
  const cases = badCasesFor(route);
  if (!cases.length) continue;
  describe(`${route.method} ${route.url}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      await send(c);
    });
  });
}

describe('after all of it', () => {
  it('still serves the signed-in admin and keeps the audit chain intact', async () => {
    expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    expect((await admin.get('/readyz')).statusCode).toBe(200);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});

describe('SQL- and HTML-looking text that is valid input', () => {
  const script = '<script>alert(1)</script>';
  const drop = "'; DROP TABLE users; --";

  it('stores a display name verbatim and returns it as JSON, never as markup', async () => {
    const res = await admin.post('/api/users', {
      username: 'mallory',
      displayName: script,
      password: 'a-long-enough-password',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().displayName).toBe(script);
    const row = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'mallory')
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe(script);
    const listed = await admin.get(`/api/users?q=${encodeURIComponent('<script>')}`);
    expect(listed.json().items.map((u: { displayName: string }) => u.displayName)).toEqual([script]);
  });

  it('stores a token name verbatim and leaves the tables in place', async () => {
    const res = await admin.post('/api/me/tokens', { name: drop, scopes: ['read'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(drop);
    const names = (await admin.get('/api/me/tokens')).json().items.map((x: { name: string }) => x.name);
    expect(names).toContain(drop);
    expect(
      Number(
        (
          await t.database.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(2);
  });

  it('treats quote tricks in a user name as a user name: the sign-in fails', async () => {
    for (const username of ["' OR '1'='1", "root' --", 'root"; --']) {
      const res = await admin.post('/api/auth/login', { username, password: "' OR '1'='1" });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalid_credentials');
    }
  });

  it('matches search text literally: quotes and LIKE wildcards find nobody', async () => {
    for (const q of ["' OR '1'='1", '%', '_', '%%']) {
      const res = await admin.get(`/api/users?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json(), `q=${q}`).toMatchObject({ items: [], total: 0 });
    }
  });

  it('records the text verbatim in the audit log and the chain still verifies', async () => {
    // The audit administrator reads the whole log (separation of duties, docs/adr/0014).
    await buildUser(t.systemCtx(), { username: 'auditor', auditAdmin: true });
    const auditor = await signIn(t.app, 'auditor');
    const entries = (await auditor.get('/api/audit?entityType=user')).json().items as {
      action: string;
      after: unknown;
    }[];
    const created = entries.find(
      (e) => e.action === 'user.created' && JSON.stringify(e.after).includes('mallory'),
    );
    expect(created?.after).toMatchObject({ displayName: script });
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
