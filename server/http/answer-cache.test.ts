import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../db/write.js';
import { userListAnswers } from '../modules/users/users.list.js';
import { updateAccount } from '../modules/users/users.repository.js';
import { setRoles, updateUser } from '../modules/users/users.service.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../test/harness.js';

/**
 * The answer cache of authenticated reads (answer-cache.ts, docs/adr/0037), on the users list: each
 * caller's view has its own answers, a hit is byte-identical to a miss, a write of this process shows on
 * the very next request, one made elsewhere within AUTH_CACHE_MS (1,000 ms) on the app's clock, and the
 * sign-in and the policy still decide every request.
 */
let t: TestApp;
let A: string;
let B: string;
let root: Client;
let adminA: Client;
let adminB: Client;
let adminAB: Client;
let security: Client;
let holderA: string;
let holderB: string;

type Page = {
  items: { id: string; username: string; displayName: string; roles: { platformId: string }[] }[];
};
const list = async (c: Client, query = 'q=ac-&limit=50') => {
  const res = await c.get(`/api/users?${query}`);
  expect(res.statusCode).toBe(200);
  return res;
};
const names = async (c: Client, query?: string) =>
  ((await list(c, query)).json() as Page).items.map((u) => u.username);
const store = () => userListAnswers.storeOf(t.database.db);
// The headers that differ between any two answers, cached or not.
const stable = (h: Record<string, unknown>) => {
  const { 'x-request-id': _, date: __, ...rest } = h;
  return rest;
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'ACA' })).id;
  B = (await buildPlatform(ctx, { code: 'ACB' })).id;
  await buildUser(ctx, { username: 'ac-root', systemAdmin: true });
  await buildUser(ctx, { username: 'ac-security', securityAdmin: true });
  await buildUser(ctx, { username: 'ac-admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'ac-admin-b', roles: ['platform_admin'], platformId: B });
  const ab = await buildUser(ctx, { username: 'ac-admin-ab', roles: ['platform_admin'], platformId: A });
  await setRoles(ctx, ab.id, [
    { platformId: A, role: 'platform_admin' },
    { platformId: B, role: 'platform_admin' },
  ]);
  holderA = (await buildUser(ctx, { username: 'ac-holder-a', roles: ['applicant'], platformId: A })).id;
  holderB = (await buildUser(ctx, { username: 'ac-holder-b', roles: ['expert'], platformId: B })).id;
  root = await signIn(t.app, 'ac-root');
  security = await signIn(t.app, 'ac-security');
  adminA = await signIn(t.app, 'ac-admin-a');
  adminB = await signIn(t.app, 'ac-admin-b');
  adminAB = await signIn(t.app, 'ac-admin-ab');
});
afterAll(() => t.close());

