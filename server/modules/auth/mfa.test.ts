import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../http/context.js';
import { buildUser } from '../../test/factories.js';
import {
  anonymous,
  type Client,
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
const STEP = 30_000;

beforeAll(async () => {
  // The deployment default (admins must use the factor); the harness turns it off for other suites.
  t = await setupTestApp({
    env: {
      MFA_REQUIRED_ROLES: 'system_admin,security_admin,audit_admin,platform_admin',
      LOGIN_MAX_FAILURES: '3',
    },
  });
});
afterAll(() => t.close());

const code = (secret: string) => currentCode(secret, t.clock.now());
const login = (username: string) =>
  anonymous(t.app).post('/api/auth/login', { username, password: TEST_PASSWORD });

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

/** Enrols a signed-in client; returns the secret and the recovery codes. */
async function enrol(client: Client) {
  const started = await client.post('/api/me/mfa/enrolment');
  expect(started.statusCode, started.body).toBe(201);
  const { secret, uri } = started.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Commonlab:/);
  const confirmed = await client.post('/api/me/mfa/enrolment/confirm', { code: code(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  t.clock.advance(STEP);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** Password, then a code: the client of the full session. */
async function signInWithCode(username: string, secret: string): Promise<Client> {
  const pending = clientOf(t.app, await login(username));
  const res = await pending.post('/api/auth/mfa/verify', { code: code(secret) });
  expect(res.statusCode, res.body).toBe(200);
  t.clock.advance(STEP);
  return clientOf(t.app, res);
}

describe('enrolment', () => {
  it('confirms with a code, shows ten recovery codes once and stores the secret encrypted', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'enrolee' });
    const me = await signIn(t.app, 'enrolee');
    expect((await me.get('/api/me/mfa')).json()).toEqual({
      enabled: false,
      enabledAt: null,
      required: false,
      recoveryCodesLeft: 0,
    });
    const started = (await me.post('/api/me/mfa/enrolment')).json();
    const wrong = await me.post('/api/me/mfa/enrolment/confirm', {
      code: '000000' === code(started.secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.mfa_invalid_code');
    expect((await me.get('/api/me/mfa')).json().enabled).toBe(false);

    const ok = await me.post('/api/me/mfa/enrolment/confirm', { code: code(started.secret) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await me.get('/api/me/mfa')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await me.post('/api/me/mfa/enrolment')).json().code).toBe('auth.mfa_already_enabled');

    const stored = await t.database.db
      .selectFrom('user_mfa')
      .selectAll()
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_enc).not.toContain(started.secret);
    const hashes = await t.database.db
      .selectFrom('mfa_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', u.id)
      .execute();
    expect(hashes.map((h) => h.code_hash)).not.toContain(codes[0]);
    expect(await auditActions(u.id)).toEqual(
      expect.arrayContaining(['auth.mfa_enrolment_started', 'auth.mfa_enabled']),
    );
    t.clock.advance(STEP);
  });

  it('is refused to an API token: the factor is set up in a session', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'scripted' });
    const actor = (await loadActor(t.database.db, u.id, 'session', ['read', 'write']))!;
    const { token } = await createToken(
      { ...t.systemCtx(), actor },
      { name: 'x', scopes: ['read', 'write'] },
    );
    const res = await anonymous(t.app, { authorization: `Bearer ${token}` }).post('/api/me/mfa/enrolment');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.session_required');
  });
});

