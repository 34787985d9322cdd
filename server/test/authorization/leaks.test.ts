import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/audit-chain.js';
import { buildPlatform, buildUser } from '../factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../harness.js';

/** What a caller may not see must not show through lists, counts, search, filters or paging. */
let t: TestApp;
let A: string;
let B: string;
let root: Client;
let adminB: Client;
let researcherA: Client;
let supervisorA: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  const user = async (username: string, opts: Parameters<typeof buildUser>[1] = {}) => {
    ids[username] = (await buildUser(ctx, { username, ...opts })).id;
  };
  await user('root', { systemAdmin: true });
  await user('b-admin', { roles: ['platform_admin'], platformId: B });
  await user('alice-a', { roles: ['researcher', 'expert'], platformId: A, displayName: 'Alice Secret' });
  await user('bob-b', { roles: ['researcher'], platformId: B, displayName: 'Bob' });
  await user('carol-both', { roles: ['expert'], platformId: A });
  await t.database.db
    .insertInto('role_assignments')
    .values({
      id: crypto.randomUUID(),
      user_id: ids['carol-both']!,
      platform_id: B,
      role: 'researcher',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await user('dave-none');
  await user('sam-supervisor-a', { roles: ['supervisor'], platformId: A });
  for (const platformId of [A, A, B, null]) {
    await t.database.db.transaction().execute((trx) =>
      appendAudit(trx, t.database.seam, ctx, {
        action: 'test.thing_changed',
        entityType: 'thing',
        entityId: `thing-${platformId === A ? 'a' : platformId === B ? 'b' : 'system'}`,
        platformId,
        after: { secret: platformId === A ? 'of A' : 'other' },
      }),
    );
  }
  root = await signIn(t.app, 'root');
  adminB = await signIn(t.app, 'b-admin');
  researcherA = await signIn(t.app, 'alice-a');
  supervisorA = await signIn(t.app, 'sam-supervisor-a');
});
afterAll(() => t.close());

const names = (body: { items: Array<{ username: string }> }) => body.items.map((u) => u.username);

