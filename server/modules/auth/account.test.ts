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
import { loadActor } from '../users/users.accounts.js';
import { currentCode } from './mfa.totp.js';
import { createToken } from './tokens.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({ env: { LOGIN_MAX_FAILURES: '5' } });
});
afterAll(() => t.close());

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function signInWith(username: string, userAgent: string, ip: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    remoteAddress: ip,
    payload: { username, password: TEST_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  return clientOf(t.app, res);
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('my sessions (ASVS 7.5.2)', () => {
  it('lists my sessions in words with IP, times and the current one; ends one, then all others', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'manydevices' });
    const laptop = await signInWith('manydevices', FIREFOX, '10.0.0.7');
    t.clock.advance(60_000);
    const office = await signInWith('manydevices', CHROME, '10.0.0.8');
    t.clock.advance(60_000);
    const phone = await signIn(t.app, 'manydevices');

    const listed = await office.get('/api/me/sessions');
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items;
    expect(items).toHaveLength(3);
    // Newest first; the key the cookie hashes to never appears, only a UUID derived from it.
    expect(items.map((s: { device: string | null }) => s.device)).toEqual([
      null,
      'Chrome 131 · Windows',
      'Firefox 133 · Linux',
    ]);
    expect(items.map((s: { current: boolean }) => s.current)).toEqual([false, true, false]);
    expect(items[2]).toMatchObject({
      ip: '10.0.0.7',
      userAgent: FIREFOX,
      createdAt: '2026-06-01T08:00:00.000Z',
    });
    const stored = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    for (const s of stored) expect(listed.body).not.toContain(s.id);

    // The laptop ends the office session: the office cookie opens nothing any more.
    const officeId = items[1].id;
    expect((await laptop.delete(`/api/me/sessions/${officeId}`)).statusCode).toBe(204);
    expect((await office.get('/api/auth/session')).statusCode).toBe(401);
    expect((await laptop.delete(`/api/me/sessions/${officeId}`)).statusCode).toBe(404);

    const ended = await laptop.post('/api/me/sessions/end-others');
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
    const left = (await laptop.get('/api/me/sessions')).json().items;
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ current: true, device: 'Firefox 133 · Linux' });
    expect(await auditActions(u.id)).toEqual(
      expect.arrayContaining(['auth.session_ended', 'auth.other_sessions_ended']),
    );
  });

  it("answers 404 for another user's session and leaves it alive", async () => {
    await buildUser(t.systemCtx(), { username: 'victim' });
    await buildUser(t.systemCtx(), { username: 'intruder', systemAdmin: true });
    const victim = await signIn(t.app, 'victim');
    const victimId = (await victim.get('/api/me/sessions')).json().items[0].id;
    const intruder = await signIn(t.app, 'intruder');
    expect(
      (await intruder.get('/api/me/sessions')).json().items.map((s: { id: string }) => s.id),
    ).not.toContain(victimId);
    const res = await intruder.delete(`/api/me/sessions/${victimId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('auth.session_not_found');
    expect((await victim.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('is refused to an API token (403 auth.session_required): sessions are the browser’s', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'scripter' });
    const actor = (await loadActor(t.database.db, u.id, 'session', ['read', 'write']))!;
    const { token } = await createToken(
      { ...t.systemCtx(), actor },
      { name: 'x', scopes: ['read', 'write'] },
    );
    const bearer = anonymous(t.app, { authorization: `Bearer ${token}` });
    for (const res of [
      await bearer.get('/api/me/sessions'),
      await bearer.post('/api/me/sessions/end-others'),
      await bearer.put('/api/me/email', { email: 'new@example.org', password: TEST_PASSWORD }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('auth.session_required');
    }
  });
});

describe('changing my e-mail needs re-authentication (ASVS 7.5.1)', () => {
  it('takes the current password; without it 422, with a wrong one 403 and nothing changes', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'mover' });
    const me = await signIn(t.app, 'mover');
    const missing = await me.put('/api/me/email', { email: 'mover@example.org' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({
      code: 'auth.reauthentication_required',
      errors: [{ pointer: '/password' }],
    });
    const wrong = await me.put('/api/me/email', { email: 'mover@example.org', password: 'not-my-password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'auth.reauthentication_failed',
      errors: [{ pointer: '/password' }],
    });
    const row = await t.database.db
      .selectFrom('users')
      .select(['email', 'failed_login_count'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email: null, failed_login_count: 1 });

    const ok = await me.put('/api/me/email', { email: 'mover@example.org', password: TEST_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ email: 'mover@example.org' });
    const after = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(after.email).toBe('mover@example.org');
    expect(await auditActions(u.id)).toContain('user.email_changed');
  });

  it('locks the account after LOGIN_MAX_FAILURES wrong passwords given in a session', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'guessed' });
    const stolen = await signIn(t.app, 'guessed');
    for (let i = 0; i < 5; i++) {
      expect(
        (await stolen.put('/api/me/email', { email: 'x@example.org', password: `guess-${i}` })).statusCode,
      ).toBe(403);
    }
    const row = await t.database.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    expect(
      (await anonymous(t.app).post('/api/auth/login', { username: 'guessed', password: TEST_PASSWORD }))
        .statusCode,
    ).not.toBe(200);
  });

  it('takes a current code of the second factor from a user who has one', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'withcode' });
    const me = await signIn(t.app, 'withcode');
    const { secret } = (await me.post('/api/me/mfa/enrolment')).json();
    expect(
      (await me.post('/api/me/mfa/enrolment/confirm', { code: currentCode(secret, t.clock.now()) }))
        .statusCode,
    ).toBe(200);
    t.clock.advance(30_000);
    const pending = clientOf(
      t.app,
      await anonymous(t.app).post('/api/auth/login', { username: 'withcode', password: TEST_PASSWORD }),
    );
    const full = clientOf(
      t.app,
      await pending.post('/api/auth/mfa/verify', { code: currentCode(secret, t.clock.now()) }),
    );
    t.clock.advance(30_000);
    const wrongCode = currentCode(secret, t.clock.now()) === '000000' ? '111111' : '000000';
    const wrong = await full.put('/api/me/email', { email: 'code@example.org', code: wrongCode });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'auth.reauthentication_failed',
      errors: [{ pointer: '/code' }],
    });
    const ok = await full.put('/api/me/email', {
      email: 'code@example.org',
      code: currentCode(secret, t.clock.now()),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // The code is spent: the same one cannot prove the next change.
    const replay = await full.put('/api/me/email', {
      email: 'again@example.org',
      code: currentCode(secret, t.clock.now()),
    });
    expect(replay.statusCode).toBe(403);
    expect(await auditActions(u.id)).toContain('user.email_changed');
  });

  it("refuses a system admin's own e-mail through PATCH /api/users/:id (422), still lets them edit others'", async () => {
    const admin = await buildUser(t.systemCtx(), { username: 'selfadmin', systemAdmin: true });
    const other = await buildUser(t.systemCtx(), { username: 'someoneelse' });
    const me = await signIn(t.app, 'selfadmin');
    const own = await me.patch(`/api/users/${admin.id}`, { email: 'admin@example.org' });
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({
      code: 'auth.reauthentication_required',
      errors: [{ pointer: '/email' }],
    });
    expect((await me.patch(`/api/users/${admin.id}`, { displayName: 'Self Admin' })).statusCode).toBe(200);
    expect((await me.patch(`/api/users/${other.id}`, { email: 'other@example.org' })).statusCode).toBe(200);
  });
});
