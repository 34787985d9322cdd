import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import { buildPlatform } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { expectRollupsRecounted } from '../../test/rollups.js';
import { createReceipt } from '../agreements/agreements.receipts.js';
import { updateAgreement } from '../agreements/agreements.service.js';
import { buildLicence } from '../ip/ip.fixtures.js';
import { techTransferReport } from './ttreports.service.js';

// Licences with income in the period (ADR 0049 round 14, migration 0071) come from the licences whose first
// and last receipt fell in each month (agreement_months) and the straddlers in span order
// (licence_figures). Each writer that moves them — a licence created, a receipt earlier than its first
// or later than its last, an edit of the exclusivity, receipts of one licence written at once — leaves
// both tables equal to a recount, and the count equal to a count of the licences with a receipt in the
// period, for one-year periods (where straddlers abound) and longer ones.
const INCOME_TABLES = ['agreement_months', 'agreement_months_platform', 'licence_figures'] as const;
let t: TestApp;
let P: string;

beforeAll(async () => {
  t = await setupTestApp();
  P = (await buildPlatform(t.systemCtx(), { code: 'INCOME' })).id;
});
afterAll(() => t.close());

/** The licences with a receipt in the calendar years from–to, by exclusivity, counted from the receipts. */
async function counted(db: Kysely<DB>, from: number, to: number) {
  const rows = await db
    .selectFrom('agreements')
    .select(['exclusivity', (eb) => eb.fn.countAll().as('n')])
    .where('platform_id', '=', P)
    .where('kind', '=', 'licence')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('receipts')
          .select('receipts.id')
          .whereRef('receipts.agreement_id', '=', 'agreements.id')
          .where('receipts.received_date', '>=', `${from}-01-01`)
          .where('receipts.received_date', '<=', `${to}-12-31`),
      ),
    )
    .groupBy('exclusivity')
    .execute();
  const out = { exclusive: 0, non_exclusive: 0 };
  for (const r of rows) out[r.exclusivity as keyof typeof out] = Number(r.n);
  return out;
}

async function expectCounts() {
  const ctx = t.systemCtx();
  for (const [from, to] of [
    [2009, 2009],
    [2010, 2010],
    [2011, 2011],
    [2012, 2012],
    [2013, 2013],
    [2010, 2012],
    [2008, 2016],
  ] as const) {
    const report = await techTransferReport(ctx, {
      platformId: P,
      from,
      to,
      basis: 'calendar',
      currency: 'USD',
    });
    const { total, byExclusivity } = report.federal.licences.incomeBearing;
    const want = await counted(t.database.db, from, to);
    expect({ total, byExclusivity }, `${from}–${to}`).toEqual({
      total: want.exclusive + want.non_exclusive,
      byExclusivity: { ...byExclusivity, ...want },
    });
  }
}

describe('licences with income in the period', () => {
  it('follow every write of licences and receipts, straddlers included', async () => {
    const ctx = t.systemCtx();
    const db = t.database.db;
    const receipt = (id: string, receivedDate: string, category = 'milestone') =>
      createReceipt(ctx, id, {
        receivedDate,
        amountMinor: 100_00,
        currency: 'USD',
        category: category as never,
      });

    // Created: no receipts, no first or last month.
    const a = await buildLicence(ctx, P, { executionDate: '2008-01-01', requestDate: null });
    const b = await buildLicence(ctx, P, {
      executionDate: '2008-06-01',
      requestDate: '2008-01-01',
      exclusivity: 'non_exclusive',
    });
    const option = await buildLicence(ctx, P, {
      kind: 'option',
      executionDate: '2008-03-01',
      requestDate: null,
    });
    await expectRollupsRecounted(db, P, INCOME_TABLES);
    await expectCounts();

    // Receipts in date order, then one before the first and one after the last (the months move), and
    // a licence whose receipts straddle 2010–2012 with none inside (and straddle each of those years).
    await receipt(a.id, '2011-05-05');
    await receipt(a.id, '2011-05-20');
    await receipt(a.id, '2009-02-02', 'earned_royalty');
    await receipt(a.id, '2013-11-11');
    await receipt(b.id, '2009-12-31');
    await receipt(b.id, '2013-01-01');
    await receipt(option.id, '2011-01-01');
    await expectRollupsRecounted(db, P, INCOME_TABLES);
    await expectCounts();

    // An edit of the exclusivity moves the licence's first and last months with it.
    await updateAgreement(ctx, b.id, { exclusivity: 'exclusive' });
    await updateAgreement(ctx, a.id, { exclusivity: 'non_exclusive', endDate: '2020-01-01' });
    await expectRollupsRecounted(db, P, INCOME_TABLES);
    await expectCounts();

    // Receipts of one licence written at once (PostgreSQL: in parallel transactions, each widening the
    // span under the licence's lock), and one inside the straddled years.
    const c = await buildLicence(ctx, P, { executionDate: '2007-01-01', requestDate: null });
    await Promise.all(['2012-07-07', '2008-08-08', '2014-04-04', '2010-10-10'].map((d) => receipt(c.id, d)));
    await receipt(b.id, '2011-06-06');
    await expectRollupsRecounted(db, P, INCOME_TABLES);
    await expectCounts();
  });
});