describe('user list of a platform admin', () => {
  it('shows only users with roles on their platforms, and counts only those', async () => {
    const res = await adminB.get('/api/users');
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toEqual(['b-admin', 'bob-b', 'carol-both']);
    expect(res.json().total).toBe(3);
    const page = (await adminB.get('/api/users?limit=1&offset=2')).json();
    expect(names(page)).toEqual(['carol-both']);
    expect(page.total).toBe(3);
    expect((await adminB.get('/api/users?offset=3')).json()).toEqual({ items: [], total: 3 });
  });

  it("does not show a user's roles on platforms the admin does not administer", async () => {
    const carol = (await adminB.get('/api/users?q=carol')).json().items[0];
    expect(carol.roles).toEqual([{ platformId: B, role: 'researcher' }]);
    const viaRoot = (await root.get('/api/users?q=carol')).json().items[0];
    expect(viaRoot.roles).toHaveLength(2);
  });

  it('search finds nobody outside the scope, by user name, display name or wildcard', async () => {
    for (const q of ['alice', 'Secret', 'dave', '%', '_', 'a']) {
      const body = (await adminB.get(`/api/users?q=${encodeURIComponent(q)}`)).json();
      expect(
        names(body).every((n) => ['b-admin', 'bob-b', 'carol-both'].includes(n)),
        q,
      ).toBe(true);
      expect(body.total, q).toBe(body.items.length);
    }
    expect((await adminB.get('/api/users?q=alice')).json()).toEqual({ items: [], total: 0 });
    expect((await root.get('/api/users?q=secret')).json().total).toBe(1);
  });

  it('a platform filter outside the scope returns nothing rather than the other platform', async () => {
    expect((await adminB.get(`/api/users?platformId=${A}`)).json()).toEqual({ items: [], total: 0 });
    expect(names((await root.get(`/api/users?platformId=${A}`)).json())).toEqual([
      'alice-a',
      'carol-both',
      'sam-supervisor-a',
    ]);
  });

  it('the system admin sees every account and the true total', async () => {
    const all = await t.database.db.selectFrom('users').select('username').orderBy('username').execute();
    const body = (await root.get('/api/users?limit=200')).json();
    expect(names(body)).toEqual(all.map((u) => u.username));
    expect(body.total).toBe(all.length);
  });

  it('changing roles answers with the roles on the admin’s own platforms only, and keeps the others', async () => {
    const res = await adminB.put(`/api/users/${ids['carol-both']}/roles`, {
      roles: [{ platformId: B, role: 'expert' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([{ platformId: B, role: 'expert' }]);
    const stored = await t.database.db
      .selectFrom('role_assignments')
      .select(['platform_id', 'role'])
      .where('user_id', '=', ids['carol-both']!)
      .orderBy('role')
      .execute();
    expect(stored).toEqual([
      { platform_id: A, role: 'expert' },
      { platform_id: B, role: 'expert' },
    ]);
  });
});

describe('audit trail', () => {
  it('a platform admin sees only entries of their platforms', async () => {
    const body = (await adminB.get('/api/audit?limit=200')).json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { platformId: string }) => e.platformId === B)).toBe(true);
    expect(body.items.map((e: { entityId: string }) => e.entityId)).toContain('thing-b');
  });

  it('filters and paging cannot reach another platform or system entries', async () => {
    expect((await adminB.get(`/api/audit?platformId=${A}`)).json()).toEqual({
      items: [],
      nextBeforeSeq: null,
    });
    expect((await adminB.get('/api/audit?entityId=thing-a')).json().items).toEqual([]);
    // Role changes are recorded per platform: B's admin sees those on B, never A's or system entries.
    const userEntries = (await adminB.get('/api/audit?entityType=user')).json().items;
    for (const e of userEntries) expect(e.platformId).toBe(B);
    const all = (await adminB.get('/api/audit?limit=200')).json().items.length;
    let seen = 0;
    let cursor: number | null = null;
    do {
      const page: { items: Array<{ platformId: string }>; nextBeforeSeq: number | null } = (
        await adminB.get(`/api/audit?limit=1${cursor ? `&beforeSeq=${cursor}` : ''}`)
      ).json();
      seen += page.items.length;
      for (const e of page.items) expect(e.platformId).toBe(B);
      cursor = page.nextBeforeSeq;
    } while (cursor);
    expect(seen).toBe(all);
  });

  it('a supervisor reads their platform, a researcher reads nothing', async () => {
    const body = (await supervisorA.get('/api/audit')).json();
    expect(body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['thing-a', 'thing-a']);
    expect((await researcherA.get('/api/audit')).statusCode).toBe(403);
    // The whole log, system entries included, is the audit admin's; the system admin reads none of it.
    expect((await root.get('/api/audit?entityType=thing')).statusCode).toBe(403);
    await buildUser(t.systemCtx(), { username: 'auditor', auditAdmin: true });
    const auditor = await signIn(t.app, 'auditor');
    expect((await auditor.get('/api/audit?entityType=thing')).json().items).toHaveLength(4);
  });
});

describe('home summary counts', () => {
  it('are null where the caller may not see them, and scoped where they may', async () => {
    const researcher = (await researcherA.get('/api/home/summary')).json();
    expect(researcher).toMatchObject({
      users: null,
      activeSessions: null,
      auditEntries: null,
      myRoles: 2,
      myPlatforms: 1,
    });
    const admin = (await adminB.get('/api/home/summary')).json();
    expect(admin).toMatchObject({ users: null, activeSessions: null });
    const onB = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('platform_id', '=', B)
      .executeTakeFirstOrThrow();
    expect(admin.auditEntries).toBe(Number(onB.n));
    const supervisor = (await supervisorA.get('/api/home/summary')).json();
    expect(supervisor.auditEntries).toBe(2);
    const system = (await root.get('/api/home/summary')).json();
    expect(system.users).toBeGreaterThanOrEqual(7);
    expect(system.activeSessions).toBeGreaterThanOrEqual(4);
    expect(system.auditEntries).toBeNull();
  });
});