describe('the key is the caller’s view and the validated query', () => {
  it('callers with different views never get each other’s page, cached or not', async () => {
    const expected = {
      a: ['ac-admin-a', 'ac-admin-ab', 'ac-holder-a'],
      b: ['ac-admin-ab', 'ac-admin-b', 'ac-holder-b'],
      ab: ['ac-admin-a', 'ac-admin-ab', 'ac-admin-b', 'ac-holder-a', 'ac-holder-b'],
      all: [
        'ac-admin-a',
        'ac-admin-ab',
        'ac-admin-b',
        'ac-holder-a',
        'ac-holder-b',
        'ac-root',
        'ac-security',
      ],
    };
    // Twice round, in two orders: the second of each reads what the first kept.
    for (const order of [
      [adminA, adminB, root, adminAB],
      [root, adminAB, adminB, adminA],
    ]) {
      for (const c of order) {
        const want =
          c === adminA ? expected.a : c === adminB ? expected.b : c === root ? expected.all : expected.ab;
        const page = (await list(c)).json() as Page;
        expect(page.items.map((u) => u.username)).toEqual(want);
        // A platform admin sees the roles on their own platform only (ac-admin-ab holds A's and B's).
        const only = c === adminA ? A : c === adminB ? B : null;
        if (only) for (const u of page.items) for (const r of u.roles) expect(r.platformId).toBe(only);
      }
    }
    // Views: A, B, all (the system admin), and A+B, whose two platforms' roles a sole admin of A never sees.
    const abPage = (await list(adminAB)).json() as Page;
    const abRoles = abPage.items.find((u) => u.username === 'ac-admin-ab')!.roles.map((r) => r.platformId);
    expect(abRoles.sort()).toEqual([A, B].sort());
    expect(store().size).toBe(4);
  });

  it('one view is one entry: the security admin reads what the system admin kept, a token what a cookie kept', async () => {
    await list(root, 'q=ac-holder');
    const before = store().size;
    const viaSecurity = await list(security, 'q=ac-holder');
    const res = await root.post('/api/me/tokens', { name: 'ac', scopes: ['read'] });
    const bearer = anonymous(t.app, { authorization: `Bearer ${(res.json() as { token: string }).token}` });
    const viaToken = await list(bearer, 'q=ac-holder');
    expect(store().size).toBe(before);
    expect(viaSecurity.body).toBe(viaToken.body);
    expect(await names(security, 'q=ac-holder')).toEqual(['ac-holder-a', 'ac-holder-b']);
  });

  it('the query is the validated one: limit=050 is limit=50, and another filter is another entry', async () => {
    const plain = await list(root, 'q=ac-&limit=50');
    const size = store().size;
    const padded = await list(root, 'q=ac-&limit=050');
    expect(padded.body).toBe(plain.body);
    expect(store().size).toBe(size);
    expect(await names(root, `q=ac-&platformId=${B}`)).toEqual(['ac-admin-ab', 'ac-admin-b', 'ac-holder-b']);
    // A platform admin of A asking for B's holders gets nothing, not B's admin's kept page.
    expect(await names(adminA, `q=ac-&platformId=${B}`)).toEqual([]);
    expect(await names(adminB, `q=ac-&platformId=${B}`)).toEqual([
      'ac-admin-ab',
      'ac-admin-b',
      'ac-holder-b',
    ]);
  });
});

describe('concurrent requests', () => {
  it('of different views, all at once after a write, each get their own view’s page', async () => {
    const callers = [adminA, adminB, root, adminAB, security];
    const want = new Map<Client, string[]>();
    for (const c of callers) want.set(c, await names(c));
    expect(new Set([...want.values()].map((v) => v.join())).size).toBe(4); // security's view is root's
    await updateUser(t.systemCtx(), holderA, { displayName: 'Concurrent again' });
    const asked = Array.from({ length: 30 }, (_, i) => callers[i % callers.length]!);
    const pages = await Promise.all(asked.map((c) => list(c)));
    pages.forEach((res, i) => {
      expect((res.json() as Page).items.map((u) => u.username)).toEqual(want.get(asked[i]!));
    });
  });
});

describe('a hit is the miss’s answer', () => {
  it('byte-identical body and headers, status 200', async () => {
    await updateUser(t.systemCtx(), holderA, { displayName: 'Holder A' }); // drops what was kept
    const miss = await list(adminA);
    // Proof that the second is a hit: a change written outside `write` is not seen by it.
    await updateAccount(t.database.db, holderA, { displayName: 'Changed outside' });
    const hit = await list(adminA);
    expect(hit.body).toBe(miss.body);
    expect(stable(hit.headers)).toEqual(stable(miss.headers));
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.headers['cache-control']).toBe('no-store');
    t.clock.advance(1_000);
    expect(((await list(adminA)).json() as Page).items.map((u) => u.displayName)).toContain(
      'Changed outside',
    );
  });
});

