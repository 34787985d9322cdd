import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.js';
import { anonymous, clientOf, setupTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.js';

// A deployment behind HTTPS (COOKIE_SECURE=true): HSTS (ASVS 3.4.1) and `__Host-` cookies (3.3.1, 3.3.3)
// that keep working with the CSRF scheme. The plain-HTTP defaults are tested in auth.test.ts.
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({ env: { COOKIE_SECURE: 'true' } });
  await buildUser(t.systemCtx(), { username: 'secure' });
});
afterAll(() => t.close());

const login = () => anonymous(t.app).post('/api/auth/login', { username: 'secure', password: TEST_PASSWORD });

describe('over HTTPS (COOKIE_SECURE=true)', () => {
  it('sends HSTS for a year with subdomains on API answers and pages', async () => {
    for (const url of ['/api/health', '/']) {
      const res = await anonymous(t.app).get(url);
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('names the cookies __Host-: Secure, Path=/, no Domain', async () => {
    const res = await login();
    expect(res.statusCode, res.body).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['__Host-cl_csrf', '__Host-cl_session']);
    for (const c of cookies) {
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; Path=\/(;|$)/);
      expect(c).not.toMatch(/Domain=/i);
    }
    expect(cookies.find((c) => c.startsWith('__Host-cl_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('__Host-cl_csrf='))).not.toMatch(/HttpOnly/);
  });

  it('signs in with the prefixed cookie, and a write still needs the CSRF header', async () => {
    const res = await login();
    const client = clientOf(t.app, res);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const cookie = String(client.cookie);
    expect(cookie).toContain('__Host-cl_session=');
    const noCsrf = await anonymous(t.app, { cookie }).request({
      method: 'PUT',
      url: '/api/me/preferences',
      payload: { locale: 'en-US' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf_failed');
    const withCsrf = await client.put('/api/me/preferences', { locale: 'en-US' });
    expect(withCsrf.statusCode, withCsrf.body).toBeLessThan(300);
    // The bare name is not read in this mode: a cookie planted without the prefix signs nobody in.
    const bare = cookie.replace('__Host-cl_session=', 'cl_session=');
    expect((await anonymous(t.app, { cookie: bare }).get('/api/auth/session')).statusCode).toBe(401);
  });

  it('clears the prefixed cookies at sign-out', async () => {
    const client = clientOf(t.app, await login());
    const out = await client.post('/api/auth/logout');
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []);
    expect(cleared.map((c) => c.split('=')[0]).sort()).toEqual(['__Host-cl_csrf', '__Host-cl_session']);
    for (const c of cleared) expect(c).toMatch(/; Secure/);
  });
});
