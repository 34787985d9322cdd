import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { outboxFor } from '../notifications/notifications.outbox.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { createUser } from '../users/users.service.js';
import { registrationKit } from './registrations.fixtures.js';

// Self-registration: 注册审核, the keepers' decision (issue 12, docs/adr/0045, docs/sign-in.md "Self-registration"), against a real SMTP server.
let t: TestApp;
let sink: SmtpSink;
let platformId: string;
let otherPlatformId: string;

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

const { login, mailsTo, rowsOf, count, verified } = registrationKit({
  t: () => t,
  sink: () => sink,
  platformId: () => platformId,
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

  it("says per row whether the caller may approve, by the approval's own rule: not a keeper of only one of the organisation's platforms", async () => {
    // The organisation sits on the other platform's committee: only keepers of both (or a system admin) curate it.
    const org = await buildOrg(t.systemCtx(), { creditCode: validCreditCode(781, '91370100') });
    const otherAdmin = await buildUser(t.systemCtx(), {
      roles: ['platform_admin'],
      platformId: otherPlatformId,
    });
    const person = await buildPerson(t.systemCtx(), { organisationId: org.id });
    const seated = await (await signIn(t.app, otherAdmin.username)).post(
      `/api/platforms/${otherPlatformId}/committee`,
      { personId: person.id, category: 'industry', termStart: '2026-01-01' },
    );
    expect(seated.statusCode, seated.body).toBe(201);
    const { id } = await verified({ newOrganisation: undefined, organisationId: org.id });
    const fresh = await verified();
    const rowOf = async (s: Awaited<ReturnType<typeof signIn>>, rid: string) =>
      (await s.get(`/api/registrations?platformId=${platformId}&limit=100`))
        .json()
        .items.find((r: { id: string }) => r.id === rid);

    const keeper = await buildUser(t.systemCtx(), { roles: ['platform_admin'], platformId });
    const mayNot = await signIn(t.app, keeper.username);
    expect((await rowOf(mayNot, id)).approval).toEqual({ allowed: false, blockedBy: 'orgs.keepers_only' });
    expect((await rowOf(mayNot, fresh.id)).approval).toEqual({ allowed: true, blockedBy: null });
    const refused = await mayNot.post(`/api/registrations/${id}/approve`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('orgs.keepers_only');

    await createUser(t.systemCtx(), {
      username: 'keeper-of-both',
      displayName: 'keeper-of-both',
      password: TEST_PASSWORD,
      isSystemAdmin: false,
      isSecurityAdmin: false,
      isAuditAdmin: false,
      roles: [
        { platformId, role: 'program_officer' },
        { platformId: otherPlatformId, role: 'platform_admin' },
      ],
    });
    const may = await signIn(t.app, 'keeper-of-both');
    expect((await rowOf(may, id)).approval).toEqual({ allowed: true, blockedBy: null });
    const approved = await may.post(`/api/registrations/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().approval).toEqual({ allowed: false, blockedBy: 'registrations.not_pending' });
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
