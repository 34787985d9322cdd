import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../../db/schema.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildDisclosure, buildFiling } from './ip.fixtures.js';

let t: TestApp;
let P: string;
let officer: Client;

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

/** A 4xx problem with the field pointer, and nothing written. */
async function rejects(
  req: { method: 'POST' | 'PATCH'; url: string; payload: object },
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
  P = (await buildPlatform(t.systemCtx(), { code: 'IPT' })).id;
  await buildUser(t.systemCtx(), { username: 'tto', roles: ['tech_transfer_officer'], platformId: P });
  officer = await signIn(t.app, 'tto');
});
afterAll(() => t.close());

const disclosureBody = (refNo: string, inventors: Array<{ name: string; sharePct: number }>) => ({
  refNo,
  title: 'Chip-scale atomic clock',
  ipKind: 'patentable',
  receivedDate: '2014-05-06',
  fundingSource: 'Appropriation',
  firstPublicDisclosureDate: '2014-09-01',
  inventors,
});

describe('invention disclosures', () => {
  it('records a disclosure with inventors whose shares add up to 100 %, audited', async () => {
    const res = await officer.request({
      method: 'POST',
      url: `/api/platforms/${P}/ip/disclosures`,
      payload: disclosureBody('D-1', [
        { name: 'A. Smith', sharePct: 33.34 },
        { name: 'B. Chen', sharePct: 33.33 },
        { name: 'C. Rossi', sharePct: 33.33 },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().inventors.map((i: { sharePct: number }) => i.sharePct)).toEqual([33.34, 33.33, 33.33]);
    expect(res.json()).toMatchObject({ receivedDate: '2014-05-06', firstPublicDisclosureDate: '2014-09-01' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ip.disclosure_created']);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses shares that do not add up to 100 %, a duplicate reference and an unknown person', async () => {
    const url = `/api/platforms/${P}/ip/disclosures`;
    await rejects(
      {
        method: 'POST',
        url,
        payload: disclosureBody('D-2', [
          { name: 'A', sharePct: 60 },
          { name: 'B', sharePct: 30 },
        ]),
      },
      400,
      '/inventors',
      'ip.shares_sum',
    );
    await rejects(
      { method: 'POST', url, payload: disclosureBody('D-1', [{ name: 'A', sharePct: 100 }]) },
      409,
      '/refNo',
      'ip.ref_taken',
    );
    await rejects(
      {
        method: 'POST',
        url,
        payload: disclosureBody('D-3', [{ personId: crypto.randomUUID(), sharePct: 100 } as never]),
      },
      400,
      '/inventors/0/personId',
      'ip.unknown_person',
    );
    const d = await buildDisclosure(t.systemCtx(), P);
    await rejects(
      {
        method: 'PATCH',
        url: `/api/ip/disclosures/${d.id}`,
        payload: { inventors: [{ name: 'X', sharePct: 99.99 }] },
      },
      400,
      '/inventors',
      'ip.shares_sum',
    );
  });
});

describe('patent filings', () => {
  it('builds a family: provisional, then a utility claiming its priority, granted with a number', async () => {
    const d = await buildDisclosure(t.systemCtx(), P);
    const prov = await buildFiling(t.systemCtx(), d.id, {
      filingType: 'provisional',
      filingDate: '2020-01-10',
      applicationNumber: '62/000001',
    });
    const res = await officer.request({
      method: 'POST',
      url: `/api/ip/disclosures/${d.id}/filings`,
      payload: {
        jurisdiction: 'US',
        filingType: 'utility',
        parentFilingId: prov.id,
        filingDate: '2021-01-08',
        applicationNumber: '17/000001',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ familyId: prov.id, priorityDate: '2020-01-10', status: 'pending' });
    const granted = await officer.request({
      method: 'PATCH',
      url: `/api/ip/filings/${res.json().id}`,
      payload: { grantDate: '2023-03-07', patentNumber: 'US11600001' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', patentNumber: 'US11600001' });
  });

  it('refuses a grant before the filing, a grant date without the status, duplicate numbers in one jurisdiction', async () => {
    const d = await buildDisclosure(t.systemCtx(), P);
    const url = `/api/ip/disclosures/${d.id}/filings`;
    await rejects(
      {
        method: 'POST',
        url,
        payload: {
          jurisdiction: 'US',
          filingType: 'utility',
          filingDate: '2015-06-01',
          grantDate: '2015-05-31',
        },
      },
      400,
      '/grantDate',
      'ip.date_order',
    );
    await rejects(
      {
        method: 'POST',
        url,
        payload: {
          jurisdiction: 'US',
          filingType: 'utility',
          filingDate: '2015-06-01',
          grantDate: '2017-01-01',
          status: 'pending',
        },
      },
      400,
      '/status',
      'ip.grant_status',
    );
    await buildFiling(t.systemCtx(), d.id, {
      jurisdiction: 'CN',
      filingDate: '2015-01-01',
      grantDate: '2018-01-01',
      patentNumber: 'ZL201510000001.1',
    });
    await rejects(
      {
        method: 'POST',
        url,
        payload: {
          jurisdiction: 'CN',
          filingType: 'utility',
          filingDate: '2015-02-01',
          grantDate: '2018-02-01',
          patentNumber: 'ZL201510000001.1',
        },
      },
      409,
      '/patentNumber',
      'ip.duplicate_patent_number',
    );
    // The same number in another jurisdiction is another patent.
    const other = await officer.request({
      method: 'POST',
      url,
      payload: {
        jurisdiction: 'TW',
        filingType: 'utility',
        filingDate: '2015-02-01',
        grantDate: '2018-02-01',
        patentNumber: 'ZL201510000001.1',
      },
    });
    expect(other.statusCode, other.body).toBe(201);
    await rejects(
      { method: 'PATCH', url: `/api/ip/filings/${other.json().id}`, payload: { grantDate: '2014-12-31' } },
      400,
      '/grantDate',
      'ip.date_order',
    );
  });
});

describe('docket', () => {
  it('computes deadlines from the rules and lists them by due date; a follow-on filing meets its parent deadline', async () => {
    const d = await buildDisclosure(t.systemCtx(), P, { refNo: 'DOCKET-1' });
    // The test clock's today is in 2026 (harness); use dates around it.
    const today = t.clock.now().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const prov = await buildFiling(t.systemCtx(), d.id, {
      filingType: 'provisional',
      filingDate: `${year}-01-31`,
    });
    const pct = await buildFiling(t.systemCtx(), d.id, {
      jurisdiction: 'WO',
      filingType: 'pct',
      parentFilingId: prov.id,
      filingDate: `${year}-01-31`,
    });
    await buildFiling(t.systemCtx(), d.id, {
      filingDate: `${year - 4}-02-01`,
      grantDate: `${year - 3}-08-31`,
      patentNumber: `US${year}0001`,
    });
    await buildFiling(t.systemCtx(), d.id, {
      jurisdiction: 'CN',
      filingDate: `${year - 3}-05-20`,
      grantDate: `${year - 1}-06-01`,
      patentNumber: `ZL${year}0001`,
    });
    const res = await officer.request({
      method: 'GET',
      url: `/api/platforms/${P}/ip/docket?from=${year - 1}-01-01&to=${year + 3}-12-31`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res
      .json()
      .items.filter((i: { disclosureRefNo: string }) => i.disclosureRefNo === 'DOCKET-1');
    const rules = mine.map((i: { rule: string; dueDate: string }) => `${i.rule} ${i.dueDate}`);
    // The provisional has a PCT child, so its 12-month deadline is met; the PCT's 30 months run from priority.
    expect(rules).not.toContain(`us_nonprovisional_12m ${year + 1}-01-31`);
    expect(rules).toContain(`pct_national_phase_30m ${year + 2}-07-31`);
    // Granted on 31 August: 42 months later is the last day of February.
    expect(rules).toContain(
      `us_maintenance_3_5y ${year + 1}-02-${new Date(Date.UTC(year + 1, 2, 0)).getUTCDate()}`,
    );
    expect(rules).toContain(`cn_annual_fee ${year}-05-20`);
    const dates = res.json().items.map((i: { dueDate: string }) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(
      mine.find(
        (i: { rule: string; dueDate: string }) =>
          i.rule === 'cn_annual_fee' && i.dueDate === `${year - 1}-05-20`,
      ),
    ).toBeUndefined();
    expect(pct.priorityDate).toBe(`${year}-01-31`);
  });
});
