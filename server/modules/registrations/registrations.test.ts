import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { solvedChallenge } from '../../test/challenge.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { settleDirectMail } from '../notifications/notifications.direct.js';
import { outboxFor } from '../notifications/notifications.outbox.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';

// Self-registration (issue 12, docs/adr/0045, docs/sign-in.md "Self-registration"), against a real SMTP server.
let t: TestApp;
let sink: SmtpSink;
let platformId: string;
let otherPlatformId: string;
const PASSWORD = 'Harbour-lantern-9341';
let ipNo = 0;
const from = () => `10.12.0.${++ipNo}`;
let seq = 0;
const freshEmail = () => `reg${++seq}-${Date.now()}@example.org`;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({
    env: {
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://lab.example.org/',
      PASSWORD_RESET_RATE_LIMIT_PER_MINUTE: '5',
      LOGIN_CHALLENGE_DIFFICULTY: '2000',
    },
  });
  platformId = (await buildPlatform(t.systemCtx(), { nameZh: '山东平台', nameEn: 'Shandong platform' })).id;
  otherPlatformId = (await buildPlatform(t.systemCtx())).id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

async function form(over: Record<string, unknown> = {}, ip = from()) {
  return {
    platformId,
    name: '王小明',
    email: freshEmail(),
    phone: '0531-88886666',
    password: PASSWORD,
    newOrganisation: {
      nameZh: `济南新材料科技有限公司${++seq}`,
      creditCode: validCreditCode(900_000 + seq, '91370100'),
      type: 'enterprise',
      enterpriseSize: 'sme',
    },
    locale: 'zh-CN',
    consentVersion: PRIVACY_NOTICE_VERSION,
    challenge: await solvedChallenge(t.app, ip),
    ...over,
  };
}
const post = (url: string, payload: unknown, ip = from()) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
const register = (body: unknown, ip = from()) => post('/api/public/registrations', body, ip);
const verify = (token: string) => post('/api/public/registrations/verify', { token });
const login = (username: string, password = PASSWORD) => post('/api/auth/login', { username, password });

async function mailsTo(to: string, since = 0) {
  await settleDirectMail(t.database.db);
  return sink.mails.slice(since).filter((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()));
}
const tokenIn = (text: string) => /\/public\/register\/verify#([A-Za-z0-9_-]+)/.exec(text)?.[1];
const rowsOf = (email: string) =>
  t.database.db.selectFrom('registrations').selectAll().where('email', '=', email).execute();
const count = async (table: 'users' | 'people' | 'organisations' | 'registrations') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Registers and opens the e-mailed link; returns the address and the registration's id. */
async function verified(over: Record<string, unknown> = {}) {
  const body = await form(over);
  const before = sink.mails.length;
  expect((await register(body)).statusCode).toBe(204);
  const [mail] = await mailsTo(body.email as string, before);
  expect((await verify(tokenIn(mail!.text)!)).statusCode).toBe(200);
  const [row] = await rowsOf(body.email as string);
  return { email: body.email as string, id: row!.id, body };
}

