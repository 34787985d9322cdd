import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { createReceipt } from '../agreements/agreements.receipts.js';
import { createAgreement, updateAgreement } from '../agreements/agreements.service.js';
import { buildDisclosure, buildFiling, buildLicence } from '../ip/ip.fixtures.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';

// A small platform whose every figure is known, on calendar years (fiscal year starting in January).
let t: TestApp;
let P: string;
let supervisor: Client;
const url = (q: string) => `/api/platforms/${P}/reports/tech-transfer?${q}`;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  P = (await buildPlatform(ctx, { code: 'TTR' })).id;
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: P });
  supervisor = await signIn(t.app, 'sup');
  const sme = (await buildOrg(ctx)).id;
  const large = (await buildOrg(ctx, { enterpriseSize: 'large' })).id;
  // Flows: disclosures 2018 (outside), 2019, 2020, 2021; filings and grants inside and outside.
  for (const receivedDate of ['2018-12-31', '2019-01-01', '2020-06-30', '2021-12-31', '2022-01-01']) {
    const d = await buildDisclosure(ctx, P, { receivedDate });
    if (receivedDate === '2019-01-01') {
      await buildFiling(ctx, d.id, {
        filingDate: '2019-03-01',
        grantDate: '2021-05-05',
        patentNumber: 'US1',
      });
      await buildFiling(ctx, d.id, {
        jurisdiction: 'EP',
        filingDate: '2019-04-01',
        grantDate: '2022-02-02',
        patentNumber: 'EP1',
      });
    }
  }
  // Stocks: an old licence in force through the period, one ended before it, one signed inside it.
  const old = await buildLicence(ctx, P, {
    partnerOrgId: sme,
    requestDate: null,
    executionDate: '2015-01-01',
  });
  await buildLicence(ctx, P, {
    partnerOrgId: large,
    licenceKind: 'copyright',
    exclusivity: 'non_exclusive',
    requestDate: null,
    executionDate: '2014-01-01',
    endDate: '2018-12-31',
  });
  const fresh = await buildLicence(ctx, P, {
    partnerOrgId: large,
    licenceKind: 'software',
    exclusivity: 'non_exclusive',
    requestDate: '2020-01-01',
    executionDate: '2020-03-01',
  });
  const third = await buildLicence(ctx, P, {
    partnerOrgId: sme,
    requestDate: '2019-06-01',
    executionDate: '2019-06-11',
  });
  await updateAgreement(ctx, third.id, { terminationDate: '2021-01-15', terminationReason: 'for_cause' });
  const pay = (id: string, receivedDate: string, amountMinor: number, category: string, currency = 'USD') =>
    createReceipt(ctx, id, { receivedDate, amountMinor, currency, category: category as never });
  await pay(old.id, '2019-05-01', 10_000, 'earned_royalty');
  await pay(fresh.id, '2020-05-01', 20_000, 'earned_royalty');
  await pay(third.id, '2020-07-01', 70_000, 'earned_royalty');
  await pay(old.id, '2020-08-01', 5_000, 'patent_cost_reimbursement');
  await pay(old.id, '2021-02-01', -1_000, 'refund');
  await pay(old.id, '2018-12-31', 99_999, 'issue_fee'); // outside
  const service = await createAgreement(ctx, P, {
    refNo: 'SVC-1',
    title: '技术服务',
    kind: 'tech_service',
    partnerOrgId: large,
    executionDate: '2020-02-02',
    contractValueMinor: 500_000,
    currency: 'USD',
    ip: [],
  });
  await pay(service.id, '2020-09-09', 300_000, 'other');
});
afterAll(() => t.close());

