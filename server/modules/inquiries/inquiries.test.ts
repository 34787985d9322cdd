import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { write } from '../../db/write.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeResult, publicationBody, technologyBody } from '../results/results.fixtures.js';
import { loadActor } from '../users/users.accounts.js';
import { markInquiryLicensed } from './inquiries.service.js';

let t: TestApp;
let A: string;
let B: string;
let tech: string;
let officerA: Client;
let officerB: Client;
let researcherA: Client;
let visitor: Client;
let officerAId: string;

const form = {
  kind: 'licensing',
  name: '王工',
  organisation: '深圳某半导体设备有限公司',
  email: 'wang@example.com',
  message: '我们希望了解该技术的非独占许可条件。',
  locale: 'zh-CN',
  consentVersion: PRIVACY_NOTICE_VERSION,
};
const count = async (table: 'inquiries' | 'inquiry_transitions' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const send = async (body: object = form, id = tech) => {
  const res = await visitor.post(`/api/public/results/${id}/inquiries`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const move = (c: Client, id: string, body: object) => c.post(`/api/inquiries/${id}/transitions`, body);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  officerAId = (await buildUser(ctx, { username: 'tto-a', roles: ['tech_transfer_officer'], platformId: A }))
    .id;
  await buildUser(ctx, { username: 'tto-b', roles: ['tech_transfer_officer'], platformId: B });
  await buildUser(ctx, { username: 'res-a', roles: ['researcher'], platformId: A });
  officerA = await signIn(t.app, 'tto-a');
  officerB = await signIn(t.app, 'tto-b');
  researcherA = await signIn(t.app, 'res-a');
  visitor = anonymous(t.app);
  tech = (await makeResult(ctx, technologyBody(A))).id;
});
afterAll(() => t.close());

describe('the public inquiry form', () => {
  it('records the privacy notice agreed to, and refuses a form without the current one (个人信息保护法)', async () => {
    const before = await count('inquiries');
    const { consentVersion: _c, ...withoutConsent } = form;
    const missing = await visitor.post(`/api/public/results/${tech}/inquiries`, withoutConsent);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].pointer).toBe('/consentVersion');
    const old = await visitor.post(`/api/public/results/${tech}/inquiries`, {
      ...form,
      consentVersion: '2020-01-01',
    });
    expect(old.statusCode).toBe(400);
    expect(await count('inquiries')).toBe(before);
    const id = await send();
    const row = await t.database.db
      .selectFrom('inquiries')
      .select(['consent_version', 'consented_at', 'received_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      consent_version: PRIVACY_NOTICE_VERSION,
      consented_at: row.received_at,
      received_at: t.clock.now().toISOString(),
    });
  });

  it('records an inquiry on a public result with its first transition, audited without contact details', async () => {
    const audits = await count('audit_log');
    const id = await send();
    const detail = (await officerA.get(`/api/inquiries/${id}`)).json();
    expect(detail).toMatchObject({
      state: 'received',
      platformId: A,
      result: { id: tech, type: 'technology' },
      name: '王工',
      next: ['in_discussion', 'closed'],
      transitions: [{ from: null, to: 'received', actorLabel: 'public' }],
    });
    expect(await count('audit_log')).toBe(audits + 1);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('inquiry.received');
    expect(entry.after_json).not.toContain('wang@example.com');
    // The officers of the result's platform are notified in the same transaction; other platforms' are not.
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('entity_id', '=', id)
      .execute();
    expect(notes).toEqual([{ user_id: officerAId, kind: 'inquiry.received' }]);
    const inbox = (await officerA.get('/api/me/notifications')).json();
    expect(JSON.stringify(inbox)).toContain(id);
  });

  it('validates the form with field pointers and writes nothing', async () => {
    const before = await count('inquiries');
    const res = await visitor.post(`/api/public/results/${tech}/inquiries`, {
      ...form,
      email: 'not-an-email',
      message: 'short',
      kind: 'gossip',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/email', '/kind', '/message']);
    expect(await count('inquiries')).toBe(before);
  });

  it('refuses inquiries on drafts, internal and withdrawn results as not found', async () => {
    const ctx = t.systemCtx();
    const draft = (await makeResult(ctx, publicationBody(A), false)).id;
    const internal = (await makeResult(ctx, publicationBody(A, { visibility: 'internal' }))).id;
    const before = await count('inquiries');
    for (const id of [draft, internal, crypto.randomUUID()]) {
      expect((await visitor.post(`/api/public/results/${id}/inquiries`, form)).statusCode).toBe(404);
    }
    expect(await count('inquiries')).toBe(before);
  });

  it('is rate-limited per client address', async () => {
    const limited = await setupTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const r = (
        await makeResult(limited.systemCtx(), technologyBody((await buildPlatform(limited.systemCtx())).id))
      ).id;
      const c = anonymous(limited.app);
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await c.post(`/api/public/results/${r}/inquiries`, form)).statusCode);
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the funnel', () => {
  it('moves received → in_discussion → nda_signed → licensed, each step in the transitions table', async () => {
    const id = await send();
    const transitions = await count('inquiry_transitions');
    for (const to of ['in_discussion', 'nda_signed']) {
      const res = await move(officerA, id, { to, note: `to ${to}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().state).toBe(to);
    }
    const done = await move(officerA, id, { to: 'licensed', licenceId: 'LIC-2026-001' });
    expect(done.json()).toMatchObject({ state: 'licensed', licenceId: 'LIC-2026-001', next: [] });
    expect(done.json().transitions.map((x: { to: string }) => x.to)).toEqual([
      'received',
      'in_discussion',
      'nda_signed',
      'licensed',
    ]);
    expect(await count('inquiry_transitions')).toBe(transitions + 3);
  });

  it('answers an illegal move with 409 naming the current state, and writes nothing', async () => {
    const id = await send();
    const transitions = await count('inquiry_transitions');
    const res = await move(officerA, id, { to: 'nda_signed' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inquiries.illegal_transition', currentState: 'received' });
    expect(res.json().detail).toContain('received');
    expect(await count('inquiry_transitions')).toBe(transitions);
  });

  it('needs a reason to close, and a closed inquiry stays closed', async () => {
    const id = await send();
    const noReason = await move(officerA, id, { to: 'closed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const closed = await move(officerA, id, { to: 'closed', reason: '对方转向其他供应商' });
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: '对方转向其他供应商' });
    expect((await move(officerA, id, { to: 'in_discussion' })).json().currentState).toBe('closed');
  });

  it('is only for the officers and admins of the platform', async () => {
    const id = await send();
    expect((await move(officerB, id, { to: 'in_discussion' })).statusCode).toBe(404);
    expect((await move(researcherA, id, { to: 'in_discussion' })).statusCode).toBe(403);
    expect((await researcherA.get(`/api/inquiries/${id}`)).statusCode).toBe(403);
    const listB = (await officerB.get('/api/inquiries')).json();
    expect(listB.total).toBe(0);
    expect((await researcherA.get('/api/inquiries')).statusCode).toBe(403);
    expect((await officerB.get(`/api/inquiries?platformId=${A}`)).statusCode).toBe(403);
  });

  it('lets the agreements module mark an inquiry licensed inside its transaction, idempotently', async () => {
    const id = await send();
    await move(officerA, id, { to: 'in_discussion' });
    const actor = await loadActor(t.database.db, officerAId, 'session', ['read', 'write']);
    const ctx = { ...t.systemCtx(), actor };
    await write(ctx, (trx, audit) => markInquiryLicensed(trx, audit, ctx, id, 'licence-42'));
    await write(ctx, (trx, audit) => markInquiryLicensed(trx, audit, ctx, id, 'licence-42'));
    const detail = (await officerA.get(`/api/inquiries/${id}`)).json();
    expect(detail).toMatchObject({ state: 'licensed', licenceId: 'licence-42' });
    expect(detail.transitions.filter((x: { to: string }) => x.to === 'licensed')).toHaveLength(1);
  });

  it('counts the funnel for the period: reached stages and current states', async () => {
    const res = await officerA.get(`/api/inquiries/funnel?platformId=${A}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const list = (await officerA.get(`/api/inquiries?platformId=${A}&pageSize=100`)).json();
    expect(f.received).toBe(list.total);
    expect(f.reached).toEqual({ in_discussion: 2, nda_signed: 1, licensed: 2, closed: 1 });
    expect(f.current.licensed).toBe(2);
    expect(f.current.closed).toBe(1);
    const later = (await officerA.get(`/api/inquiries/funnel?platformId=${A}&from=2999-01-01`)).json();
    expect(later.received).toBe(0);
    const bad = await officerA.get(`/api/inquiries/funnel?platformId=${A}&from=2020-02-01&to=2020-01-01`);
    expect(bad.statusCode).toBe(400);
    expect((await officerB.get(`/api/inquiries/funnel?platformId=${A}`)).statusCode).toBe(403);
  });
});
