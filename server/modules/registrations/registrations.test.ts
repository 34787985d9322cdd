import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { PASSWORD, registrationKit } from './registrations.fixtures.js';

// Self-registration: the form, the link and the sign-in (issue 12, docs/adr/0045, docs/sign-in.md "Self-registration"), against a real SMTP server.
let t: TestApp;
let sink: SmtpSink;
let platformId: string;

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
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const { from, freshEmail, form, post, register, verify, login, mailsTo, tokenIn, rowsOf, count } =
  registrationKit({ t: () => t, sink: () => sink, platformId: () => platformId });

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
