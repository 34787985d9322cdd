import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { pdfBytes } from '../applications/applications.fixtures.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildPublishedInstrument } from '../instruments/instruments.fixtures.js';
import { buildPublishedService } from '../services/services.fixtures.js';
import { profile, schemeInput } from '../vouchers/vouchers.fixtures.js';
import type { DashboardView } from './service-dashboards.schema.js';

/**
 * The three dashboards of services to enterprises (issue 14): each sums only what its reader may see.
 * Two units (each with its director) serve two enterprises; one enterprise pays 60 % with a voucher.
 * Every figure is checked against the other side's records so a leak shows as a wrong count.
 */
let t: TestApp;
let A: string;
let units: [string, string];
let instrument: string;
let dir1: Client;
let dir2: Client;
let sme1: Client;
let sme2: Client;
let sup: Client;
let supB: Client;

const move = async (c: Client, id: string, body: object) => {
  const res = await c.post(`/api/service-requests/${id}/transitions`, body);
  expect(res.statusCode, res.body).toBe(200);
};
const dashboard = async (c: Client, kind: string, platformId = A) => {
  const res = await c.get(`/api/service-dashboards/${kind}?platformId=${platformId}`);
  expect(res.statusCode, res.body).toBe(200);
  const d = res.json() as DashboardView;
  return {
    d,
    fig: (code: string) => d.figures.find((f) => f.code === code)?.value,
    chart: (kind: string) => {
      const c = d.charts.find((x) => x.kind === kind)!;
      return Object.fromEntries(
        c.categories.map((cat, i) => [
          cat.code,
          Object.fromEntries(c.series.map((s) => [s.code, s.values[i]])),
        ]),
      );
    },
  };
};

/** A request of `c` to `service`, quoted at `price` by `director`; optionally taken on to rated. */
async function request(
  c: Client,
  director: Client,
  service: string,
  price: number,
  o: { voucherId?: string; rating?: number } = {},
) {
  const id = (await c.post(`/api/services/${service}/requests`, { description: '材料成分检测' })).json().id;
  await move(director, id, { action: 'quote', priceMinor: price, dueOn: '2026-06-20' });
  if (o.rating === undefined) return id;
  if (o.voucherId)
    expect((await c.post(`/api/service-requests/${id}/voucher`, { voucherId: o.voucherId })).statusCode).toBe(
      201,
    );
  await move(c, id, { action: 'accept' });
  await move(director, id, { action: 'contract' });
  await move(director, id, { action: 'start' });
  const res = await director.request({
    method: 'POST',
    url: `/api/service-requests/${id}/report`,
    ...multipart(pdfBytes(`report ${id}`), '检测报告.pdf'),
  });
  expect(res.statusCode, res.body).toBe(200);
  await move(c, id, { action: 'rate', rating: o.rating });
  return id;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const B = (await buildPlatform(ctx, { code: 'B' })).id;
  const ids: string[] = [];
  for (const name of ['dir1', 'dir2']) {
    const u = await buildUser(ctx, { username: name, roles: ['lab_director'], platformId: A });
    ids.push(
      (
        await buildUnit(ctx, {
          platformId: A,
          directorPersonId: (await buildPerson(ctx, { userId: u.id })).id,
        })
      ).id,
    );
  }
  units = [ids[0]!, ids[1]!];
  for (const [name, org] of [
    ['sme1', '聊城某机械有限公司'],
    ['sme2', '济南某新材料有限公司'],
  ] as const) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    await buildPerson(ctx, {
      userId: u.id,
      organisationId: (await buildOrganisation(ctx, { nameZh: org })).id,
    });
  }
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'supB', roles: ['supervisor'], platformId: B });
  const signInAll = async () => {
    const c = await Promise.all(['dir1', 'dir2', 'sme1', 'sme2', 'sup', 'supB'].map((u) => signIn(t.app, u)));
    [dir1, dir2, sme1, sme2, sup, supB] = [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!];
  };
  await signInAll();
  const s1 = (
    await buildPublishedService(ctx, A, units[0], {
      kind: 'testing',
      priceRule: 'fixed',
      priceMinor: 100_000,
    })
  ).id;
  const s2 = (
    await buildPublishedService(ctx, A, units[1], {
      kind: 'calibration',
      priceRule: 'fixed',
      priceMinor: 50_000,
    })
  ).id;
  instrument = (await buildPublishedInstrument(ctx, A, units[0])).id;

  const scheme = (await sup.post(`/api/platforms/${A}/voucher-schemes`, schemeInput(units[0]))).json().id;
  await sup.post(`/api/voucher-schemes/${scheme}/state`, { to: 'open' });
  const applied = await sme1.post(`/api/voucher-schemes/${scheme}/applications`, {
    amountMinor: 200_000,
    profile: profile(),
  });
  const voucherId = (
    await sup.post(`/api/vouchers/${applied.json().id}/decision`, { action: 'issue' })
  ).json().id;

  // sme1: one request paid 60 % by voucher, rated 5 and redeemed; one quote still to answer.
  const paid = await request(sme1, dir1, s1, 100_000, { voucherId, rating: 5 });
  const redemptionId = (await sup.get(`/api/voucher-redemptions?platformId=${A}`)).json().items[0].id;
  const proof = { contractRef: 'HT-1', paymentRef: '回单 1', paidByEnterpriseMinor: 40_000 };
  expect((await dir1.post(`/api/voucher-redemptions/${redemptionId}/redeem`, proof)).statusCode).toBe(200);
  expect(paid).toBeTruthy();
  await request(sme1, dir1, s1, 100_000);
  // sme2: one request to the other unit, rated 3, no voucher.
  await request(sme2, dir2, s2, 50_000, { rating: 3 });

  // Four machine hours used of the instrument, then the clock moves past them.
  const booked = await sme1.post(`/api/instruments/${instrument}/bookings`, {
    startsAt: '2026-06-02T10:00:00.000Z',
    endsAt: '2026-06-02T14:00:00.000Z',
    purpose: '样品观察',
  });
  expect(booked.statusCode, booked.body).toBe(201);
  expect(
    (await dir1.post(`/api/instrument-bookings/${booked.json().id}/decision`, { action: 'approve' }))
      .statusCode,
  ).toBe(200);
  t.clock.set('2026-06-03T00:00:00.000Z');
  await signInAll(); // the sessions went idle over the night
});
afterAll(() => t.close());

