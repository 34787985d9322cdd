import { expect } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { solvedChallenge } from '../../test/challenge.js';
import type { TestApp } from '../../test/harness.js';
import type { SmtpSink } from '../../test/smtp-sink.js';
import { settleDirectMail } from '../notifications/notifications.direct.js';
import { validCreditCode } from '../orgs/orgs.fixtures.js';

/** Test data and requests of self-registration (registrations*.test.ts), against a real SMTP sink. */
export const PASSWORD = 'Harbour-lantern-9341';
let seq = 0;
let ipNo = 0;

export function registrationKit(env: { t: () => TestApp; sink: () => SmtpSink; platformId: () => string }) {
  /** Each request from its own address, so the per-address limits only bite where they are tested. */
  const from = () => `10.12.${Math.floor(++ipNo / 250)}.${ipNo % 250}`;
  const freshEmail = () => `reg${++seq}-${Date.now()}@example.org`;
  const t = () => env.t();
  async function form(over: Record<string, unknown> = {}, ip = from()) {
    return {
      platformId: env.platformId(),
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
      challenge: await solvedChallenge(t().app, ip),
      ...over,
    };
  }
  const post = (url: string, payload: unknown, ip = from()) =>
    t().app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
  const register = (body: unknown, ip = from()) => post('/api/public/registrations', body, ip);
  const verify = (token: string) => post('/api/public/registrations/verify', { token });
  const login = (username: string, password = PASSWORD) => post('/api/auth/login', { username, password });

  async function mailsTo(to: string, since = 0) {
    await settleDirectMail(t().database.db);
    return env
      .sink()
      .mails.slice(since)
      .filter((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()));
  }
  const tokenIn = (text: string) => /\/public\/register\/verify#([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const rowsOf = (email: string) =>
    t().database.db.selectFrom('registrations').selectAll().where('email', '=', email).execute();
  const count = async (table: 'users' | 'people' | 'organisations' | 'registrations') =>
    Number(
      (
        await t()
          .database.db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Registers and opens the e-mailed link; returns the address and the registration's id. */
  async function verified(over: Record<string, unknown> = {}) {
    const body = await form(over);
    const before = env.sink().mails.length;
    expect((await register(body)).statusCode).toBe(204);
    const [mail] = await mailsTo(body.email as string, before);
    expect((await verify(tokenIn(mail!.text)!)).statusCode).toBe(200);
    const [row] = await rowsOf(body.email as string);
    return { email: body.email as string, id: row!.id, body };
  }
  return { from, freshEmail, form, post, register, verify, login, mailsTo, tokenIn, rowsOf, count, verified };
}