describe('the sign-in and the policy still decide every request', () => {
  it('a removed role is refused at once, a signed-out session too, though their page is kept', async () => {
    const ctx = t.systemCtx();
    const gone = await buildUser(ctx, { username: 'ac-gone', roles: ['platform_admin'], platformId: A });
    const client = await signIn(t.app, 'ac-gone');
    await list(client);
    await list(adminA); // the same view: kept for admin A
    await setRoles(ctx, gone.id, []);
    expect((await client.get('/api/users?q=ac-&limit=50')).statusCode).toBe(403);
    expect((await adminA.get('/api/users?q=ac-&limit=50')).statusCode).toBe(200);
    const other = await signIn(t.app, 'ac-admin-a');
    await list(other);
    expect((await other.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await other.get('/api/users?q=ac-&limit=50')).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/users?q=ac-&limit=50')).statusCode).toBe(401);
  });
});

describe('invalidation: this process at once, another within AUTH_CACHE_MS', () => {
  it('a write through the app shows on the very next request (profile, disabling, roles)', async () => {
    const ctx = t.systemCtx();
    await list(adminB);
    await list(adminB);
    await updateUser(ctx, holderB, { displayName: 'Renamed in process' });
    let page = (await list(adminB)).json() as Page;
    expect(page.items.find((u) => u.id === holderB)!.displayName).toBe('Renamed in process');
    await updateUser(ctx, holderB, { disabled: true });
    const disabled = (await list(adminB)).json() as { items: { id: string; disabled: boolean }[] };
    expect(disabled.items.find((u) => u.id === holderB)!.disabled).toBe(true);
    await setRoles(ctx, holderB, []);
    page = (await list(adminB)).json() as Page;
    expect(page.items.map((u) => u.id)).not.toContain(holderB);
  });

  it('a lockout by failed sign-ins (written outside `write`) shows on the very next request', async () => {
    const ctx = t.systemCtx();
    const u = await buildUser(ctx, { username: 'ac-locked', roles: ['applicant'], platformId: A });
    const lockedOf = async () =>
      ((await list(adminA)).json() as { items: { id: string; lockedUntil: string | null }[] }).items.find(
        (x) => x.id === u.id,
      )!.lockedUntil;
    expect(await lockedOf()).toBeNull();
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ac-locked', password: 'wrong-password-here' },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect(await lockedOf()).not.toBeNull();
  });

  it('a change written by another process is served until 1,000 ms have passed, then read afresh', async () => {
    await list(adminA);
    await updateAccount(t.database.db, holderA, { displayName: 'Written elsewhere' });
    t.clock.advance(999);
    const stale = (await list(adminA)).json() as Page;
    expect(stale.items.find((u) => u.id === holderA)!.displayName).not.toBe('Written elsewhere');
    t.clock.advance(1);
    const fresh = (await list(adminA)).json() as Page;
    expect(fresh.items.find((u) => u.id === holderA)!.displayName).toBe('Written elsewhere');
  });

  it('a clock set back ends the entry', async () => {
    await list(adminA);
    await updateAccount(t.database.db, holderA, { displayName: 'Before the clock went back' });
    t.clock.advance(-5_000);
    const page = (await list(adminA)).json() as Page;
    expect(page.items.find((u) => u.id === holderA)!.displayName).toBe('Before the clock went back');
  });

  it('a write to another table keeps the entries', async () => {
    await list(adminA);
    await updateAccount(t.database.db, holderA, { displayName: 'Unseen until the bound' });
    // A `write` that changes only the audit log (what a refused sign-in writes), none of the list's tables.
    await write(t.systemCtx(), (_trx, audit) =>
      audit({
        action: 'auth.sign_in_refused',
        entityType: 'user',
        entityId: holderA,
        after: { reason: 'x' },
      }),
    );
    let page = (await list(adminA)).json() as Page;
    expect(page.items.find((u) => u.id === holderA)!.displayName).not.toBe('Unseen until the bound');
    t.clock.advance(1_000);
    page = (await list(adminA)).json() as Page;
    expect(page.items.find((u) => u.id === holderA)!.displayName).toBe('Unseen until the bound');
  });
});