describe('the enterprise dashboard', () => {
  it("counts the enterprise's own requests, spend, voucher use and ratings, not another's", async () => {
    const one = await dashboard(sme1, 'enterprise');
    expect(one.d.currency).toBe('CNY');
    expect(one.fig('requests')).toBe(2);
    expect(one.fig('quotes_to_answer')).toBe(1);
    expect(one.fig('spent')).toBe(100_000);
    expect(one.fig('voucher_paid')).toBe(60_000);
    expect(one.fig('voucher_balance')).toBe(140_000);
    expect(one.fig('ratings_given')).toBe(1);
    expect(one.fig('average_rating_given')).toBe(5);
    expect(one.chart('requests.by_state')).toMatchObject({
      quoted: { value: 1 },
      rated: { value: 1 },
      submitted: { value: 0 },
    });
    expect(one.chart('spend.by_month')).toEqual({ '2026-06': { own_share: 40_000, voucher: 60_000 } });

    const two = await dashboard(sme2, 'enterprise');
    expect(two.fig('requests')).toBe(1);
    expect(two.fig('spent')).toBe(50_000);
    expect(two.fig('voucher_paid')).toBe(0);
    expect(two.fig('voucher_balance')).toBe(0);
    expect(two.fig('average_rating_given')).toBe(3);
  });
});

describe('the service unit dashboard', () => {
  it("sums the units the caller directs: queue, revenue, redemptions, ratings, instruments' hours", async () => {
    const one = await dashboard(dir1, 'unit');
    expect(one.fig('queue_open')).toBe(1);
    expect(one.fig('revenue')).toBe(100_000);
    expect(one.fig('voucher_redeemed')).toBe(60_000);
    expect(one.fig('ratings_received')).toBe(1);
    expect(one.fig('average_rating_received')).toBe(5);
    expect(one.fig('on_time')).toBe(100);
    expect(one.fig('average_turnaround')).toBe(0);
    expect(one.chart('ratings.by_score')).toMatchObject({ '5': { value: 1 }, '3': { value: 0 } });
    expect(one.chart('revenue.by_month')).toEqual({ '2026-06': { revenue: 100_000, voucher: 60_000 } });
    // 4 of 12 open hours a day over 30 days.
    expect(one.chart('instruments.use')).toEqual({ [instrument]: { value: 1 } });

    const two = await dashboard(dir2, 'unit');
    expect(two.fig('queue_open')).toBe(0);
    expect(two.fig('revenue')).toBe(50_000);
    expect(two.fig('voucher_redeemed')).toBe(0);
    expect(two.fig('average_rating_received')).toBe(3);
    expect(two.fig('instrument_use')).toBeNull();
    expect(two.chart('instruments.use')).toEqual({});
  });
});

describe('the supervisor dashboard', () => {
  it('reads the whole platform: vouchers by scheme, enterprises by region, requests by kind', async () => {
    const s = await dashboard(sup, 'supervisor');
    expect(s.fig('schemes')).toBe(1);
    expect(s.fig('vouchers_issued')).toBe(200_000);
    expect(s.fig('vouchers_redeemed')).toBe(60_000);
    expect(s.fig('vouchers_settled')).toBe(0);
    expect(s.fig('enterprises_served')).toBe(2);
    expect(Object.values(s.chart('vouchers.by_scheme'))).toEqual([
      { applied: 200_000, issued: 200_000, redeemed: 60_000, settled: 0 },
    ]);
    expect(s.chart('enterprises.by_region')).toEqual({ 聊城: { value: 1 }, undeclared: { value: 1 } });
    expect(s.chart('requests.by_kind')).toMatchObject({ testing: { value: 2 }, calibration: { value: 1 } });
  });

  it('refuses those who may not read a dashboard: 403 on their platform, 404 elsewhere', async () => {
    for (const [c, kind, code] of [
      [sme1, 'supervisor', 403],
      [sme1, 'unit', 403],
      [dir1, 'enterprise', 403],
      [dir1, 'supervisor', 403],
      [sup, 'unit', 403],
      [supB, 'supervisor', 404],
      [supB, 'enterprise', 404],
    ] as const) {
      const res = await c.get(`/api/service-dashboards/${kind}?platformId=${A}`);
      expect([kind, res.statusCode]).toEqual([kind, code]);
    }
  });
});