describe('signing in with the second factor', () => {
  let secret: string;
  let recoveryCodes: string[];
  let userId: string;
  beforeAll(async () => {
    userId = (await buildUser(t.systemCtx(), { username: 'twofactor' })).id;
    ({ secret, recoveryCodes } = await enrol(await signIn(t.app, 'twofactor')));
  });

  it('lets the password reach only the second step, then opens the session under a new token', async () => {
    const res = await login('twofactor');
    expect(res.statusCode).toBe(200);
    expect(res.json().mfa).toEqual({
      enabled: true,
      required: false,
      pending: true,
      enrolmentRequired: false,
    });
    const pending = clientOf(t.app, res);
    for (const [method, url] of [
      ['GET', '/api/me/tokens'],
      ['GET', '/api/me/mfa'],
      ['GET', '/api/platforms'],
    ] as const) {
      const blocked = await pending.request({ method, url });
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().code).toBe('auth.mfa_required');
    }
    expect((await pending.get('/api/auth/session')).json().mfa.pending).toBe(true);

    const verified = await pending.post('/api/auth/mfa/verify', { code: code(secret) });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().mfa.pending).toBe(false);
    const full = clientOf(t.app, verified);
    expect(full.cookie).not.toBe(pending.cookie);
    expect((await full.get('/api/me/tokens')).statusCode).toBe(200);
    // The token of the password step is spent: it opens nothing any more.
    expect((await pending.get('/api/auth/session')).statusCode).toBe(401);
    expect(await auditActions(userId)).toContain('auth.mfa_verified');
    t.clock.advance(STEP);
  });

  it('refuses a code already used within its window (replay)', async () => {
    const c = code(secret);
    const first = clientOf(t.app, await login('twofactor'));
    expect((await first.post('/api/auth/mfa/verify', { code: c })).statusCode).toBe(200);
    const second = clientOf(t.app, await login('twofactor'));
    const replay = await second.post('/api/auth/mfa/verify', { code: c });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.mfa_invalid_code');
    t.clock.advance(STEP);
    expect((await second.post('/api/auth/mfa/verify', { code: code(secret) })).statusCode).toBe(200);
    t.clock.advance(STEP);
  });

  it('accepts the code of the current step and of the one before only (ASVS 6.5.5: ≤ 60 s)', async () => {
    // The last second of a fresh step s, well after any step used so far.
    const now = t.clock.now().getTime();
    t.clock.set(new Date((Math.floor(now / STEP) + 4) * STEP + STEP - 1000).toISOString());
    const at = (offset: number) => currentCode(secret, new Date(t.clock.now().getTime() + offset * STEP));
    const pending = clientOf(t.app, await login('twofactor'));
    const verify = (c: string) => pending.post('/api/auth/mfa/verify', { code: c });
    // A code of the next step (a clock running ahead) and one of two steps back (59 s + 30 s old): refused.
    for (const c of [at(1), at(-2)]) {
      if (c === at(0) || c === at(-1)) continue;
      const res = await verify(c);
      expect(res.statusCode, c).toBe(401);
      expect(res.json().code).toBe('auth.mfa_invalid_code');
    }
    // The previous step's code, 59 s after it first showed: accepted once.
    const previous = await verify(at(-1));
    expect(previous.statusCode, previous.body).toBe(200);
    const again = clientOf(t.app, await login('twofactor'));
    expect((await again.post('/api/auth/mfa/verify', { code: at(-1) })).statusCode).toBe(401);
    // One second later the step turns: what was the current code is now the previous one, still accepted.
    const current = at(0);
    t.clock.advance(1000);
    expect((await again.post('/api/auth/mfa/verify', { code: current })).statusCode).toBe(200);
    t.clock.advance(STEP);
  });

  it('accepts each recovery code once, in any case and without the dash', async () => {
    const rc = recoveryCodes[0]!;
    const a = clientOf(t.app, await login('twofactor'));
    expect(
      (await a.post('/api/auth/mfa/verify', { recoveryCode: rc.toUpperCase().replace('-', '') })).statusCode,
    ).toBe(200);
    const b = clientOf(t.app, await login('twofactor'));
    const again = await b.post('/api/auth/mfa/verify', { recoveryCode: rc });
    expect(again.statusCode).toBe(401);
    const full = await signInWithCode('twofactor', secret);
    expect((await full.get('/api/me/mfa')).json().recoveryCodesLeft).toBe(9);
  });

  it('stores each recovery code as a salted scrypt hash (ASVS 6.5.2), never its plain SHA-256', async () => {
    const rows = await t.database.db
      .selectFrom('mfa_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', userId)
      .execute();
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.code_hash).toMatch(/^scrypt\$4096\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(new Set(rows.map((r) => r.code_hash.split('$')[4])).size).toBe(10);
    const plain = recoveryCodes.map((c) => createHash('sha256').update(c.replace('-', '')).digest('hex'));
    for (const r of rows) expect(plain).not.toContain(r.code_hash);
  });

  it('still accepts, once, a code issued before as a plain SHA-256 (nothing to migrate)', async () => {
    await t.database.db
      .insertInto('mfa_recovery_codes')
      .values({
        id: newId(),
        user_id: userId,
        code_hash: createHash('sha256').update('abcde23456').digest('hex'),
        used_at: null,
        created_at: new Date(t.clock.now()).toISOString(),
      })
      .execute();
    const a = clientOf(t.app, await login('twofactor'));
    expect((await a.post('/api/auth/mfa/verify', { recoveryCode: 'ABCDE-23456' })).statusCode).toBe(200);
    const b = clientOf(t.app, await login('twofactor'));
    expect((await b.post('/api/auth/mfa/verify', { recoveryCode: 'abcde-23456' })).statusCode).toBe(401);
    const full = await signInWithCode('twofactor', secret);
    expect((await full.get('/api/me/mfa')).json().recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes like wrong passwords and locks the account', async () => {
    const wrong = (s: string) => (code(s) === '123456' ? '654321' : '123456');
    const pending = clientOf(t.app, await login('twofactor'));
    for (let i = 0; i < 3; i++) {
      const res = await pending.post('/api/auth/mfa/verify', { code: wrong(secret) });
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    // The third wrong code locked the account and ended the pending session with it.
    expect((await pending.post('/api/auth/mfa/verify', { code: code(secret) })).statusCode).toBe(401);
    // Locked: even the right password is refused, with the same answer as any refusal (auth.service).
    expect((await login('twofactor')).json()).toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
    });
    expect(await auditActions(userId)).toContain('auth.account_locked');
    t.clock.advance(16 * 60_000);
    await signInWithCode('twofactor', secret);
  });

  it('does not let a new password step wipe the count of wrong codes', async () => {
    const wrong = (s: string) => (code(s) === '123456' ? '654321' : '123456');
    const first = clientOf(t.app, await login('twofactor'));
    for (let i = 0; i < 2; i++) await first.post('/api/auth/mfa/verify', { code: wrong(secret) });
    // The password alone proves nothing about the second factor: the two failures stand.
    const second = clientOf(t.app, await login('twofactor'));
    expect((await second.post('/api/auth/mfa/verify', { code: wrong(secret) })).statusCode).toBe(401);
    expect((await login('twofactor')).json()).toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
    });
    t.clock.advance(16 * 60_000);
    await signInWithCode('twofactor', secret);
  });

  it('lets the second step wait five minutes, no longer', async () => {
    const pending = clientOf(t.app, await login('twofactor'));
    t.clock.advance(5 * 60_000 + 1000);
    const late = await pending.post('/api/auth/mfa/verify', { code: code(secret) });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('auth.session_expired');
    t.clock.advance(STEP);
  });

  it('takes exactly one of a code and a recovery code', async () => {
    const pending = clientOf(t.app, await login('twofactor'));
    for (const body of [{}, { code: code(secret), recoveryCode: recoveryCodes[1] }]) {
      const res = await pending.post('/api/auth/mfa/verify', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/code');
    }
  });

  it('answers 409 to a second step without a pending sign-in', async () => {
    const full = await signInWithCode('twofactor', secret);
    const res = await full.post('/api/auth/mfa/verify', { code: code(secret) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('auth.mfa_no_pending_sign_in');
  });
});

describe('roles that require the factor', () => {
  it('sends an admin without it to enrolment: everything else answers 403 until enrolled', async () => {
    await buildUser(t.systemCtx(), { username: 'sysadmin', systemAdmin: true });
    const res = await login('sysadmin');
    expect(res.json().mfa).toEqual({
      enabled: false,
      required: true,
      pending: false,
      enrolmentRequired: true,
    });
    const admin = clientOf(t.app, res);
    for (const url of ['/api/users', '/api/me/tokens', '/api/platforms']) {
      const blocked = await admin.get(url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().code).toBe('auth.mfa_enrolment_required');
    }
    expect((await admin.get('/api/me/mfa')).json()).toMatchObject({ enabled: false, required: true });
    const { secret } = await enrol(admin);
    expect((await admin.get('/api/users')).statusCode).toBe(200);
    const again = clientOf(t.app, await login('sysadmin'));
    expect((await again.get('/api/users')).json().code).toBe('auth.mfa_required');
    const full = await signInWithCode('sysadmin', secret);
    expect((await full.get('/api/users')).statusCode).toBe(200);
  });

  it('does not gate API tokens: they are a second credential made in a gated session', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'tokenadmin', systemAdmin: true });
    const actor = (await loadActor(t.database.db, u.id, 'session', ['read', 'write']))!;
    const { token } = await createToken({ ...t.systemCtx(), actor }, { name: 'ci', scopes: ['read'] });
    const res = await anonymous(t.app, { authorization: `Bearer ${token}` }).get('/api/users');
    expect(res.statusCode).toBe(200);
  });
});

