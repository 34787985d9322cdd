import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({
    env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', SESSION_IDLE_MINUTES: '30' },
  });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('opens a session with an httpOnly SameSite cookie and returns a CSRF token and roles', async () => {
    await buildUser(t.systemCtx(), { username: 'alice', roles: ['program_officer'] });
    const res = await anonymous(t.app).post('/api/auth/login', {
      username: 'Alice',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('cl_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('cl_csrf='))).not.toMatch(/HttpOnly/);
    const body = res.json();
    expect(body.user.username).toBe('alice');
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'program_officer' })]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password and an unknown user with the same localisable code', async () => {
    const wrong = await anonymous(t.app).post('/api/auth/login', {
      username: 'alice',
      password: 'nope-nope-nope',
    });
    const unknown = await anonymous(t.app).post('/api/auth/login', {
      username: 'nobody',
      password: 'nope-nope-nope',
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
      expect(res.json().requestId).toBeTruthy();
    }
  });

  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    await buildUser(t.systemCtx(), { username: 'bob' });
    for (let i = 0; i < 3; i++) {
      expect(
        (await anonymous(t.app).post('/api/auth/login', { username: 'bob', password: 'wrong-password' }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await anonymous(t.app).post('/api/auth/login', {
      username: 'bob',
      password: TEST_PASSWORD,
    });
    // The same answer as a wrong password: a lockout must not confirm that the password was right.
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('auth.invalid_credentials');
    t.clock.advance(16 * 60_000);
    expect(
      (await anonymous(t.app).post('/api/auth/login', { username: 'bob', password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
});

describe('session', () => {
  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const c = await signIn(t.app, 'alice');
    const without = await t.app.inject({
      method: 'PUT',
      url: '/api/me/preferences',
      headers: { cookie: c.cookie },
      payload: { locale: 'en-US' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf_failed');
    expect((await c.put('/api/me/preferences', { locale: 'en-US' })).statusCode).toBe(204);
    expect((await c.get('/api/auth/session')).json().user.locale).toBe('en-US');
  });

  it('expires after the idle timeout and says so', async () => {
    const c = await signIn(t.app, 'alice');
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await c.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('expires at the absolute lifetime (12 h by default) however active the session is (ASVS 7.3.2)', async () => {
    const c = await signIn(t.app, 'alice');
    // A request every 20 minutes keeps the 30-minute idle timer from ever running out, for 11 h 40.
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * 60_000);
      expect((await c.get('/api/auth/session')).statusCode, `after ${(i + 1) * 20} min`).toBe(200);
    }
    t.clock.advance(21 * 60_000);
    const res = await c.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('ends on sign-out', async () => {
    const c = await signIn(t.app, 'alice');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('enforces the policy with a field path and ends other sessions on change', async () => {
    const a = await signIn(t.app, 'alice');
    const other = await signIn(t.app, 'alice');
    const short = await a.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'auth.password_too_short',
      errors: [{ pointer: '/newPassword' }],
    });
    const withName = await a.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'xxAlice-2026-xx',
    });
    expect(withName.json().code).toBe('auth.password_contains_username');
    const ok = await a.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-much-longer-secret',
    });
    expect(ok.statusCode).toBe(200);
    // Earlier tests in this file left alice signed in twice more.
    expect(ok.json()).toEqual({ endedSessions: 3, revokedTokens: 0 });
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    await signIn(t.app, 'alice', 'a-much-longer-secret');
  });
});
