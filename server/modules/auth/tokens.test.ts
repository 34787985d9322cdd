import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import {
  anonymous,
  type Client,
  setupTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.js';

let t: TestApp;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  t = await setupTestApp();
  await buildUser(t.systemCtx(), { username: 'alice' });
  await buildUser(t.systemCtx(), { username: 'bob' });
  alice = await signIn(t.app, 'alice');
  bob = await signIn(t.app, 'bob');
});
afterAll(() => t.close());

const bearer = (token: string) => anonymous(t.app, { authorization: `Bearer ${token}` });

async function makeToken(owner: Client, body: Record<string, unknown> = {}) {
  const res = await owner.post('/api/me/tokens', { name: 'script', scopes: ['read'], ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as {
    id: string;
    token: string;
    prefix: string;
    scopes: string[];
    expiresAt: string | null;
  };
}

const localeOf = async (username: string) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('locale')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).locale;

describe('creating a token', () => {
  it('shows the secret once, with the clt_ prefix, and stores only its hash', async () => {
    const made = await makeToken(alice, { name: 'nightly export', scopes: ['write', 'read'] });
    expect(made.token).toMatch(/^clt_[\w-]{40,}$/);
    expect(made.prefix).toBe(made.token.slice(0, 8));
    expect(made.scopes).toEqual(['read', 'write']);
    const listed = (await alice.get('/api/me/tokens')).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ id: made.id, name: 'nightly export', prefix: made.prefix }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(made.token.slice(8));
    const secret = made.token.slice(4);
    const rows = JSON.stringify(await t.database.db.selectFrom('api_tokens').selectAll().execute());
    expect(rows).not.toContain(secret);
    const hash = createHash('sha256').update(made.token).digest('hex');
    expect(rows).toContain(hash);
    const audit = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).toContain(made.id);
    expect(audit).not.toContain(secret);
    expect(audit).not.toContain(hash);
  });
});

describe('using a token', () => {
  it('authenticates GET requests as its owner and records when it was last used', async () => {
    const made = await makeToken(alice);
    const res = await bearer(made.token).get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'alice' }, csrfToken: null });
    const listed = (await alice.get('/api/me/tokens'))
      .json()
      .items.find((x: { id: string }) => x.id === made.id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('accepts the scheme name in any case (RFC 7235)', async () => {
    const made = await makeToken(alice);
    for (const scheme of ['bearer', 'BEARER']) {
      const res = await anonymous(t.app, { authorization: `${scheme} ${made.token}` }).get(
        '/api/auth/session',
      );
      expect(res.statusCode, scheme).toBe(200);
    }
  });

  it('a read-scope token may not write', async () => {
    const made = await makeToken(alice, { scopes: ['read'] });
    const client = bearer(made.token);
    for (const res of [
      await client.put('/api/me/preferences', { locale: 'en-US' }),
      await client.post('/api/me/tokens', { name: 'escalate', scopes: ['write'] }),
      await client.delete(`/api/me/tokens/${made.id}`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.token_scope');
    }
    expect(await localeOf('alice')).toBe('zh-CN');
    expect(
      (await alice.get('/api/me/tokens')).json().items.every((x: { name: string }) => x.name !== 'escalate'),
    ).toBe(true);
  });

  it('a write-scope token writes without a CSRF header, audited as its owner', async () => {
    const made = await makeToken(alice, { scopes: ['read', 'write'] });
    const res = await bearer(made.token).put('/api/me/preferences', { locale: 'en-US' });
    expect(res.statusCode).toBe(204);
    expect(await localeOf('alice')).toBe('en-US');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.preferences_changed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.actor_label).toBe('alice');
    expect(entry.request_id).toBe(res.headers['x-request-id']);
  });

  it('no token, not even a write-scope one, mints tokens or changes the password', async () => {
    const made = await makeToken(alice, { scopes: ['read', 'write'] });
    const tokensBefore = (await alice.get('/api/me/tokens')).json().items.length;
    const mint = await bearer(made.token).post('/api/me/tokens', { name: 'persist', scopes: ['write'] });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().code).toBe('auth.session_required');
    const pw = await bearer(made.token).post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-long-secret',
    });
    expect(pw.statusCode).toBe(403);
    expect(pw.json().code).toBe('auth.session_required');
    expect((await alice.get('/api/me/tokens')).json().items.length).toBe(tokensBefore);
    await signIn(t.app, 'alice');
  });
});

describe('ending a token', () => {
  it('a revoked token is refused; revoking again changes nothing', async () => {
    const made = await makeToken(alice);
    const revoked = await alice.delete(`/api/me/tokens/${made.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe(t.clock.now().toISOString());
    const res = await bearer(made.token).get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.not_signed_in');
    t.clock.advance(1000);
    expect((await alice.delete(`/api/me/tokens/${made.id}`)).json().revokedAt).toBe(revoked.json().revokedAt);
  });

  it("nobody sees or revokes someone else's token", async () => {
    const made = await makeToken(alice, { name: 'alice-only' });
    const bobs = (await bob.get('/api/me/tokens')).json().items;
    expect(bobs.some((x: { id: string }) => x.id === made.id)).toBe(false);
    const bobWrite = bearer((await makeToken(bob, { scopes: ['read', 'write'] })).token);
    for (const res of [
      await bob.delete(`/api/me/tokens/${made.id}`),
      await bobWrite.delete(`/api/me/tokens/${made.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('tokens.not_found');
    }
    expect((await bearer(made.token).get('/api/auth/session')).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it('a malformed or unknown bearer is refused, even on a public route', async () => {
    const valid = (await makeToken(alice)).token;
    const bad = [
      'nonsense',
      'clt_',
      `clt_${'x'.repeat(43)}`,
      valid.slice(0, -1),
      valid.slice(4),
      `${valid}x`,
      `Bearer ${valid}`,
    ];
    for (const value of bad) {
      for (const url of ['/api/auth/session', '/api/platforms']) {
        const res = await bearer(value).get(url);
        expect(res.statusCode, `${value} on ${url}`).toBe(401);
        expect(res.json().code).toBe('auth.not_signed_in');
      }
    }
    expect((await anonymous(t.app, { authorization: 'Bearer ' }).get('/api/auth/session')).statusCode).toBe(
      401,
    );
  });

  it('an expired token is refused from the moment it expires', async () => {
    const made = await makeToken(alice, { expiresInDays: 1 });
    expect(made.expiresAt).toBe(new Date(t.clock.now().getTime() + 86_400_000).toISOString());
    t.clock.advance(86_400_000 - 1);
    expect((await bearer(made.token).get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(1);
    const res = await bearer(made.token).get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.not_signed_in');
  });
});
