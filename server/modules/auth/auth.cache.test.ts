import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createPlatform } from '../platforms/platforms.service.js';
import { setRoles, updateUser } from '../users/users.service.js';
import { deleteSession, setTokenRevoked } from './auth.repository.js';
import { sessionKey } from './secrets.js';

/**
 * The sign-in lookup cache's revocation bound (docs/sign-in.md 'Lookup cache'): revocations written in
 * this process take effect on the very next request; one written elsewhere (another server, the CLI),
 * here the repository called outside `write`, within AUTH_CACHE_MS (1,000 ms) on the app's clock.
 */
let t: TestApp;

beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

async function adminWithToken(username: string) {
  const user = await buildUser(t.systemCtx(), { username, roles: ['platform_admin'] });
  const session = await signIn(t.app, username);
  const res = await session.post('/api/me/tokens', { name: 'script', scopes: ['read'] });
  expect(res.statusCode).toBe(201);
  const { id, token } = res.json() as { id: string; token: string };
  const bearer = anonymous(t.app, { authorization: `Bearer ${token}` });
  return { user, session, bearer, tokenId: id };
}

/** The session's key in the database, from the cookie the client sends. */
function sessionIdOf(client: Client): string {
  const value = /cl_session=([^;]+)/.exec(client.cookie)![1]!;
  const unsigned = t.app.unsignCookie(decodeURIComponent(value));
  return sessionKey(t.config.sessionSecret, unsigned.value!);
}

// Each case reads twice first, so the credential is in the cache when the revocation is written.
const readsUsers = async (c: Client) => {
  const first = (await c.get('/api/users?limit=1')).statusCode;
  const second = (await c.get('/api/users?limit=1')).statusCode;
  return [first, second];
};

// A `write` that changes none of the sign-in tables (a platform and its audit entry): it keeps the cache.
let unrelated = 0;
const unrelatedWrite = () =>
  createPlatform(t.systemCtx(), {
    code: `UNREL${++unrelated}`,
    nameZh: `无关${unrelated}`,
    nameEn: `Unrelated ${unrelated}`,
    model: 'gov_institute',
  });

describe('revocations written in this process take effect on the next request', () => {
  it('sign-out: the cookie is refused at once', async () => {
    const { session } = await adminWithToken('cache-signout');
    expect(await readsUsers(session)).toEqual([200, 200]);
    expect((await session.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(401);
  });

  it('token revoked: refused at once, the owner’s session still works', async () => {
    const { session, bearer, tokenId } = await adminWithToken('cache-revoke');
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    expect((await session.delete(`/api/me/tokens/${tokenId}`)).statusCode).toBe(200);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(401);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(200);
  });

  it('account disabled: its session and its token are refused at once', async () => {
    const { user, session, bearer } = await adminWithToken('cache-disable');
    expect(await readsUsers(session)).toEqual([200, 200]);
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    await updateUser(t.systemCtx(), user.id, { disabled: true });
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(401);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(401);
  });

  it('role removed: what it allowed is refused at once, over the session and the token', async () => {
    const { user, session, bearer } = await adminWithToken('cache-role');
    expect(await readsUsers(session)).toEqual([200, 200]);
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    await setRoles(t.systemCtx(), user.id, []);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(403);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(403);
    const me = (await session.get('/api/auth/session')).json() as { user: { roles: unknown[] } };
    expect(me.user.roles).toEqual([]);
  });
});

describe('with unrelated writes around them, revocations still take effect on the next request', () => {
  it('sign-out, a revoked token, a disabled account and a removed role', async () => {
    const a = await adminWithToken('cache-around-a');
    const b = await adminWithToken('cache-around-b');
    const c = await adminWithToken('cache-around-c');
    for (const x of [a, b, c]) {
      expect(await readsUsers(x.session)).toEqual([200, 200]);
      expect(await readsUsers(x.bearer)).toEqual([200, 200]);
    }
    await unrelatedWrite();
    expect((await a.session.post('/api/auth/logout')).statusCode).toBe(204);
    await unrelatedWrite();
    expect((await a.session.get('/api/users?limit=1')).statusCode).toBe(401);
    expect((await b.session.delete(`/api/me/tokens/${b.tokenId}`)).statusCode).toBe(200);
    await unrelatedWrite();
    expect((await b.bearer.get('/api/users?limit=1')).statusCode).toBe(401);
    await updateUser(t.systemCtx(), c.user.id, { disabled: true });
    await unrelatedWrite();
    expect((await c.session.get('/api/users?limit=1')).statusCode).toBe(401);
    expect((await c.bearer.get('/api/users?limit=1')).statusCode).toBe(401);
    const d = await adminWithToken('cache-around-d');
    expect(await readsUsers(d.session)).toEqual([200, 200]);
    expect(await readsUsers(d.bearer)).toEqual([200, 200]);
    await unrelatedWrite();
    await setRoles(t.systemCtx(), d.user.id, []);
    await unrelatedWrite();
    expect((await d.session.get('/api/users?limit=1')).statusCode).toBe(403);
    expect((await d.bearer.get('/api/users?limit=1')).statusCode).toBe(403);
  });

  it('an unrelated write keeps the cached entries: a revocation from elsewhere still waits for the bound', async () => {
    // Proof that the write did not empty the cache: the entry read before it is still served.
    const { bearer, session, tokenId } = await adminWithToken('cache-kept');
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    expect(await readsUsers(session)).toEqual([200, 200]);
    await setTokenRevoked(t.database.db, tokenId, t.clock.now().toISOString());
    await deleteSession(t.database.db, sessionIdOf(session));
    await unrelatedWrite();
    t.clock.advance(999);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(200);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(200);
    t.clock.advance(1);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(401);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(401);
  });
});

describe('revocations written by another process take effect within AUTH_CACHE_MS', () => {
  it('a token revoked outside this process is served until 1,000 ms have passed, then refused', async () => {
    const { bearer, tokenId } = await adminWithToken('cache-elsewhere-token');
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    await setTokenRevoked(t.database.db, tokenId, t.clock.now().toISOString());
    t.clock.advance(999);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(200);
    t.clock.advance(1);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(401);
  });

  it('a session ended outside this process is served until 1,000 ms have passed, then refused', async () => {
    const { session } = await adminWithToken('cache-elsewhere-session');
    expect(await readsUsers(session)).toEqual([200, 200]);
    await deleteSession(t.database.db, sessionIdOf(session));
    t.clock.advance(999);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(200);
    t.clock.advance(1);
    expect((await session.get('/api/users?limit=1')).statusCode).toBe(401);
  });

  it('a clock set back does not stretch the bound', async () => {
    const { bearer, tokenId } = await adminWithToken('cache-clock-back');
    expect(await readsUsers(bearer)).toEqual([200, 200]);
    await setTokenRevoked(t.database.db, tokenId, t.clock.now().toISOString());
    t.clock.advance(-5_000);
    expect((await bearer.get('/api/users?limit=1')).statusCode).toBe(401);
  });
});