describe('tech-transfer report', () => {
  it('counts flows in the period and the active-licence stock once, with the federal and AUTM sets', async () => {
    const res = await supervisor.request({ method: 'GET', url: url('from=2019&to=2021&currency=USD') });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      inventionDisclosures: 3,
      patentApplications: 2,
      patentsIssued: 1,
      activeLicences: 3,
      licenceIncome: { amountMinor: 104_000, currency: 'USD' },
    });
    // The latest record whatever the period (the 2022 disclosure), for the page to open where data are.
    expect(r.latestDataDate).toBe('2022-01-01');
    expect(r.years.map((y: { activeLicences: number }) => y.activeLicences)).toEqual([2, 3, 3]);
    expect(r.years.map((y: { inventionDisclosures: number }) => y.inventionDisclosures)).toEqual([1, 1, 1]);
    expect(r.federal.licences.active).toMatchObject({
      total: 3,
      invention: 2,
      otherIp: 1,
      byExclusivity: { exclusive: 2, non_exclusive: 1 },
    });
    expect(r.federal.licences.new.total).toBe(2);
    expect(r.federal.income.earnedRoyalties).toMatchObject({
      total: { amountMinor: 100_000 },
      licences: 3,
      median: { amountMinor: 20_000 },
      min: { amountMinor: 10_000 },
      max: { amountMinor: 70_000 },
      top1Share: 0.7,
      top20Share: 0.7,
    });
    expect(r.federal.executionTime).toEqual({ licences: 2, averageDays: 35, minDays: 10, maxDays: 60 });
    expect(r.federal.terminatedForCause).toBe(1);
    expect(r.federal.smallBusiness).toMatchObject({ activeLicences: 2, licenceShare: 2 / 3 });
    expect(r.autm).toMatchObject({
      newPatentApplications: 2,
      totalUsApplications: 1,
      usPatentsIssued: 1,
      licenceIncome: { amountMinor: 99_000 },
      excluded: { amountMinor: 5_000 },
    });
    const svc = r.china.modes.find((m: { mode: string }) => m.mode === 'tech_service');
    expect(svc).toEqual({
      mode: 'tech_service',
      contracts: 1,
      contractValue: { amountMinor: 500_000, currency: 'USD' },
      cashReceived: { amountMinor: 300_000, currency: 'USD' },
    });
    expect(r.china.serviceTotal.contracts).toBe(1);
  });

  it('needs an exchange rate for every currency-year it converts, then converts', async () => {
    await buildLicence(t.systemCtx(), P, {
      refNo: 'EUR-1',
      executionDate: '2020-01-01',
      currency: 'EUR',
    }).then((l) =>
      createReceipt(t.systemCtx(), l.id, {
        receivedDate: '2020-04-04',
        amountMinor: 10_000,
        currency: 'EUR',
        category: 'issue_fee',
      }),
    );
    const missing = await supervisor.request({ method: 'GET', url: url('from=2019&to=2021&currency=USD') });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'ttreports.missing_fx_rate', missing: ['EUR 2020'] });
    expect(missing.json().errors).toContainEqual(
      expect.objectContaining({ in: 'querystring', pointer: '/currency' }),
    );
    await t.database.db
      .insertInto('fx_rates')
      .values({
        id: crypto.randomUUID(),
        year: 2020,
        currency: 'EUR',
        quote_currency: 'USD',
        rate_micros: 1_150_000,
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const ok = await supervisor.request({ method: 'GET', url: url('from=2019&to=2021&currency=USD') });
    expect(ok.json().licenceIncome).toEqual({ amountMinor: 104_000 + 11_500, currency: 'USD' });
    // The inverse rate serves a report in euros.
    const eur = await supervisor.request({ method: 'GET', url: url('from=2020&to=2020&currency=EUR') });
    // Converted per group (category and kind) and rounded to the cent: 70 000, 20 000 and 5 000 US cents.
    expect(eur.json().licenceIncome.amountMinor).toBe(10_000 + 60_870 + 17_391 + 4_348);
  });

  it('filters by unit, and refuses a period that ends before it starts', async () => {
    const none = await supervisor.request({
      method: 'GET',
      url: url(`from=2019&to=2021&currency=USD&unitId=${crypto.randomUUID()}`),
    });
    expect(none.json()).toMatchObject({
      latestDataDate: null,
      inventionDisclosures: 0,
      activeLicences: 0,
      licenceIncome: { amountMinor: 0 },
    });
    const bad = await supervisor.request({ method: 'GET', url: url('from=2021&to=2019') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ in: 'querystring', pointer: '/to' }));
  });

  it('gives a lab director only the units it directs, as analytics does (whole platform before)', async () => {
    const ctx = t.systemCtx();
    const director = await buildUser(ctx, { username: 'ttdirector', roles: ['lab_director'], platformId: P });
    const person = (await buildPerson(ctx, { userId: director.id })).id;
    const own = (await buildUnit(ctx, { platformId: P, nameEn: 'Own Lab', directorPersonId: person })).id;
    const other = (await buildUnit(ctx, { platformId: P, nameEn: 'Other Lab' })).id;
    await buildUser(ctx, { username: 'ttnounit', roles: ['lab_director'], platformId: P });
    const whole = (await supervisor.get(url('from=2019&to=2021&currency=USD'))).json();
    expect(whole.inventionDisclosures).toBe(3);

    const me = await signIn(t.app, 'ttdirector');
    const mine = await me.get(url('from=2019&to=2021&currency=USD'));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().scope.unitId).toBe(own);
    expect(mine.json()).toMatchObject({ inventionDisclosures: 0, activeLicences: 0 });
    expect((await me.get(url(`from=2019&to=2021&currency=USD&unitId=${own}`))).statusCode).toBe(200);
    expect((await me.get(url(`from=2019&to=2021&currency=USD&unitId=${other}`))).statusCode).toBe(403);
    const xlsx = await me.get(
      `/api/platforms/${P}/reports/tech-transfer.xlsx?from=2019&to=2021&currency=USD&unitId=${other}`,
    );
    expect(xlsx.statusCode).toBe(403);
    const none = await signIn(t.app, 'ttnounit');
    expect((await none.get(url('from=2019&to=2021&currency=USD'))).statusCode).toBe(403);
  });
});
