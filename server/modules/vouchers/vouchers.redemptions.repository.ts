import type { Kysely, Selectable } from 'kysely';
import type { RedemptionState } from '../../../common/vouchers.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, VoucherRedemptionsTable, VoucherSettlementsTable } from '../../db/schema.js';

// All SQL on voucher_redemptions and voucher_settlements: a voucher spent on a service request, and the
// monthly settlement that pays providers (schemes, vouchers and their ledger: vouchers.repository.ts).

export type Redemption = Omit<
  RowValue<VoucherRedemptionsTable>,
  'state' | 'priceMinor' | 'voucherMinor' | 'paidByEnterpriseMinor'
> & {
  state: RedemptionState;
  priceMinor: number;
  voucherMinor: number;
  paidByEnterpriseMinor: number | null;
};

function toRedemption(row: Selectable<VoucherRedemptionsTable>): Redemption {
  const v = camelRow(row);
  return {
    ...v,
    state: v.state as RedemptionState,
    priceMinor: Number(v.priceMinor),
    voucherMinor: Number(v.voucherMinor),
    paidByEnterpriseMinor: v.paidByEnterpriseMinor === null ? null : Number(v.paidByEnterpriseMinor),
  };
}

export async function insertRedemption(db: Kysely<DB>, r: Redemption) {
  await db.insertInto('voucher_redemptions').values(insertRow<VoucherRedemptionsTable>(r)).execute();
}

export async function replaceRedemption(db: Kysely<DB>, r: Redemption) {
  const { id, ...row } = insertRow<VoucherRedemptionsTable>(r);
  await db.updateTable('voucher_redemptions').set(row).where('id', '=', r.id).execute();
}

export async function findRedemption(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('voucher_redemptions').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toRedemption(row);
}

export async function redemptionList(
  db: Kysely<DB>,
  f: {
    platformId: string;
    voucherIds?: readonly string[];
    unitIds?: readonly string[];
    settlementId?: string;
    states?: readonly RedemptionState[];
    redeemedBefore?: string;
  },
) {
  let q = db.selectFrom('voucher_redemptions').selectAll().where('platform_id', '=', f.platformId);
  if (f.voucherIds) q = q.where('voucher_id', 'in', f.voucherIds.length ? [...f.voucherIds] : ['']);
  if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? [...f.unitIds] : ['']);
  if (f.settlementId) q = q.where('settlement_id', '=', f.settlementId);
  if (f.states) q = q.where('state', 'in', [...f.states]);
  if (f.redeemedBefore) q = q.where('redeemed_at', '<', f.redeemedBefore);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(2000).execute();
  return rows.map(toRedemption);
}

/** Marks redemptions as settled in a batch. */
export async function settleRedemptions(db: Kysely<DB>, ids: readonly string[], settlementId: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('voucher_redemptions')
    .set({ state: 'settled', settlement_id: settlementId })
    .where('id', 'in', [...ids])
    .execute();
}

export type Settlement = Omit<RowValue<VoucherSettlementsTable>, 'totalMinor'> & { totalMinor: number };

const toSettlement = (row: Selectable<VoucherSettlementsTable>): Settlement => {
  const v = camelRow(row);
  return { ...v, totalMinor: Number(v.totalMinor) };
};

export async function insertSettlement(db: Kysely<DB>, s: Settlement) {
  await db.insertInto('voucher_settlements').values(insertRow<VoucherSettlementsTable>(s)).execute();
}

export async function findSettlement(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('voucher_settlements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSettlement(row);
}

export async function settlementOfMonth(db: Kysely<DB>, platformId: string, month: string) {
  const row = await db
    .selectFrom('voucher_settlements')
    .selectAll()
    .where('platform_id', '=', platformId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row && toSettlement(row);
}

export async function settlementList(db: Kysely<DB>, platformId: string) {
  const rows = await db
    .selectFrom('voucher_settlements')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('month', 'desc')
    .execute();
  return rows.map(toSettlement);
}
