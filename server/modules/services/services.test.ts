import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { pdfBytes } from '../applications/applications.fixtures.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildPublishedService, serviceInput } from './services.fixtures.js';

let t: TestApp;
let A: string;
let unitId: string;
let director: Client;
let sme: Client;
let colleague: Client;
let otherSme: Client;
let supervisor: Client;
let visitor: Client;

const count = async (table: 'service_requests' | 'service_request_transitions' | 'services' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const move = (c: Client, id: string, body: object) => c.post(`/api/service-requests/${id}/transitions`, body);
const deliver = (c: Client, id: string, bytes: Buffer, name: string) =>
  c.request({ method: 'POST', url: `/api/service-requests/${id}/report`, ...multipart(bytes, name) });

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  const org = await buildOrganisation(ctx, { nameZh: '苏州某精密制造有限公司' });
  for (const name of ['sme', 'sme2']) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    await buildPerson(ctx, { userId: u.id, organisationId: org.id });
  }
  await buildUser(ctx, { username: 'other', roles: ['enterprise_user'], platformId: A });
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: A });
  director = await signIn(t.app, 'dir');
  sme = await signIn(t.app, 'sme');
  colleague = await signIn(t.app, 'sme2');
  otherSme = await signIn(t.app, 'other');
  supervisor = await signIn(t.app, 'sup');
  visitor = anonymous(t.app);
});
afterAll(() => t.close());

