import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
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
