import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { createUser } from '../users/users.service.js';

// ASVS 6.2.4 / 6.2.12 (offline list), 6.1.2 / 6.2.11 (context words), 6.2.9 (64 characters and more):
// every path that sets a password — an administrator creating an account or resetting a password, the
// owner changing it (also at the expiry gate, which posts to the same route) — applies the same rules.
let t: TestApp;
let root: Client;
let owner: Client;
let ownerId: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  await buildPlatform(ctx, { code: 'QUASAR', nameZh: '类星体平台', nameEn: 'Quasar Lab' });
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  root = await signIn(t.app, 'root');
  ownerId = (
    await createUser(ctx, {
      username: 'mlopez',
      displayName: 'Maria Lopez',
      email: 'maria.lopez@example.org',
      password: TEST_PASSWORD,
      isSystemAdmin: false,
      roles: [],
    })
  ).id;
  owner = await signIn(t.app, 'mlopez');
});
afterAll(() => t.close());

const change = (newPassword: string) =>
  owner.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword });
const newAccount = (password: string) =>
  root.post('/api/users', { username: 'fresh', displayName: 'Fresh Face', password });

describe('common passwords', () => {
  it('refuses a password of the common list, whatever its letter case, with 422 at the field', async () => {
    for (const password of ['password123', 'PassWord123', 'QWERTYUIOP']) {
      const res = await change(password);
      expect(res.statusCode, password).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'auth.password_common',
        errors: [{ pointer: '/newPassword', code: 'auth.password_common' }],
      });
    }
  });

  it('is checked when an administrator creates an account or resets a password, and writes nothing', async () => {
    const created = await newAccount('iloveyou12');
    expect(created.statusCode).toBe(422);
    expect(created.json()).toMatchObject({
      code: 'auth.password_common',
      errors: [{ pointer: '/password' }],
    });
    expect((await root.get('/api/users?q=fresh')).json().total).toBe(0);
    const reset = await root.post(`/api/users/${ownerId}/password`, { password: 'baseball12' });
    expect(reset.statusCode).toBe(422);
    expect(reset.json()).toMatchObject({ code: 'auth.password_common', errors: [{ pointer: '/password' }] });
    // The reset did not happen: the owner's session and password still work.
    expect((await owner.get('/api/auth/session')).statusCode).toBe(200);
  });
});

describe('context words', () => {
  it('refuses the e-mail local part or its parts, the display name, the product and a platform', async () => {
    for (const password of [
      'x-maria.lopez-2026',
      'lopez-likes-tea-2026',
      'Maria Lopez 2026!!',
      'my-CommonLab-key-1',
      'quasar-secret-2026',
      '类星体平台的密码2026',
      'quasar lab is here 1',
    ]) {
      const res = await change(password);
      expect(res.statusCode, password).toBe(422);
      expect(res.json(), password).toMatchObject({
        code: 'auth.password_contains_context',
        errors: [{ pointer: '/newPassword', code: 'auth.password_contains_context' }],
      });
    }
    const created = await newAccount('my-face-is-mine-2026');
    expect(created.json()).toMatchObject({
      code: 'auth.password_contains_context',
      errors: [{ pointer: '/password' }],
    });
  });

  it('keeps answering the user name with its own code and status, as before', async () => {
    const res = await change('xx-mlopez-xx-2026');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('auth.password_contains_username');
  });

  it('accepts a 64-character passphrase (and one of 256), which then signs in', async () => {
    const passphrase = 'the orange heron counts seven quiet bridges before the late tide';
    expect(passphrase).toHaveLength(64);
    const res = await change(passphrase);
    expect(res.statusCode, res.body).toBe(200);
    await signIn(t.app, 'mlopez', passphrase);
    const longest = `${'the tide turns '.repeat(17)}at last`.slice(0, 256);
    expect(longest).toHaveLength(256);
    const again = await (await signIn(t.app, 'mlopez', passphrase)).post('/api/me/password', {
      currentPassword: passphrase,
      newPassword: longest,
    });
    expect(again.statusCode, again.body).toBe(200);
    await signIn(t.app, 'mlopez', longest);
  });
});