describe('turning the factor off', () => {
  it('takes a current code from the user; a wrong one changes nothing', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'leaver' });
    const { secret } = await enrol(await signIn(t.app, 'leaver'));
    const me = await signInWithCode('leaver', secret);
    const wrong = await me.post('/api/me/mfa/disable', {
      code: code(secret) === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await me.get('/api/me/mfa')).json().enabled).toBe(true);
    expect((await me.post('/api/me/mfa/disable', { code: code(secret) })).statusCode).toBe(204);
    expect((await me.get('/api/me/mfa')).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await login('leaver')).json().mfa.pending).toBe(false);
    expect(await auditActions(u.id)).toContain('auth.mfa_disabled');
  });

  it('is a reset by the security admin (audited, sessions ended); the system admin may not', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'forgetful' });
    const { secret } = await enrol(await signIn(t.app, 'forgetful'));
    const session = await signInWithCode('forgetful', secret);
    await buildUser(t.systemCtx(), { username: 'secadmin', securityAdmin: true });
    const sec = await signInWithCode('secadmin', (await enrol(await signIn(t.app, 'secadmin'))).secret);
    await buildUser(t.systemCtx(), { username: 'sysadmin2', systemAdmin: true });
    const sys = await signInWithCode('sysadmin2', (await enrol(await signIn(t.app, 'sysadmin2'))).secret);

    const denied = await sys.delete(`/api/users/${u.id}/mfa`);
    expect(denied.statusCode).toBe(403);
    expect((await sec.delete(`/api/users/${u.id}/mfa`)).statusCode).toBe(204);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('forgetful')).json().mfa.pending).toBe(false);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', u.id)
      .where('action', '=', 'auth.mfa_reset')
      .executeTakeFirstOrThrow();
    expect(entry.actor_label).toBe('secadmin');
    expect((await sec.delete(`/api/users/${u.id}/mfa`)).json().code).toBe('auth.mfa_not_enrolled');
  });
});
