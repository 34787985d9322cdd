import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../../db/schema.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createInquiry, getInquiry, transitionInquiry } from '../inquiries/inquiries.service.js';
import { buildDisclosure, buildLicence } from '../ip/ip.fixtures.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { makeResult, technologyBody } from '../results/results.fixtures.js';

let t: TestApp;
let P: string;
let officer: Client;
let partner: string;

const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER)
    out[table] = Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
};

async function rejects(
  req: { method: 'POST' | 'PATCH' | 'PUT'; url: string; payload: object },
  status: number,
  pointer: string,
  code: string,
) {
  const before = await counts();
  const res = await officer.request(req);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  expect(res.json().errors).toContainEqual(expect.objectContaining({ pointer, code }));
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  t = await setupTestApp();
  P = (await buildPlatform(t.systemCtx(), { code: 'AGR' })).id;
  await buildUser(t.systemCtx(), { username: 'tto', roles: ['tech_transfer_officer'], platformId: P });
  officer = await signIn(t.app, 'tto');
  partner = (await buildOrg(t.systemCtx())).id;
});
afterAll(() => t.close());

const licenceBody = (over: Record<string, unknown> = {}) => ({
  refNo: `L-${Math.random().toString(36).slice(2)}`,
  title: 'Exclusive licence, frequency combs',
  kind: 'licence',
  licenceKind: 'invention',
  exclusivity: 'exclusive',
  fieldOfUse: 'Telecommunications test equipment',
  territory: 'Worldwide',
  partnerOrgId: partner,
  requestDate: '2019-02-01',
  executionDate: '2019-05-01',
  currency: 'USD',
  ...over,
});

