import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

const bearer = (token: string) => anonymous(t.app, { authorization: `Bearer ${token}` });

describe('changing one’s password', () => {
  it('revokes every API token and ends the other sessions, and says how many', async () => {
    await buildUser(t.systemCtx(), { username: 'rotator' });
    const here = await signIn(t.app, 'rotator');
    const elsewhere = await signIn(t.app, 'rotator');
    const read = (await here.post('/api/me/tokens', { name: 'ci', scopes: ['read'] })).json().token;
    const write = (await here.post('/api/me/tokens', { name: 'sync', scopes: ['read', 'write'] })).json()
      .token;
    expect((await bearer(read).get('/api/auth/session')).statusCode).toBe(200);

    const res = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'rotated-secret-2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 1, revokedTokens: 2 });
    for (const token of [read, write]) {
      expect((await bearer(token).get('/api/auth/session')).statusCode).toBe(401);
    }
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    const listed = (await here.get('/api/me/tokens')).json().items as { revokedAt: string | null }[];
    expect(listed.map((x) => x.revokedAt)).toEqual([
      t.clock.now().toISOString(),
      t.clock.now().toISOString(),
    ]);
  });

  it('revokes the tokens on a password reset by the system administrator too', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'resetme' });
    await buildUser(t.systemCtx(), { username: 'root', systemAdmin: true });
    const own = await signIn(t.app, 'resetme');
    const token = (await own.post('/api/me/tokens', { name: 'ci', scopes: ['read'] })).json().token;
    const admin = await signIn(t.app, 'root');
    expect(
      (await admin.post(`/api/users/${u.id}/password`, { password: 'reset-by-admin-2026' })).statusCode,
    ).toBe(204);
    expect((await bearer(token).get('/api/auth/session')).statusCode).toBe(401);
  });
});
