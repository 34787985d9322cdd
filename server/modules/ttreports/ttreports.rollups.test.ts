import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { buildUnit } from '../../test/platform-factories.js';
import { expectRollupsRecounted } from '../../test/rollups.js';
import { createReceipt } from '../agreements/agreements.receipts.js';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
  rebuildReceiptMonths,
  updateAgreement,
} from '../agreements/agreements.service.js';
import { updateDisclosure } from '../ip/ip.disclosures.js';
import { updateFiling } from '../ip/ip.filings.js';
import { buildDisclosure, buildFiling, buildLicence } from '../ip/ip.fixtures.js';
import { rebuildIpMonths } from '../ip/ip.service.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { updateOrg } from '../orgs/orgs.service.js';
import { techTransferReport } from './ttreports.service.js';

// The monthly rollups the report reads (ADR 0043) are moved by each write of their records in its
// transaction. After every kind of write, each table holds exactly what a recount from the records gives
// (rows whose counts all came back to zero aside), and the report after a rebuild is the same report.
let t: TestApp;
let P: string;

beforeAll(async () => {
  t = await setupTestApp();
  P = (await buildPlatform(t.systemCtx(), { code: 'ROLL' })).id;
});
afterAll(() => t.close());

describe('monthly rollups of the tech-transfer records', () => {
  it('equal a recount from the records after every kind of write, and the report is the same after a rebuild', async () => {
    const ctx = t.systemCtx();
    const db = t.database.db;
    const [u1, u2] = [await buildUnit(ctx, { platformId: P }), await buildUnit(ctx, { platformId: P })];

    // Disclosures and filings: created, a continuation, granted, re-dated, moved to another unit.
    const d = await buildDisclosure(ctx, P, { receivedDate: '2011-11-20', unitId: u1.id });
    await buildDisclosure(ctx, P, { receivedDate: '2013-02-02' });
    const f = await buildFiling(ctx, d.id, { filingDate: '2012-01-10' });
    await expectRollupsRecounted(db, P);
    const child = await buildFiling(ctx, d.id, {
      jurisdiction: 'EP',
      filingType: 'continuation',
      filingDate: '2012-06-10',
      parentFilingId: f.id,
    });
    await updateFiling(ctx, f.id, { grantDate: '2014-03-04', patentNumber: 'US9000001' });
    await updateFiling(ctx, child.id, { filingDate: '2012-07-01' });
    await expectRollupsRecounted(db, P);
    await updateDisclosure(ctx, d.id, { receivedDate: '2011-10-05', unitId: u2.id });
    await expectRollupsRecounted(db, P);

    // Agreements: a licence, an option, a CRADA and a 技术开发 contract; edits that move their months.
    const licence = await buildLicence(ctx, P, { unitId: u1.id, executionDate: '2012-06-01' });
    const option = await buildLicence(ctx, P, {
      kind: 'option',
      exclusivity: 'non_exclusive',
      executionDate: '2013-01-01',
    });
    const crada = await buildLicence(ctx, P, {
      kind: 'crada',
      licenceKind: null,
      exclusivity: null,
      cradaClass: 'non_traditional',
      requestDate: null,
      executionDate: '2010-05-05',
      endDate: '2012-05-04',
    });
    const contract = await buildLicence(ctx, P, {
      kind: 'tech_development',
      licenceKind: null,
      exclusivity: null,
      contractValueMinor: 2_000_000_00,
      executionDate: '2014-08-08',
    });
    await expectRollupsRecounted(db, P);
    await updateAgreement(ctx, licence.id, {
      exclusivity: 'non_exclusive',
      endDate: '2020-01-01',
      terminationDate: '2015-02-03',
      terminationReason: 'for_cause',
    });
    await updateAgreement(ctx, crada.id, { executionDate: '2010-09-09', endDate: null });
    await updateAgreement(ctx, contract.id, { contractValueMinor: 2_500_000_00 });
    await expectRollupsRecounted(db, P);
    await updateAgreement(ctx, licence.id, { terminationDate: null, terminationReason: null });
    await expectRollupsRecounted(db, P);

    // Receipts, a refund among them.
    for (const [receivedDate, amountMinor, category] of [
      ['2013-03-03', 1_000_00, 'earned_royalty'],
      ['2013-03-20', 400_00, 'issue_fee'],
      ['2013-04-01', -100_00, 'refund'],
    ] as const)
      await createReceipt(ctx, licence.id, { receivedDate, amountMinor, currency: 'USD', category });
    await expectRollupsRecounted(db, P);

    // The per-licence figures (ADR 0049): a re-dated request, a second licence executed in the period,
    // a licence whose receipts straddle the period (none inside), one with receipts before, inside and
    // after it written out of date order, a second earned royalty in the same month, an option's royalty.
    await updateAgreement(ctx, licence.id, { requestDate: '2012-02-01' });
    await buildLicence(ctx, P, { executionDate: '2014-03-01', requestDate: '2014-01-01' });
    const straddling = await buildLicence(ctx, P, { executionDate: '2008-01-01', requestDate: '2007-12-01' });
    const inside = await buildLicence(ctx, P, {
      executionDate: '2008-02-01',
      requestDate: null,
      exclusivity: 'non_exclusive',
    });
    await expectRollupsRecounted(db, P);
    const receipt = (id: string, receivedDate: string, amountMinor: number, category = 'earned_royalty') =>
      createReceipt(ctx, id, { receivedDate, amountMinor, currency: 'USD', category: category as never });
    await receipt(straddling.id, '2018-03-03', 700_00, 'issue_fee');
    await receipt(straddling.id, '2009-01-10', 700_00, 'issue_fee');
    await receipt(inside.id, '2018-05-05', 50_00);
    await receipt(inside.id, '2009-05-05', 60_00);
    await receipt(inside.id, '2014-07-07', 200_00, 'milestone');
    await receipt(licence.id, '2013-03-25', 500_00);
    await receipt(option.id, '2014-05-05', 300_00);
    await expectRollupsRecounted(db, P);

    const query = { platformId: P, from: 2011, to: 2016, basis: 'fiscal' as const, currency: 'USD' };
    const { generatedAt: _a, ...kept } = await techTransferReport(ctx, query);
    expect(kept.inventionDisclosures).toBe(2);
    expect(kept.patentsIssued).toBe(1);
    expect(kept.federal.cradas.active).toBe(1);
    expect(kept.federal.licences.incomeBearing.total).toBe(2);
    expect(kept.federal.licences.incomeBearing.byExclusivity).toMatchObject({
      exclusive: 0,
      non_exclusive: 2,
    });
    expect(kept.federal.income.earnedRoyalties).toMatchObject({
      total: { amountMinor: 1_800_00 },
      licences: 2,
      min: { amountMinor: 300_00 },
      max: { amountMinor: 1_500_00 },
    });
    expect(kept.federal.executionTime).toEqual({ licences: 2, averageDays: 90, minDays: 59, maxDays: 121 });
    await rebuildIpMonths(db, P);
    await rebuildAgreementMonths(db, P);
    await rebuildReceiptMonths(db, P);
    await rebuildLicenceFigures(db, P);
    const { generatedAt: _b, ...rebuilt } = await techTransferReport(ctx, query);
    expect(rebuilt).toEqual(kept);

    // Small-business counts keep nothing on the agreements (ADR 0049, round 9: an index in partner
    // order): the partner's size is read at report time, so an edit of the organisation moves them at once,
    // both ways.
    const partner = await buildOrg(ctx, { enterpriseSize: 'large' });
    await buildLicence(ctx, P, { executionDate: '2012-04-04', partnerOrgId: partner.id });
    const small = async () => (await techTransferReport(ctx, query)).federal.smallBusiness.activeLicences;
    const before = await small();
    await updateOrg(ctx, partner.id, { enterpriseSize: 'sme' });
    expect(await small()).toBe(before + 1);
    await updateOrg(ctx, partner.id, { enterpriseSize: 'large' });
    expect(await small()).toBe(before);
  });
});
