import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../http/context.js';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

/** Disabling several accounts at once: one audited change each, per-account answers. */
let t: TestApp;
let root: Client;
let admin: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  root = await signIn(t.app, 'root');
  admin = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'] })).username);
});
afterAll(() => t.close());

const disabled = async (username: string) =>
  (await root.get(`/api/users?q=${username}`))
    .json()
    .items.find((u: { username: string }) => u.username === username).disabled;

describe('batch disable', () => {
  it('disables each account in its own audited change, reports an unknown id, and enables them again', async () => {
    const ctx = t.systemCtx();
    const a = await buildUser(ctx);
    const b = await buildUser(ctx);
    const session = await signIn(t.app, a.username);
    const missing = newId();
    const res = await root.post('/api/users/disabled', { userIds: [a.id, missing, b.id], disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { id: a.id, ok: true, status: null, code: null },
        { id: missing, ok: false, status: 404, code: 'users.not_found' },
        { id: b.id, ok: true, status: null, code: null },
      ],
      succeeded: 2,
      failed: 1,
    });
    for (const u of [a, b]) expect(await disabled(u.username)).toBe(true);
    // As with one account: the disabled account's session ends and it cannot sign in.
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'user.updated')
      .where('entity_id', 'in', [a.id, b.id])
      .execute();
    expect(audit).toHaveLength(2);
    const back = await root.post('/api/users/disabled', { userIds: [a.id, b.id], disabled: false });
    expect(back.json()).toMatchObject({ succeeded: 2, failed: 0 });
    expect(await disabled(b.username)).toBe(false);
  });

  it('refuses an administrator’s own account (409 users.disable_self) and goes ahead with the others', async () => {
    const me = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'root')
      .executeTakeFirstOrThrow();
    const other = await buildUser(t.systemCtx());
    const res = await root.post('/api/users/disabled', { userIds: [me.id, other.id], disabled: true });
    expect(res.json()).toEqual({
      results: [
        { id: me.id, ok: false, status: 409, code: 'users.disable_self' },
        { id: other.id, ok: true, status: null, code: null },
      ],
      succeeded: 1,
      failed: 1,
    });
    expect(await disabled('root')).toBe(false);
    expect(await disabled(other.username)).toBe(true);
    // The single route answers the same.
    const one = await root.patch(`/api/users/${me.id}`, { disabled: true });
    expect([one.statusCode, one.json().code]).toEqual([409, 'users.disable_self']);
  });

  it('refuses the whole batch to who may not edit accounts, changing nothing', async () => {
    const u = await buildUser(t.systemCtx());
    const res = await admin.post('/api/users/disabled', { userIds: [u.id], disabled: true });
    expect(res.statusCode).toBe(403);
    expect(await disabled(u.username)).toBe(false);
  });
});