describe('agreements', () => {
  it('records a licence with its SME licensee and refuses dates out of order and incomplete terms, writing nothing', async () => {
    const url = `/api/platforms/${P}/agreements`;
    const ok = await officer.request({ method: 'POST', url, payload: licenceBody() });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().partner.smallBusiness).toBe(true);
    await rejects(
      { method: 'POST', url, payload: licenceBody({ executionDate: '2019-01-31' }) },
      400,
      '/executionDate',
      'agreements.date_order',
    );
    await rejects(
      { method: 'POST', url, payload: licenceBody({ licenceKind: null }) },
      400,
      '/licenceKind',
      'agreements.licence_kind_required',
    );
    await rejects(
      { method: 'POST', url, payload: licenceBody({ kind: 'tech_service', contractValueMinor: 5000 }) },
      400,
      '/licenceKind',
      'agreements.licence_terms_forbidden',
    );
    await rejects(
      { method: 'POST', url, payload: licenceBody({ terminationDate: '2020-01-01' }) },
      400,
      '/terminationReason',
      'agreements.termination_incomplete',
    );
    await rejects(
      { method: 'POST', url, payload: licenceBody({ partnerOrgId: crypto.randomUUID() }) },
      400,
      '/partnerOrgId',
      'agreements.unknown_partner',
    );
    await rejects(
      {
        method: 'PATCH',
        url: `/api/agreements/${ok.json().id}`,
        payload: { terminationDate: '2019-04-30', terminationReason: 'for_cause' },
      },
      400,
      '/terminationDate',
      'agreements.date_order',
    );
    const ended = await officer.request({
      method: 'PATCH',
      url: `/api/agreements/${ok.json().id}`,
      payload: { terminationDate: '2021-04-30', terminationReason: 'for_cause' },
    });
    expect(ended.json()).toMatchObject({ terminationDate: '2021-04-30', terminationReason: 'for_cause' });
  });

  it('refuses negative amounts other than refunds and positive refunds, writing nothing', async () => {
    const l = await buildLicence(t.systemCtx(), P, { partnerOrgId: partner });
    const url = `/api/agreements/${l.id}/receipts`;
    const body = { receivedDate: '2020-03-01', currency: 'USD' };
    await rejects(
      { method: 'POST', url, payload: { ...body, amountMinor: -5000, category: 'earned_royalty' } },
      400,
      '/amountMinor',
      'agreements.negative_not_refund',
    );
    await rejects(
      { method: 'POST', url, payload: { ...body, amountMinor: 5000, category: 'refund' } },
      400,
      '/amountMinor',
      'agreements.refund_not_negative',
    );
    const refund = await officer.request({
      method: 'POST',
      url,
      payload: { ...body, amountMinor: -5000, category: 'refund' },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().received).toEqual([{ amountMinor: -5000, currency: 'USD' }]);
  });

  it('distributes income under the rule: the first $2,000 a year and 15 % of the rest to inventors by share', async () => {
    const rule = await officer.request({
      method: 'PUT',
      url: `/api/platforms/${P}/distribution-rule`,
      payload: {
        name: '15 U.S.C. 3710c',
        currency: 'USD',
        inventorFirstMinor: 200_000,
        inventorSharePct: 15,
      },
    });
    expect(rule.json().rule).toMatchObject({ inventorFirstMinor: 200_000, inventorSharePct: 15 });
    const d = await buildDisclosure(t.systemCtx(), P);
    const l = await buildLicence(t.systemCtx(), P, { partnerOrgId: partner, ip: [{ disclosureId: d.id }] });
    const pay = (amountMinor: number, receivedDate: string) =>
      officer.request({
        method: 'POST',
        url: `/api/agreements/${l.id}/receipts`,
        payload: { receivedDate, amountMinor, currency: 'USD', category: 'earned_royalty' },
      });
    const parts = (res: Awaited<ReturnType<typeof pay>>) =>
      res
        .json()
        .receipts.at(-1)
        .distributions.map((x: { recipientName: string; amount: { amountMinor: number } }) => [
          x.recipientName,
          x.amount.amountMinor,
        ]);
    // $10,000: $2,000 + 15 % of $8,000 = $3,200 to the inventors (60/40), $6,800 to the platform.
    expect(parts(await pay(1_000_000, '2021-02-01'))).toEqual([
      ['Ada Inventor', 192_000],
      ['Bo Inventor', 128_000],
      ['平台AGR', 680_000],
    ]);
    // Later the same year the first $2,000 is used up: 15 % of $1,000.
    expect(parts(await pay(100_000, '2021-06-01'))).toEqual([
      ['Ada Inventor', 9_000],
      ['Bo Inventor', 6_000],
      ['平台AGR', 85_000],
    ]);
    // A new year starts a new allowance.
    expect(parts(await pay(100_000, '2022-01-15'))).toEqual([
      ['Ada Inventor', 60_000],
      ['Bo Inventor', 40_000],
    ]);
  });

  it('closes the portal funnel: a licence answering an inquiry moves it to licensed, in the same transaction', async () => {
    const ctx = t.systemCtx();
    const result = await makeResult(ctx, technologyBody(P));
    const { id } = await createInquiry({ ...ctx, actor: null }, result.id, {
      kind: 'licensing',
      name: '王工',
      organisation: '某计量仪器公司',
      email: 'wang@example.com',
      message: '希望了解独占许可的条件和费用。',
      locale: 'zh-CN',
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    await transitionInquiry(ctx, id, { to: 'in_discussion' } as never);
    const url = `/api/platforms/${P}/agreements`;
    await rejects(
      { method: 'POST', url, payload: licenceBody({ inquiryId: crypto.randomUUID() }) },
      400,
      '/inquiryId',
      'agreements.unknown_inquiry',
    );
    await rejects(
      {
        method: 'POST',
        url,
        payload: licenceBody({ kind: 'crada', licenceKind: null, exclusivity: null, inquiryId: id }),
      },
      400,
      '/inquiryId',
      'agreements.inquiry_needs_licence',
    );
    const res = await officer.request({ method: 'POST', url, payload: licenceBody({ inquiryId: id }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(await getInquiry(ctx, id)).toMatchObject({ state: 'licensed', licenceId: res.json().id });
  });

  it('keeps yearly FX rates (insert or replace) and refuses a rate between one currency', async () => {
    const put = (rates: object[]) =>
      officer.request({ method: 'PUT', url: '/api/fx-rates', payload: { rates } });
    expect((await put([{ year: 2020, currency: 'EUR', quoteCurrency: 'USD', rate: 1.14 }])).statusCode).toBe(
      200,
    );
    const res = await put([{ year: 2020, currency: 'EUR', quoteCurrency: 'USD', rate: 1.142 }]);
    expect(res.json().items).toEqual([
      expect.objectContaining({ year: 2020, currency: 'EUR', quoteCurrency: 'USD', rate: 1.142 }),
    ]);
    await rejects(
      {
        method: 'PUT',
        url: '/api/fx-rates',
        payload: { rates: [{ year: 2020, currency: 'USD', quoteCurrency: 'USD', rate: 1 }] },
      },
      400,
      '/rates/0/quoteCurrency',
      'fx.same_currency',
    );
  });
});