describe('the service catalog', () => {
  it('a unit director drafts, publishes and retires; the public sees only published services', async () => {
    const res = await director.post(
      `/api/platforms/${A}/services`,
      serviceInput(unitId, {
        nameZh: '中子束流机时',
        nameEn: 'Neutron beam time',
        kind: 'machine_time',
        priceRule: 'per_hour',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({
      state: 'draft',
      priceMinor: 80_000,
      accreditations: [{ body: 'CNAS', number: 'L0001' }],
    });
    expect((await visitor.get(`/api/public/services/${id}`)).statusCode).toBe(404);
    expect((await director.post(`/api/services/${id}/state`, { to: 'published' })).json().state).toBe(
      'published',
    );
    const zh = (
      await visitor.get(`/api/public/platforms/${A}/services?q=${encodeURIComponent('中子')}`)
    ).json();
    expect(zh.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const en = (await visitor.get(`/api/public/platforms/${A}/services?q=neutron`)).json();
    expect(en.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await visitor.get(`/api/public/platforms/${A}/services?q=spectroscopy`)).json().total).toBe(0);
    expect((await director.post(`/api/services/${id}/state`, { to: 'retired' })).json().state).toBe(
      'retired',
    );
    expect((await director.post(`/api/services/${id}/state`, { to: 'published' })).statusCode).toBe(409);
    expect((await visitor.get(`/api/public/platforms/${A}/services?q=neutron`)).json().total).toBe(0);
    // A request to a retired service: 409, nothing written.
    const before = await count('service_requests');
    const refused = await sme.post(`/api/services/${id}/requests`, { description: '需要 10 小时机时' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('services.retired');
    expect(await count('service_requests')).toBe(before);
  });

  it('the public catalog filters by technology field', async () => {
    const ctx = t.systemCtx();
    const optics = (await buildField(ctx, { code: 'SVC-OPT', nameEn: 'Optics' })).id;
    const other = (await buildField(ctx, { code: 'SVC-BIO', nameEn: 'Biology' })).id;
    const made = await director.post(
      `/api/platforms/${A}/services`,
      serviceInput(unitId, { nameZh: '光谱仪校准', nameEn: 'Spectrometer calibration', fieldIds: [optics] }),
    );
    expect(made.statusCode, made.body).toBe(201);
    await director.post(`/api/services/${made.json().id}/state`, { to: 'published' });
    const hit = (await visitor.get(`/api/public/platforms/${A}/services?fieldId=${optics}`)).json();
    expect(hit.items.map((s: { id: string }) => s.id)).toEqual([made.json().id]);
    expect((await visitor.get(`/api/public/platforms/${A}/services?fieldId=${other}`)).json().total).toBe(0);
  });

  it('refuses negative or fractional prices and foreign units with the field pointer, nothing written', async () => {
    const before = await count('services');
    for (const [body, pointer] of [
      [serviceInput(unitId, { priceMinor: -1 }), '/priceMinor'],
      [serviceInput(unitId, { priceMinor: 10.5 }), '/priceMinor'],
      [serviceInput('01900000-0000-7000-8000-000000000000'), '/unitId'],
    ] as const) {
      const res = await director.post(`/api/platforms/${A}/services`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await count('services')).toBe(before);
    expect((await sme.post(`/api/platforms/${A}/services`, serviceInput(unitId))).statusCode).toBe(403);
  });
});

describe('a service request from submission to closing', () => {
  let service: string;
  let id: string;
  beforeAll(async () => {
    service = (await buildPublishedService(t.systemCtx(), A, unitId)).id;
  });

  it('runs submitted → quoted → accepted → contracted → in progress → delivered → rated → closed, each step audited', async () => {
    const audits = await count('audit_log');
    const res = await sme.post(`/api/services/${service}/requests`, {
      description: '校准 3 个 1 kg 砝码',
      quantity: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'submitted', next: ['cancel'] });
    expect((await director.get(`/api/service-requests/${id}`)).json().next).toEqual(['quote', 'cancel']);
    // Quoting is the unit's step; the enterprise is refused with the side's code.
    const wrongSide = await move(sme, id, { action: 'quote', priceMinor: 1, dueOn: '2030-01-01' });
    expect(wrongSide.statusCode).toBe(403);
    expect(wrongSide.json().code).toBe('services.not_your_side');
    const bad = await move(director, id, { action: 'quote', priceMinor: -5, dueOn: '2030-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/priceMinor');
    const quoted = await move(director, id, {
      action: 'quote',
      priceMinor: 240_000,
      dueOn: '2030-01-15',
      terms: '预付 50%',
    });
    expect(quoted.json()).toMatchObject({
      state: 'quoted',
      quote: { priceMinor: 240_000, currency: 'CNY', dueOn: '2030-01-15' },
    });
    expect((await move(sme, id, { action: 'accept' })).json().state).toBe('accepted');
    expect((await move(director, id, { action: 'contract' })).json().state).toBe('contracted');
    expect((await move(director, id, { action: 'start' })).json().state).toBe('in_progress');
    // The unit is offered the delivery (the report upload); the enterprise has no move while it works.
    expect((await director.get(`/api/service-requests/${id}`)).json().next).toEqual(['deliver']);
    expect((await sme.get(`/api/service-requests/${id}`)).json().next).toEqual([]);
    // The report is checked like an application attachment: a file lying about its type is refused.
    const lie = await deliver(director, id, Buffer.from('not a pdf'), 'report.pdf');
    expect(lie.statusCode).toBe(415);
    expect((await sme.get(`/api/service-requests/${id}`)).json().state).toBe('in_progress');
    const delivered = await deliver(director, id, pdfBytes('report'), '校准证书.pdf');
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({
      state: 'delivered',
      report: { fileName: '校准证书.pdf', mediaType: 'application/pdf' },
    });
    expect(delivered.json().survey.due).toBe(false);
    // The enterprise downloads the report as delivered; another enterprise is told it does not exist.
    const report = await sme.request({ method: 'GET', url: `/api/service-requests/${id}/report` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('application/pdf');
    expect(report.rawPayload.equals(pdfBytes('report'))).toBe(true);
    expect(
      (await otherSme.request({ method: 'GET', url: `/api/service-requests/${id}/report` })).statusCode,
    ).toBe(404);
    const outOfScale = await move(sme, id, { action: 'rate', rating: 6 });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().errors[0].pointer).toBe('/rating');
    const rated = await move(colleague, id, { action: 'rate', rating: 5, comment: '出证快' });
    expect(rated.json()).toMatchObject({ state: 'rated', rating: 5, ratingComment: '出证快' });
    const closed = (await move(director, id, { action: 'close' })).json();
    expect(closed.state).toBe('closed');
    expect(closed.transitions.map((x: { action: string }) => x.action)).toEqual([
      'submit',
      'quote',
      'accept',
      'contract',
      'start',
      'deliver',
      'rate',
      'close',
    ]);
    expect(await count('audit_log')).toBe(audits + 8);
    const told = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('entity_id', '=', id)
      .execute();
    expect(told.map((n) => n.kind)).toContain('service_request.submitted');
    expect(told.filter((n) => n.kind === 'service_request.moved').length).toBeGreaterThanOrEqual(6);
  });

  it('cancellation, rework and dispute need a reason', async () => {
    const r = (await sme.post(`/api/services/${service}/requests`, { description: '再测一批' })).json().id;
    const noReason = await move(sme, r, { action: 'cancel' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const cancelled = (await move(sme, r, { action: 'cancel', reason: '预算调整' })).json();
    expect(cancelled).toMatchObject({ state: 'cancelled', lastReason: '预算调整', next: [] });
    expect(
      (await move(director, r, { action: 'quote', priceMinor: 1, dueOn: '2030-01-01' })).statusCode,
    ).toBe(409);
  });

  it('an enterprise sees only its own organisation’s requests; the supervisor sees the platform', async () => {
    expect((await otherSme.get(`/api/service-requests/${id}`)).statusCode).toBe(404);
    expect((await move(otherSme, id, { action: 'dispute', reason: 'x' })).statusCode).toBe(404);
    expect((await colleague.get(`/api/service-requests/${id}`)).statusCode).toBe(200);
    expect((await otherSme.get(`/api/service-requests?platformId=${A}`)).json().total).toBe(0);
    expect((await sme.get(`/api/service-requests?platformId=${A}`)).json().total).toBe(2);
    expect((await director.get(`/api/service-requests?platformId=${A}&view=unit`)).json().total).toBe(2);
    expect((await supervisor.get(`/api/service-requests?platformId=${A}&view=all`)).json().total).toBe(2);
    expect((await supervisor.get(`/api/service-requests?platformId=${A}&view=unit`)).statusCode).toBe(403);
    expect((await supervisor.get(`/api/service-requests/${id}`)).json().next).toEqual([]);
  });

  it('the impact survey is due a year after delivery, answered once, and rolls up per unit', async () => {
    expect(
      (
        await sme.post(`/api/service-requests/${id}/survey`, {
          salesMinor: 1,
          savingsMinor: 0,
          investmentMinor: 0,
          jobs: 1,
        })
      ).statusCode,
    ).toBe(409);
    const base = t.systemCtx();
    const at = base.clock.now().getTime() + 366 * 86_400_000;
    const later = { ...base, clock: { now: () => new Date(at) } };
    const { answerSurvey } = await import('./services.delivery.js');
    const { loadActor } = await import('../users/users.accounts.js');
    const smeId = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'sme')
        .executeTakeFirstOrThrow()
    ).id;
    const actor = (await loadActor(t.database.db, smeId, 'session', ['read', 'write']))!;
    const view = await answerSurvey({ ...later, actor }, id, {
      salesMinor: 5_000_000,
      savingsMinor: 200_000,
      investmentMinor: 1_000_000,
      jobs: 2,
    });
    expect(view.survey).toMatchObject({ answered: true, due: true });
    await expect(
      answerSurvey({ ...later, actor }, id, { salesMinor: 1, savingsMinor: 0, investmentMinor: 0, jobs: 0 }),
    ).rejects.toMatchObject({ status: 409 });
    const outcomes = (await supervisor.get(`/api/platforms/${A}/service-outcomes`)).json();
    expect(outcomes.units).toEqual([
      {
        unitId,
        answers: 1,
        salesMinor: 5_000_000,
        savingsMinor: 200_000,
        investmentMinor: 1_000_000,
        jobs: 2,
        averageRating: 5,
      },
    ]);
    expect((await sme.get(`/api/platforms/${A}/service-outcomes`)).statusCode).toBe(403);
  });
});