describe('registering', () => {
  it('stores an unverified registration and e-mails a one-time link in Chinese; the sign-in says why it does not open', async () => {
    const body = await form();
    const before = sink.mails.length;
    const res = await register(body);
    expect(res.statusCode).toBe(204);
    const [mail] = await mailsTo(body.email as string, before);
    expect(mail!.subject).toBe('请验证您的电子邮箱');
    expect(mail!.text).toContain('山东平台');
    expect(mail!.text).toContain('24 小时');
    const token = tokenIn(mail!.text)!;
    expect(mail!.text).toContain(`https://lab.example.org/public/register/verify#${token}`);
    const [row] = await rowsOf(body.email as string);
    expect(row).toMatchObject({
      state: 'unverified',
      consent_version: PRIVACY_NOTICE_VERSION,
      user_id: null,
    });
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(token);
    expect(row!.password_hash).not.toContain(PASSWORD);

    const early = await login(body.email as string);
    expect(early.statusCode).toBe(401);
    expect(early.json().code).toBe('auth.registration_unverified');
    // Someone without the password learns nothing: the usual answer.
    const guess = await login(body.email as string, 'Wrong-password-12345');
    expect(guess.json().code).toBe('auth.invalid_credentials');
  });

  it('answers a taken address exactly as a free one, writes nothing and tells its owner instead', async () => {
    const owner = await buildUser(t.systemCtx(), { username: 'taken-owner' });
    await t.database.db
      .updateTable('users')
      .set({ email: 'owner@example.org', locale: 'en-US' })
      .where('id', '=', owner.id)
      .execute();
    const rowsBefore = await count('registrations');
    const before = sink.mails.length;
    const free = await register(await form({ email: 'free-address@example.org' }));
    const taken = await register(await form({ email: 'Owner@Example.org', locale: 'en-US' }));
    for (const res of [free, taken]) expect(res.statusCode).toBe(204);
    expect(taken.body).toBe(free.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(free.headers).sort());
    expect(await count('registrations')).toBe(rowsBefore + 1);
    const [notice] = await mailsTo('owner@example.org', before);
    expect(notice!.subject).toBe('Someone registered with your e-mail address');
    expect(notice!.text).toContain('https://lab.example.org/forgot-password');
    expect(tokenIn(notice!.text)).toBeUndefined();
    // An address with an open registration is taken too.
    const again = await register(await form({ email: 'free-address@example.org' }));
    expect(again.statusCode).toBe(204);
    expect(await count('registrations')).toBe(rowsBefore + 1);
    const notices = await mailsTo('free-address@example.org', before);
    expect(notices.map((m) => m.subject)).toEqual(['请验证您的电子邮箱', '有人使用您的邮箱注册']);
  });

  it('checks every rule at the edge with the field path and writes nothing', async () => {
    const rows = await count('registrations');
    const code = validCreditCode(777, '91370100');
    const broken = `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
    const cases: [Record<string, unknown>, number, string, string][] = [
      [
        {
          newOrganisation: {
            nameZh: '某公司',
            creditCode: broken,
            type: 'enterprise',
            enterpriseSize: 'sme',
          },
        },
        400,
        '/newOrganisation/creditCode',
        'credit_code.check_character',
      ],
      [
        {
          newOrganisation: { nameZh: '某大学', creditCode: code, type: 'university', enterpriseSize: 'sme' },
        },
        400,
        '/newOrganisation/enterpriseSize',
        'orgs.enterprise_size_forbidden',
      ],
      [{ consentVersion: '2020-01-01' }, 400, '/consentVersion', 'request.validation_failed'],
      [
        { organisationId: '0190a4b2-0000-7000-8000-000000000000' },
        400,
        '/organisationId',
        'request.validation_failed',
      ],
      [{ password: 'short' }, 400, '/password', 'auth.password_too_short'],
      [
        { password: 'wangxiaoming-2026-lab', email: 'wangxiaoming@example.org' },
        422,
        '/password',
        'auth.password_contains_context',
      ],
      [{ platformId: '0190a4b2-0000-7000-8000-000000000001' }, 400, '/platformId', 'platforms.not_found'],
    ];
    for (const [over, status, pointer, code] of cases) {
      const res = await register(await form(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = res.json().errors as { pointer: string; code: string }[];
      expect(
        errors.some((e) => e.pointer === pointer),
        res.body,
      ).toBe(true);
      if (code !== 'request.validation_failed')
        expect(res.json().code === code || errors.some((e) => e.code === code)).toBe(true);
    }
    // A proposal whose code is already registered: pick that organisation instead.
    const existing = await buildOrg(t.systemCtx(), { creditCode: validCreditCode(778, '91370100') });
    const dup = await register(
      await form({
        newOrganisation: {
          nameZh: '重复',
          creditCode: existing.creditCode,
          type: 'enterprise',
          enterpriseSize: 'sme',
        },
      }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'orgs.duplicate_credit_code', existingId: existing.id });
    expect(await count('registrations')).toBe(rows);
  });

  it('needs a solved challenge every time, spent once', async () => {
    const ip = from();
    const body = await form({}, ip);
    const { challenge: _, ...without } = body;
    expect((await register(without, ip)).statusCode).toBe(400);
    expect((await register(body, ip)).statusCode).toBe(204);
    const replay = await register({ ...body, email: freshEmail() }, ip);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.challenge_invalid');
  });

  it('limits the requests per client address', async () => {
    const ip = from();
    const bodies = [];
    for (let i = 0; i < 6; i++) bodies.push(await form({}, `10.13.${i}.1`));
    const answers = [];
    for (const b of bodies) answers.push((await register(b, ip)).statusCode);
    expect(answers).toEqual([204, 204, 204, 204, 204, 429]);
    const last = await post('/api/public/registrations/resend', { email: 'x@example.org' }, ip);
    expect(last.statusCode).toBe(204); // a separate bucket per route
  });
});

describe('verifying', () => {
  it('verifies once; a reused or expired link is refused; a resend replaces the link and is limited', async () => {
    const body = await form();
    const email = body.email as string;
    let before = sink.mails.length;
    await register(body);
    const first = tokenIn((await mailsTo(email, before))[0]!.text)!;

    before = sink.mails.length;
    expect((await post('/api/public/registrations/resend', { email })).statusCode).toBe(204);
    const second = tokenIn((await mailsTo(email, before))[0]!.text)!;
    expect(second).not.toBe(first);
    const old = await verify(first);
    expect(old.statusCode).toBe(400);
    expect(old.json().errors[0]).toMatchObject({ pointer: '/token', code: 'registrations.link_invalid' });

    const ok = await verify(second);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      state: 'pending',
      platform: { nameZh: '山东平台', nameEn: 'Shandong platform' },
    });
    expect((await verify(second)).statusCode).toBe(400);
    const pending = await login(email);
    expect(pending.json().code).toBe('auth.registration_pending');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', (await rowsOf(email))[0]!.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['registration.submitted', 'registration.verified']);

    // The resend of a verified registration sends nothing; an unknown address the same answer.
    before = sink.mails.length;
    expect((await post('/api/public/registrations/resend', { email })).statusCode).toBe(204);
    expect((await post('/api/public/registrations/resend', { email: 'nobody@example.org' })).statusCode).toBe(
      204,
    );
    expect(await mailsTo(email, before)).toEqual([]);
  });

  it('refuses a link past its 24 hours', async () => {
    const body = await form();
    const before = sink.mails.length;
    await register(body);
    const token = tokenIn((await mailsTo(body.email as string, before))[0]!.text)!;
    t.clock.advance(24 * 3_600_000 + 1000);
    const late = await verify(token);
    expect(late.statusCode).toBe(400);
    expect((await rowsOf(body.email as string))[0]!.state).toBe('unverified');
  });

  it('sends at most three links per address per hour', async () => {
    const body = await form();
    const email = body.email as string;
    const before = sink.mails.length;
    await register(body);
    for (let i = 0; i < 3; i++) await post('/api/public/registrations/resend', { email });
    expect(await mailsTo(email, before)).toHaveLength(3);
  });
});

describe('注册审核', () => {
  it('approval by a keeper creates exactly one account, person and organisation, applicant only; the e-mail goes through the outbox', async () => {
    const keeper = await buildUser(t.systemCtx(), { roles: ['platform_admin'], platformId });
    const { email, id } = await verified({ locale: 'en-US' });
    const [users, people, orgs] = [await count('users'), await count('people'), await count('organisations')];
    const s = await signIn(t.app, keeper.username);
    const list = await s.get('/api/registrations');
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const res = await s.post(`/api/registrations/${id}/approve`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('approved');
    expect([await count('users'), await count('people'), await count('organisations')]).toEqual([
      users + 1,
      people + 1,
      orgs + 1,
    ]);
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      is_system_admin: 0,
      is_security_admin: 0,
      is_audit_admin: 0,
      locale: 'en-US',
    });
    const roles = await t.database.db
      .selectFrom('role_assignments')
      .select(['platform_id', 'role'])
      .where('user_id', '=', user.id)
      .execute();
    expect(roles).toEqual([{ platform_id: platformId, role: 'applicant' }]);
    const person = await t.database.db
      .selectFrom('people')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(person.organisation_id).toBe(res.json().organisation?.id ?? person.organisation_id);
    expect((await s.post(`/api/registrations/${id}/approve`, {})).statusCode).toBe(409);

    const before = sink.mails.length;
    await outboxFor(t.database.db)!.pass();
    const [mail] = await mailsTo(email, before);
    expect(mail!.subject).toBe('Your registration was approved');
    const signedIn = await login(email);
    expect(signedIn.statusCode).toBe(200);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'registration.submitted',
      'registration.verified',
      'registration.approved',
    ]);
  });

  it('links an existing organisation only for whoever may curate it, never another platform keeper', async () => {
    const org = await buildOrg(t.systemCtx(), { creditCode: validCreditCode(779, '91370100') });
    const { id } = await verified({ newOrganisation: undefined, organisationId: org.id });
    const stranger = await buildUser(t.systemCtx(), {
      roles: ['platform_admin'],
      platformId: otherPlatformId,
    });
    const s1 = await signIn(t.app, stranger.username);
    expect((await s1.get('/api/registrations')).json().items.map((r: { id: string }) => r.id)).not.toContain(
      id,
    );
    expect((await s1.post(`/api/registrations/${id}/approve`, {})).statusCode).toBe(404);
    const officer = await buildUser(t.systemCtx(), { roles: ['program_officer'], platformId });
    const orgs = await count('organisations');
    const res = await (await signIn(t.app, officer.username)).post(`/api/registrations/${id}/approve`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().organisation.id).toBe(org.id);
    expect(await count('organisations')).toBe(orgs);
  });

  it('never links a registration to an account made meanwhile with its address', async () => {
    const { email, id } = await verified();
    const other = await buildUser(t.systemCtx(), { username: 'meanwhile' });
    await t.database.db.updateTable('users').set({ email }).where('id', '=', other.id).execute();
    const admin = await buildUser(t.systemCtx(), { systemAdmin: true });
    const [users, people] = [await count('users'), await count('people')];
    const res = await (await signIn(t.app, admin.username)).post(`/api/registrations/${id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('registrations.email_taken');
    expect([await count('users'), await count('people')]).toEqual([users, people]);
    expect((await rowsOf(email))[0]!.state).toBe('pending');
  });

  it('refusal e-mails the reason, creates nothing, and the sign-in stays closed', async () => {
    const keeper = await buildUser(t.systemCtx(), { roles: ['platform_admin'], platformId });
    const { email, id } = await verified();
    const users = await count('users');
    const s = await signIn(t.app, keeper.username);
    expect((await s.post(`/api/registrations/${id}/refuse`, { reason: '' })).statusCode).toBe(400);
    const before = sink.mails.length;
    const res = await s.post(`/api/registrations/${id}/refuse`, { reason: '单位信息无法核实' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'refused', refusalReason: '单位信息无法核实' });
    const [mail] = await mailsTo(email, before);
    expect(mail!.subject).toBe('您的注册未通过审核');
    expect(mail!.text).toContain('单位信息无法核实');
    expect(await count('users')).toBe(users);
    expect((await login(email)).json().code).toBe('auth.invalid_credentials');
    expect((await s.post(`/api/registrations/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('counts the waiting ones on the keepers’ workbench, and nobody else sees the queue', async () => {
    const p = (await buildPlatform(t.systemCtx())).id;
    const keeper = await buildUser(t.systemCtx(), { roles: ['program_officer'], platformId: p });
    await verified({ platformId: p });
    await verified({ platformId: p });
    const wb = (await (await signIn(t.app, keeper.username)).get('/api/workbench')).json();
    expect(wb.todos.find((x: { kind: string }) => x.kind === 'registrations.pending')).toMatchObject({
      platformId: p,
      count: 2,
    });
    const applicant = await buildUser(t.systemCtx(), { roles: ['applicant'], platformId: p });
    expect((await (await signIn(t.app, applicant.username)).get('/api/registrations')).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/registrations')).statusCode).toBe(401);
  });
});
