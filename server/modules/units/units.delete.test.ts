import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildUnit } from '../../test/platform-factories.js';
import { expectResultYearsRecounted, expectRollupsRecounted } from '../../test/rollups.js';
import { buildPublishedInstrument } from '../instruments/instruments.fixtures.js';
import { updateDisclosure } from '../ip/ip.disclosures.js';
import { buildDisclosure, buildLicence } from '../ip/ip.fixtures.js';
import { makeResult, publicationBody } from '../results/results.fixtures.js';
import { updateResult } from '../results/results.service.js';
import { buildPublishedService } from '../services/services.fixtures.js';

/**
 * Deleting a unit and the figures kept by unit (ADR 0043: ip_months, agreement_months, result_years).
 * The records' `unit_id` is `ON DELETE SET NULL`, which the rollups know nothing of: a deleted unit
 * would leave its records under "no unit" and their kept figures under the deleted unit's id. A unit that
 * disclosures, agreements or results still name is therefore not deleted (409 units.in_use naming them,
 * nothing written), and after its records move to another unit it is, with every figure still equal to
 * a recount from the records, on both databases.
 */
// The rollups keyed by unit (ADR 0043) and, below, result_years.
const UNIT_ROLLUPS = ['ip_months', 'agreement_months', 'receipt_months'] as const;
let t: TestApp;
let P: string;
let admin: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  P = (await buildPlatform(ctx, { code: 'UDEL' })).id;
  await buildUser(ctx, { username: 'admin-udel', roles: ['platform_admin'], platformId: P });
  admin = await signIn(t.app, 'admin-udel');
});
afterAll(() => t.close());

/** Every figure kept by unit equals a recount from the records (rows whose counts came back to zero aside). */
async function expectRecounted(step: string) {
  const db = t.database.db;
  await expectRollupsRecounted(db, P, UNIT_ROLLUPS, step);
  await expectResultYearsRecounted(db, P, step);
}

describe('deleting a unit that records name', () => {
  it('is refused while disclosures, agreements or results name it, and the kept figures stay equal to a recount', async () => {
    const ctx = t.systemCtx();
    const unit = await buildUnit(ctx, { platformId: P });
    const other = await buildUnit(ctx, { platformId: P });
    await buildDisclosure(ctx, P, { receivedDate: '2012-03-04', unitId: unit.id });
    await buildLicence(ctx, P, { unitId: unit.id, executionDate: '2013-06-01' });
    await makeResult(ctx, publicationBody(P, { year: 2014, unitId: unit.id }));
    await expectRecounted('before');

    const before = await snapshotTables(t.database);
    const res = await admin.delete(`/api/units/${unit.id}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'units.in_use',
      references: [
        { usedBy: 'ip_disclosures', count: 1 },
        { usedBy: 'agreements', count: 1 },
        { usedBy: 'results', count: 1 },
      ],
    });
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await admin.get(`/api/units/${unit.id}`)).statusCode).toBe(200);
    await expectRecounted('refused');

    // The same records under a unit whose disclosure and result moved away: only what still names it.
    const moving = await buildUnit(ctx, { platformId: P });
    const d = await buildDisclosure(ctx, P, { receivedDate: '2011-01-02', unitId: moving.id });
    const r = await makeResult(ctx, publicationBody(P, { year: 2015, unitId: moving.id }));
    expect((await admin.delete(`/api/units/${moving.id}`)).json().references).toEqual([
      { usedBy: 'ip_disclosures', count: 1 },
      { usedBy: 'results', count: 1 },
    ]);
    await updateDisclosure(ctx, d.id, { unitId: other.id });
    await updateResult(ctx, r.id, { unitId: other.id });
    expect((await admin.delete(`/api/units/${moving.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/units/${moving.id}`)).statusCode).toBe(404);
    await expectRecounted('after deleting a unit no record names');
  });

  it('is refused, not a server error, while the unit offers a service or an instrument (their rows keep the unit)', async () => {
    const ctx = t.systemCtx();
    const unit = await buildUnit(ctx, { platformId: P });
    await buildPublishedService(ctx, P, unit.id);
    await buildPublishedInstrument(ctx, P, unit.id);
    const before = await snapshotTables(t.database);
    const res = await admin.delete(`/api/units/${unit.id}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'units.in_use',
      references: [
        { usedBy: 'services', count: 1 },
        { usedBy: 'instruments', count: 1 },
      ],
    });
    expect(await snapshotTables(t.database)).toEqual(before);
  });
});
