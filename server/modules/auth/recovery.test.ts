import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { settleDirectMail } from '../notifications/notifications.direct.js';

// Forgot password by e-mail (issue 10/12; docs/sign-in.md 'Forgot password'), against a real SMTP server.
let t: TestApp;
let sink: SmtpSink;
const NEW_PASSWORD = 'Harbour-lantern-9341';
let ipNo = 0;
/** Each case asks from its own address, so the per-address request limit only bites where it is tested. */
const from = () => `10.9.0.${++ipNo}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({
    env: {
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://lab.example.org/',
      PASSWORD_RESET_RATE_LIMIT_PER_MINUTE: '5',
    },
  });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

async function person(username: string, email: string | null, locale = 'zh-CN') {
  const u = await buildUser(t.systemCtx(), { username });
  await t.database.db.updateTable('users').set({ email, locale }).where('id', '=', u.id).execute();
  return u;
}

const ask = (email: string, ip = from()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset-requests',
    payload: { email },
    remoteAddress: ip,
  });
const reset = (token: string, newPassword = NEW_PASSWORD, ip = from()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset',
    payload: { token, newPassword },
    remoteAddress: ip,
  });

/** The mails the sink got for `to` since `since`, once every direct mail has left. */
async function mailsTo(to: string, since = 0) {
  await settleDirectMail(t.database.db);
  return sink.mails.slice(since).filter((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()));
}
const tokenIn = (text: string) => /\/reset-password#([A-Za-z0-9_-]+)/.exec(text)?.[1];

const resetRows = (userId: string) =>
  t.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', userId).execute();
const hashOf = async (userId: string) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
  ).password_hash;
const audits = (userId: string, action: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select('seq')
    .where('entity_id', '=', userId)
    .where('action', '=', action)
    .execute();

describe('forgot password', () => {
  it('answers an unknown address exactly as a known one, and only the known one gets a link', async () => {
    const u = await person('forgetful', 'Forgetful@Example.org');
    const before = sink.mails.length;
    const known = await ask('forgetful@example.org');
    const unknown = await ask('nobody-here@example.org');
    for (const res of [known, unknown]) expect(res.statusCode).toBe(204);
    expect(known.body).toBe(unknown.body);
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    const mails = await mailsTo('Forgetful@Example.org', before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('重置密码');
    expect(mails[0]!.text).toContain('https://lab.example.org/reset-password#');
    expect(mails[0]!.text).toContain('30 分钟');
    expect(sink.mails.slice(before).filter((m) => m.to.includes('nobody-here@example.org'))).toEqual([]);
    // Only the token's hash is stored, and no notification row holds the link.
    const token = tokenIn(mails[0]!.text)!;
    const rows = await resetRows(u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const notes = await t.database.db.selectFrom('notifications').select('params_json').execute();
    expect(notes.some((n) => n.params_json.includes(token))).toBe(false);
    expect(await audits(u.id, 'auth.password_reset_requested')).toHaveLength(1);
  });

  it('sets the new password once, ends every session and API token, and tells the owner', async () => {
    const u = await person('resetme', 'resetme@example.org', 'en-US');
    const session = await signIn(t.app, 'resetme');
    const made = await session.post('/api/me/tokens', { name: 'script', scopes: ['read'] });
    expect(made.statusCode).toBe(201);
    const bearer = anonymous(t.app, { authorization: `Bearer ${made.json().token}` });
    expect((await bearer.get('/api/auth/session')).statusCode).toBe(200);

    const before = sink.mails.length;
    await ask('resetme@example.org');
    const [mail] = await mailsTo('resetme@example.org', before);
    expect(mail!.subject).toBe('Reset your password');
    const token = tokenIn(mail!.text)!;

    const res = await reset(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 1, revokedTokens: 1 });
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    expect((await bearer.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (await anonymous(t.app).post('/api/auth/login', { username: 'resetme', password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(401);
    await signIn(t.app, 'resetme', NEW_PASSWORD);
    expect(await audits(u.id, 'auth.password_reset')).toHaveLength(1);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', u.id)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('auth.password_reset');

    // A replayed link is refused with the field named, and changes nothing.
    const hash = await hashOf(u.id);
    const again = await reset(token, 'Another-fresh-pass-77');
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({
      code: 'auth.reset_link_invalid',
      errors: [{ pointer: '/token', code: 'auth.reset_link_invalid' }],
    });
    expect(await hashOf(u.id)).toBe(hash);
  });

  it('refuses an expired link and a made-up one, writing nothing', async () => {
    const u = await person('slowreader', 'slow@example.org');
    const before = sink.mails.length;
    await ask('slow@example.org');
    const token = tokenIn((await mailsTo('slow@example.org', before))[0]!.text)!;
    const hash = await hashOf(u.id);
    t.clock.advance(31 * 60_000);
    const late = await reset(token);
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('auth.reset_link_invalid');
    const forged = await reset('A'.repeat(43));
    expect(forged.json().code).toBe('auth.reset_link_invalid');
    expect(await hashOf(u.id)).toBe(hash);
    expect((await resetRows(u.id))[0]!.used_at).toBeNull();
    expect(await audits(u.id, 'auth.password_reset')).toHaveLength(0);
  });

  it('keeps the password policy and history, and a refused password leaves the link usable', async () => {
    const u = await person('policyuser', 'policy@example.org');
    const before = sink.mails.length;
    await ask('policy@example.org');
    const token = tokenIn((await mailsTo('policy@example.org', before))[0]!.text)!;
    const short = await reset(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({
      pointer: '/newPassword',
      code: 'auth.password_too_short',
    });
    const reused = await reset(token, TEST_PASSWORD);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().errors[0]).toMatchObject({ pointer: '/newPassword', code: 'auth.password_reused' });
    expect((await resetRows(u.id))[0]!.used_at).toBeNull();
    expect((await reset(token)).statusCode).toBe(200);
  });

  it('lets only one of two concurrent uses of a link through', async () => {
    const u = await person('racer', 'racer@example.org');
    const before = sink.mails.length;
    await ask('racer@example.org');
    const token = tokenIn((await mailsTo('racer@example.org', before))[0]!.text)!;
    const results = await Promise.all([
      reset(token, 'First-racing-pass-11'),
      reset(token, 'Second-racing-pass-22'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(await audits(u.id, 'auth.password_reset')).toHaveLength(1);
  });

  it('sends no link to a disabled account, and refuses a link once the account is disabled', async () => {
    const u = await person('leaver', 'leaver@example.org');
    const before = sink.mails.length;
    await ask('leaver@example.org');
    const token = tokenIn((await mailsTo('leaver@example.org', before))[0]!.text)!;
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now().toISOString() })
      .where('id', '=', u.id)
      .execute();
    expect((await reset(token)).json().code).toBe('auth.reset_link_invalid');
    const after = sink.mails.length;
    expect((await ask('leaver@example.org')).statusCode).toBe(204);
    expect(await mailsTo('leaver@example.org', after)).toEqual([]);
  });

  it('sends at most three links an hour to one address, answering every request alike', async () => {
    await person('mailbombed', 'bombed@example.org');
    const before = sink.mails.length;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask('bombed@example.org'));
    expect(answers.map((a) => a.statusCode)).toEqual([204, 204, 204, 204, 204]);
    expect(await mailsTo('bombed@example.org', before)).toHaveLength(3);
    t.clock.advance(60 * 60_000);
    expect(await mailsTo('bombed@example.org', sink.mails.length)).toEqual([]);
    const next = sink.mails.length;
    await ask('bombed@example.org');
    expect(await mailsTo('bombed@example.org', next)).toHaveLength(1);
  });

  it('limits requests per client address (429 with Retry-After), for any address asked about', async () => {
    const ip = '10.9.9.9';
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await ask(`someone${i}@example.org`, ip));
    expect(results.map((r) => r.statusCode)).toEqual([204, 204, 204, 204, 204, 429, 429]);
    expect(results[5]!.json().code).toBe('request.rate_limited');
    expect(Number(results[5]!.headers['retry-after'])).toBeGreaterThan(0);
    // The reset itself counts in the same limit: guessing tokens from one address is bounded too.
    expect((await reset('B'.repeat(43), NEW_PASSWORD, ip)).statusCode).toBe(429);
  });

  it('validates before anything: a malformed address is 400 at /email', async () => {
    const res = await ask('not-an-address');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/email');
  });
});
