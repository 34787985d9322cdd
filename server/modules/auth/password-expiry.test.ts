import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import {
  anonymous,
  clientOf,
  setupTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.js';

// A 等保 deployment: passwords expire after 90 days (docs/sign-in.md, "Password expiry").
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({ env: { PASSWORD_MAX_AGE_DAYS: '90', PASSWORD_HISTORY: '3' } });
});
afterAll(() => t.close());

const DAY = 86_400_000;
const login = (username: string, password: string) =>
  anonymous(t.app).post('/api/auth/login', { username, password });
const bearer = (token: string) => anonymous(t.app, { authorization: `Bearer ${token}` });

describe('password expiry (PASSWORD_MAX_AGE_DAYS)', () => {
  it('lets an expired password reach only the change, refuses a recent one at /newPassword, then opens everything', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'ageing' });
    const early = await signIn(t.app, 'ageing');
    const session = (await early.get('/api/auth/session')).json();
    expect(session.password).toEqual({
      mustChange: false,
      reason: null,
      expiresAt: new Date(t.clock.now().getTime() + 90 * DAY).toISOString(),
    });
    // A token made while the password was young keeps working after it expires: tokens are not gated.
    const token = (await early.post('/api/me/tokens', { name: 'ci', scopes: ['read'] })).json()
      .token as string;

    t.clock.advance(90 * DAY);
    const res = await login('ageing', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().password).toMatchObject({ mustChange: true, reason: 'expired' });
    const c = clientOf(t.app, res);
    for (const url of ['/api/me/tokens', '/api/notifications', `/api/users/${u.id}`]) {
      const blocked = await c.get(url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().code).toBe('auth.password_change_required');
    }
    expect((await c.put('/api/me/preferences', { locale: 'en-US' })).statusCode).toBe(204);
    expect((await bearer(token).get('/api/me/tokens')).statusCode).toBe(200);

    const reused = await c.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({
      code: 'auth.password_reused',
      errors: [{ pointer: '/newPassword', code: 'auth.password_reused' }],
    });
    expect((await c.get('/api/me/tokens')).statusCode).toBe(403);

    const changed = await c.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'renewed-secret-2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get('/api/me/tokens')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).json().password).toEqual({
      mustChange: false,
      reason: null,
      expiresAt: new Date(t.clock.now().getTime() + 90 * DAY).toISOString(),
    });
  });

  it('closes a session whose password expires while it is open', async () => {
    await buildUser(t.systemCtx(), { username: 'midway' });
    const c = await signIn(t.app, 'midway');
    expect((await c.get('/api/me/tokens')).statusCode).toBe(200);
    // Sessions are kept alive by use; only the password's age moves past the limit.
    t.clock.set(new Date(t.clock.now().getTime() + 90 * DAY - 30_000).toISOString());
    const fresh = await signIn(t.app, 'midway');
    expect((await fresh.get('/api/me/tokens')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await fresh.get('/api/me/tokens')).json().code).toBe('auth.password_change_required');
  });
});

describe('a password an administrator set', () => {
  it('must be replaced at the next sign-in, whatever its age, and may not be kept', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'forgot' });
    await buildUser(t.systemCtx(), { username: 'sysadm', systemAdmin: true });
    const admin = await signIn(t.app, 'sysadm');
    expect(
      (await admin.post(`/api/users/${u.id}/password`, { password: 'admin-chose-2026' })).statusCode,
    ).toBe(204);

    const res = await login('forgot', 'admin-chose-2026');
    expect(res.json().password).toMatchObject({ mustChange: true, reason: 'set_by_admin' });
    const c = clientOf(t.app, res);
    expect((await c.get('/api/me/tokens')).json().code).toBe('auth.password_change_required');
    const kept = await c.post('/api/me/password', {
      currentPassword: 'admin-chose-2026',
      newPassword: 'admin-chose-2026',
    });
    expect(kept.statusCode).toBe(422);
    expect(kept.json().errors).toEqual([expect.objectContaining({ pointer: '/newPassword' })]);
    // Nor is the reset a way back to the owner's own password from before it.
    const back = await c.post('/api/me/password', {
      currentPassword: 'admin-chose-2026',
      newPassword: TEST_PASSWORD,
    });
    expect(back.json().code).toBe('auth.password_reused');
    expect(
      (
        await c.post('/api/me/password', {
          currentPassword: 'admin-chose-2026',
          newPassword: 'my-own-choice-2026',
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.get('/api/me/tokens')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).json().password.mustChange).toBe(false);
  });

  it('holds for an account an administrator creates through the API, not for one the operator seeds', async () => {
    await buildUser(t.systemCtx(), { username: 'creator', systemAdmin: true });
    const admin = await signIn(t.app, 'creator');
    const made = await admin.post('/api/users', {
      username: 'newcomer',
      displayName: 'Newcomer',
      password: 'first-given-2026',
      isSystemAdmin: false,
      roles: [],
    });
    expect(made.statusCode).toBe(201);
    const res = await login('newcomer', 'first-given-2026');
    expect(res.json().password.reason).toBe('set_by_admin');
    expect((await clientOf(t.app, res).get('/api/me/tokens')).statusCode).toBe(403);
    // The factory (CLI, seed) sets nothing for someone else: its accounts sign straight in.
    expect((await (await signIn(t.app, 'creator')).get('/api/me/tokens')).statusCode).toBe(200);
  });
});
