import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENSING_KINDS } from '../../../common/ip.js';
import { buildPlatform } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { buildLicence } from '../ip/ip.fixtures.js';
import { periodOf, type Scope } from '../ttreports/ttreports.period.js';
import { rebuildReceiptMonths } from './agreements.months.rebuild.repository.js';
import { createReceipt } from './agreements.receipts.js';
import { licenceFlowsByYear } from './agreements.service.js';

// Licence income per month is kept on write (receipt_months, migration 0040): each receipt adds to its
// month in its own transaction. Here the totals stay equal to the sum of the receipts after receipts in
// several months, years and currencies and a correction (a refund), on calendar and fiscal years.
let t: TestApp;
let P: string;

beforeAll(async () => {
  t = await setupTestApp();
  P = (await buildPlatform(t.systemCtx(), { code: 'INC' })).id;
});
afterAll(() => t.close());

const monthly = () =>
  t.database.db
    .selectFrom('receipt_months')
    .select(['key', 'kind', 'category', 'month', 'currency', 'amount_minor', 'receipts'])
    .where('platform_id', '=', P)
    .orderBy('key')
    .execute()
    .then((rows) =>
      rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor), receipts: Number(r.receipts) })),
    );

/** The income straight from the receipts, per report year and currency (what the totals must equal). */
async function fromReceipts(startMonth: number, from: number, to: number) {
  const p = periodOf(from, to, startMonth === 1 ? 'calendar' : 'fiscal', startMonth);
  const rows = await t.database.db
    .selectFrom('receipts')
    .innerJoin('agreements', 'agreements.id', 'receipts.agreement_id')
    .select(['receipts.received_date', 'receipts.currency', 'receipts.amount_minor'])
    .where('receipts.platform_id', '=', P)
    .where('agreements.kind', 'in', [...LICENSING_KINDS])
    .where('receipts.received_date', '>=', p.startDate)
    .where('receipts.received_date', '<=', p.endDate)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const y = Number(r.received_date.slice(0, 4));
    const bucket = startMonth > 1 && Number(r.received_date.slice(5, 7)) >= startMonth ? y + 1 : y;
    const k = `${bucket}:${r.currency}`;
    out.set(k, (out.get(k) ?? 0) + Number(r.amount_minor));
  }
  return Object.fromEntries([...out].sort());
}

async function fromTotals(startMonth: number, from: number, to: number) {
  const s: Scope = {
    db: t.database.db,
    platformId: P,
    unitId: null,
    fieldId: null,
    period: periodOf(from, to, startMonth === 1 ? 'calendar' : 'fiscal', startMonth),
  };
  const out = new Map<string, number>();
  for (const g of (await licenceFlowsByYear(s)).income) {
    const k = `${g.bucket}:${g.currency}`;
    out.set(k, (out.get(k) ?? 0) + g.amount);
  }
  return Object.fromEntries([...out].filter(([, v]) => v !== 0).sort());
}

describe('licence income kept per month', () => {
  it('equals the sum of the receipts after receipts and a correction, and a rebuild gives the same rows', async () => {
    const ctx = t.systemCtx();
    const licence = await buildLicence(ctx, P, { executionDate: '2018-03-01' });
    const option = await buildLicence(ctx, P, { kind: 'option' });
    const receipts: Array<[string, string, number, string]> = [
      [licence.id, '2018-09-30', 500_00, 'USD'],
      [licence.id, '2018-10-01', 1_200_00, 'USD'],
      [licence.id, '2018-10-17', 300_00, 'USD'],
      [licence.id, '2019-01-05', 80_000_00, 'CNY'],
      [option.id, '2019-12-31', 2_500_00, 'USD'],
      [option.id, '2020-01-01', 700_00, 'USD'],
    ];
    for (const [id, receivedDate, amountMinor, currency] of receipts)
      await createReceipt(ctx, id, { receivedDate, amountMinor, currency, category: 'earned_royalty' });
    // A correction: part of October's royalty paid back.
    await createReceipt(ctx, licence.id, {
      receivedDate: '2018-10-20',
      amountMinor: -200_00,
      currency: 'USD',
      category: 'refund',
    });

    // Each month is kept per receipt category (migration 0060): October's royalties and its refund.
    const rows = await monthly();
    const october = rows.filter((r) => r.month === '2018-10' && r.currency === 'USD');
    expect(
      october.map(({ kind, category, amount_minor, receipts }) => ({
        kind,
        category,
        amount_minor,
        receipts,
      })),
    ).toEqual([
      { kind: 'licence', category: 'earned_royalty', amount_minor: 1_500_00, receipts: 2 },
      { kind: 'licence', category: 'refund', amount_minor: -200_00, receipts: 1 },
    ]);
    for (const startMonth of [1, 10])
      expect(await fromTotals(startMonth, 2017, 2021)).toEqual(await fromReceipts(startMonth, 2017, 2021));
    // The fiscal year starting in October moves October 2018 into FY2019.
    expect(await fromTotals(10, 2019, 2019)).toEqual({ '2019:CNY': 80_000_00, '2019:USD': 1_300_00 });

    // The migration's backfill (the same statement) rebuilds exactly what the writes kept.
    await rebuildReceiptMonths(t.database.db, P);
    expect(await monthly()).toEqual(rows);
    const all = await sql<{ n: number }>`select count(*) as n from receipt_months`.execute(t.database.db);
    expect(Number(all.rows[0]!.n)).toBe(rows.length);
  });
});
