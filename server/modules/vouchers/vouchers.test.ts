import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { pdfBytes } from '../applications/applications.fixtures.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildPublishedService } from '../services/services.fixtures.js';
import { profile, schemeInput } from './vouchers.fixtures.js';

let t: TestApp;
let A: string;
let unitId: string;
let service: string;
let director: Client;
let sme: Client;
let sme2: Client;
let sme3: Client;
let supervisor: Client;
let scheme: string;

const count = async (table: 'vouchers' | 'voucher_ledger' | 'voucher_redemptions') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const move = (c: Client, id: string, body: object) => c.post(`/api/service-requests/${id}/transitions`, body);

/** A request of `c`'s enterprise quoted at `price`. */
async function request(c: Client, price: number) {
  const id = (await c.post(`/api/services/${service}/requests`, { description: '材料成分检测' })).json().id;
  await move(director, id, { action: 'quote', priceMinor: price, dueOn: '2030-01-15' });
  return id;
}

/** The quoted request taken on to delivered, its report uploaded. */
async function deliverRequest(c: Client, id: string, k: number) {
  await move(c, id, { action: 'accept' });
  await move(director, id, { action: 'contract' });
  await move(director, id, { action: 'start' });
  const res = await director.request({
    method: 'POST',
    url: `/api/service-requests/${id}/report`,
    ...multipart(pdfBytes(`report ${k} ${id}`), '检测报告.pdf'),
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

async function issued(c: Client, amountMinor: number, p = profile()) {
  const applied = await c.post(`/api/voucher-schemes/${scheme}/applications`, { amountMinor, profile: p });
  expect(applied.statusCode, applied.body).toBe(201);
  const res = await supervisor.post(`/api/vouchers/${applied.json().id}/decision`, { action: 'issue' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

/** Replays a voucher's ledger: each entry's balance follows from the one before, the last is the balance. */
async function replay(voucherId: string, c: Client = supervisor) {
  const v = (await c.get(`/api/vouchers/${voucherId}`)).json();
  let balance = 0;
  for (const [i, e] of v.ledger.entries()) {
    expect(e.seq).toBe(i + 1);
    balance += e.amountMinor;
    expect(e.balanceAfterMinor).toBe(balance);
    expect(balance).toBeGreaterThanOrEqual(0);
  }
  expect(v.balanceMinor).toBe(balance);
  return v;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  service = (
    await buildPublishedService(ctx, A, unitId, { kind: 'testing', priceRule: 'fixed', priceMinor: 100_000 })
  ).id;
  for (const [name, org] of [
    ['sme', '聊城某机械有限公司'],
    ['sme2', '聊城某机械销售有限公司'],
    ['sme3', '济南某新材料有限公司'],
  ] as const) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    await buildPerson(ctx, {
      userId: u.id,
      organisationId: (await buildOrganisation(ctx, { nameZh: org })).id,
    });
  }
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: A });
  director = await signIn(t.app, 'dir');
  sme = await signIn(t.app, 'sme');
  sme2 = await signIn(t.app, 'sme2');
  sme3 = await signIn(t.app, 'sme3');
  supervisor = await signIn(t.app, 'sup');
  const created = await supervisor.post(`/api/platforms/${A}/voucher-schemes`, schemeInput(unitId));
  expect(created.statusCode, created.body).toBe(201);
  scheme = created.json().id;
  expect((await supervisor.post(`/api/voucher-schemes/${scheme}/state`, { to: 'open' })).json().state).toBe(
    'open',
  );
});
afterAll(() => t.close());

describe('voucher schemes and applications', () => {
  it('only the supervisor sets up a scheme; once open its rules are fixed', async () => {
    expect((await sme.post(`/api/platforms/${A}/voucher-schemes`, schemeInput(unitId))).statusCode).toBe(403);
    expect((await director.post(`/api/platforms/${A}/voucher-schemes`, schemeInput(unitId))).statusCode).toBe(
      403,
    );
    const edit = await supervisor.put(`/api/voucher-schemes/${scheme}`, schemeInput(unitId));
    expect(edit.statusCode).toBe(409);
    const bad = await supervisor.post(`/api/platforms/${A}/voucher-schemes`, {
      ...schemeInput(unitId),
      rules: {
        ...schemeInput(unitId).rules,
        caps: { perEnterprisePerYearMinor: -1, perControllerPerYearMinor: 5.5 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining([
        '/rules/caps/perEnterprisePerYearMinor',
        '/rules/caps/perControllerPerYearMinor',
      ]),
    );
  });

  it('lists open schemes to anyone, signed in or not, the same; drafts only to the supervisor', async () => {
    const draft = await supervisor.post(`/api/platforms/${A}/voucher-schemes`, {
      ...schemeInput(unitId),
      nameZh: '下一年度创新券（草案）',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const ctx = t.systemCtx();
    const B = (await buildPlatform(ctx, { code: 'B' })).id;
    await buildUser(ctx, { username: 'badmin', roles: ['platform_admin'], platformId: B });
    const otherAdmin = await signIn(t.app, 'badmin');
    const ids = (body: { items: { id: string }[] }) => body.items.map((s) => s.id).sort();
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/public/platforms/${A}/voucher-schemes`,
    });
    expect(anonymous.statusCode).toBe(200);
    expect(ids(anonymous.json())).toEqual([scheme]);
    expect(anonymous.json().items[0]).toMatchObject({ state: 'open', rules: schemeInput(unitId).rules });
    for (const c of [sme, director, otherAdmin])
      expect(ids((await c.get(`/api/platforms/${A}/voucher-schemes`)).json())).toEqual([scheme]);
    expect(ids((await supervisor.get(`/api/platforms/${A}/voucher-schemes`)).json())).toEqual(
      [scheme, draft.json().id].sort(),
    );
    // The signed-in route still asks for a session; the public one is the anonymous door.
    const signedOut = await t.app.inject({ method: 'GET', url: `/api/platforms/${A}/voucher-schemes` });
    expect(signedOut.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/public/platforms/00000000-0000-4000-8000-000000000000/voucher-schemes',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses an ineligible enterprise, a cap per enterprise and per actual controller with the pointer, nothing written', async () => {
    const before = await count('vouchers');
    const apply = (c: Client, amountMinor: number, p = profile()) =>
      c.post(`/api/voucher-schemes/${scheme}/applications`, { amountMinor, profile: p });
    const ineligible = await apply(
      sme,
      50_000,
      profile({ size: 'large', region: '青岛', registeredOn: '2030-01-01' }),
    );
    expect(ineligible.statusCode).toBe(422);
    expect(ineligible.json().code).toBe('vouchers.not_eligible');
    expect(ineligible.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/profile/size',
      '/profile/region',
      '/profile/registeredOn',
    ]);
    const overCap = await apply(sme, 200_001);
    expect(overCap.statusCode).toBe(422);
    expect(overCap.json()).toMatchObject({ code: 'vouchers.over_enterprise_cap', remainingMinor: 200_000 });
    expect(overCap.json().errors[0].pointer).toBe('/amountMinor');
    expect((await apply(sme, -5)).statusCode).toBe(400);
    expect((await apply(director, 5)).statusCode).toBe(403);
    expect(await count('vouchers')).toBe(before);
    // One controller behind two enterprises: the second one meets the group's cap.
    await issued(sme, 200_000);
    const split = await apply(sme2, 150_000, profile({ controllerId: '370102 198001010011' }));
    expect(split.statusCode).toBe(422);
    expect(split.json()).toMatchObject({ code: 'vouchers.over_controller_cap', remainingMinor: 100_000 });
    const signals = (await supervisor.get(`/api/platforms/${A}/voucher-fraud-signals`)).json();
    expect(signals.items).toEqual([]);
    await issued(sme2, 100_000, profile({ controllerId: '370102198001010011' }));
    const after = (await supervisor.get(`/api/platforms/${A}/voucher-fraud-signals`)).json();
    expect(after.items).toEqual([
      expect.objectContaining({
        kind: 'same_controller',
        evidence: expect.objectContaining({ controllerId: '370102198001010011', controllerName: '张三' }),
      }),
    ]);
    expect((await sme.get(`/api/platforms/${A}/voucher-fraud-signals`)).statusCode).toBe(403);
  });
});

describe('paying a quote with a voucher', () => {
  it('plans the share, redeems with contract, report and proof, settles the month; the ledger replays', async () => {
    const voucherId = (await sme.get(`/api/vouchers?platformId=${A}`)).json().items[0].id;
    expect((await sme2.get(`/api/vouchers/${voucherId}`)).statusCode).toBe(404);
    const id = await request(sme, 100_000);
    // 聊城 enterprise, 济南 provider: 60 %, no local bonus.
    const use = await sme.post(`/api/service-requests/${id}/voucher`, { voucherId });
    expect(use.statusCode, use.body).toBe(201);
    expect(use.json()).toMatchObject({ state: 'planned', priceMinor: 100_000, voucherMinor: 60_000 });
    expect((await sme.post(`/api/service-requests/${id}/voucher`, { voucherId })).statusCode).toBe(409);
    const redemptionId = use.json().id;
    const proof = { contractRef: 'HT-2031-001', paymentRef: '银行回单 0001', paidByEnterpriseMinor: 40_000 };
    // Not delivered yet: no redemption.
    const early = await director.post(`/api/voucher-redemptions/${redemptionId}/redeem`, proof);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('vouchers.report_required');
    await move(sme, id, { action: 'accept' });
    await move(director, id, { action: 'contract' });
    await move(director, id, { action: 'start' });
    await director.request({
      method: 'POST',
      url: `/api/service-requests/${id}/report`,
      ...multipart(pdfBytes('v1'), '报告.pdf'),
    });
    const ledgerBefore = await count('voucher_ledger');
    const short = await director.post(`/api/voucher-redemptions/${redemptionId}/redeem`, {
      ...proof,
      paidByEnterpriseMinor: 39_999,
    });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'vouchers.payment_required', owedMinor: 40_000 });
    expect(short.json().errors[0].pointer).toBe('/paidByEnterpriseMinor');
    expect((await sme.post(`/api/voucher-redemptions/${redemptionId}/redeem`, proof)).statusCode).toBe(403);
    expect(await count('voucher_ledger')).toBe(ledgerBefore);
    const done = await director.post(`/api/voucher-redemptions/${redemptionId}/redeem`, proof);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'redeemed', contractRef: 'HT-2031-001' });
    const v = await replay(voucherId);
    expect(v.balanceMinor).toBe(140_000);
    expect(v.ledger.map((e: { kind: string }) => e.kind)).toEqual(['issue', 'redeem']);
    const month = done.json().redeemedAt.slice(0, 7);
    const settled = await supervisor.post(`/api/platforms/${A}/voucher-settlements`, { month });
    expect(settled.statusCode, settled.body).toBe(201);
    expect(settled.json()).toMatchObject({ month, totalMinor: 60_000, currency: 'CNY' });
    expect(settled.json().redemptions.map((x: { id: string }) => x.id)).toEqual([redemptionId]);
    expect((await supervisor.post(`/api/platforms/${A}/voucher-settlements`, { month })).statusCode).toBe(
      409,
    );
    expect((await director.get(`/api/voucher-settlements/${settled.json().id}`)).statusCode).toBe(404);
  });

  it('never spends a balance twice: 20 concurrent redemptions over HTTP; a redemption taken is not taken again', async () => {
    // 济南 enterprise with a 济南 provider: 40 % + 30 % local = 70 %; each quote of 50 000 plans 35 000.
    const voucherId = await issued(
      sme3,
      100_000,
      profile({ region: '济南', controllerId: '91370100MA3C000000' }),
    );
    const redemptions: string[] = [];
    for (let k = 0; k < 20; k++) {
      const id = await request(sme3, 50_000);
      const use = await sme3.post(`/api/service-requests/${id}/voucher`, { voucherId });
      expect(use.json().voucherMinor, use.body).toBe(35_000);
      await deliverRequest(sme3, id, k);
      redemptions.push(use.json().id);
    }
    const proof = { contractRef: 'HT', paymentRef: 'PAY', paidByEnterpriseMinor: 15_000 };
    const answers = await Promise.all(
      redemptions.map((id) => director.post(`/api/voucher-redemptions/${id}/redeem`, proof)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(2);
    for (const a of answers.filter((x) => x.statusCode !== 200)) {
      expect(a.statusCode, a.body).toBe(422);
      expect(a.json().code).toBe('vouchers.insufficient_balance');
    }
    const v = await replay(voucherId);
    expect(v.balanceMinor).toBe(30_000);
    expect(v.ledger).toHaveLength(3);
    // A redemption already taken is not taken again, even fired twice at once.
    const won = redemptions[codes.indexOf(200)]!;
    const again = await Promise.all(
      [1, 2].map(() => director.post(`/api/voucher-redemptions/${won}/redeem`, proof)),
    );
    expect(again.map((a) => a.statusCode)).toEqual([409, 409]);
    expect((await replay(voucherId)).balanceMinor).toBe(30_000);
  });
});
