import type { Kysely, Selectable } from 'kysely';
import type { EnterpriseProfile, SchemeRules, SchemeState, VoucherState } from '../../../common/vouchers.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, flag, insertRow, jsonColumn, type RowValue, toFlag, toJsonColumn } from '../../db/rows.js';
import type { DB, VoucherLedgerTable, VoucherSchemesTable, VouchersTable } from '../../db/schema.js';

// ── schemes ──────────────────────────────────────────────────────────────────────────────────────

type SchemeTyped = 'rulesJson' | 'lotteryJson' | 'lottery' | 'state';

/** A voucher scheme: its row in camelCase, the rules and the lottery's draw parsed, the flag a boolean. */
export interface Scheme extends Omit<RowValue<VoucherSchemesTable>, SchemeTyped> {
  rules: SchemeRules;
  lottery: boolean;
  state: SchemeState;
  lotteryDraw: string[] | null;
}

function toScheme(row: Selectable<VoucherSchemesTable>): Scheme {
  const { rulesJson, lotteryJson, lottery, ...v } = camelRow(row);
  return {
    ...v,
    state: v.state as SchemeState,
    lottery: flag(lottery),
    rules: jsonColumn(rulesJson),
    lotteryDraw: jsonColumn(lotteryJson),
  };
}

const schemeRow = ({ rules, lottery, lotteryDraw, ...s }: Scheme) =>
  insertRow<VoucherSchemesTable>({
    ...s,
    rulesJson: toJsonColumn(rules),
    lottery: toFlag(lottery),
    lotteryJson: toJsonColumn(lotteryDraw ?? null),
  });

export async function insertScheme(db: Kysely<DB>, s: Scheme) {
  await db.insertInto('voucher_schemes').values(schemeRow(s)).execute();
}

export async function replaceScheme(db: Kysely<DB>, s: Scheme) {
  const { id, ...row } = schemeRow(s);
  await db.updateTable('voucher_schemes').set(row).where('id', '=', id).execute();
}

export async function findScheme(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('voucher_schemes').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toScheme(row);
}

export async function schemesOf(db: Kysely<DB>, platformId: string, states: readonly SchemeState[]) {
  const rows = await db
    .selectFrom('voucher_schemes')
    .selectAll()
    .where('platform_id', '=', platformId)
    .where('state', 'in', [...states])
    .orderBy('valid_from', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toScheme);
}

// ── vouchers (applications and issued vouchers) ──────────────────────────────────────────────────

export type Voucher = Omit<RowValue<VouchersTable>, 'state' | 'profileJson' | 'amountMinor'> & {
  state: VoucherState;
  profile: EnterpriseProfile;
  amountMinor: number;
};

function toVoucher(row: Selectable<VouchersTable>): Voucher {
  const { profileJson, ...v } = camelRow(row);
  return {
    ...v,
    state: v.state as VoucherState,
    amountMinor: Number(v.amountMinor),
    profile: jsonColumn(profileJson),
  };
}

const voucherRow = ({ profile, ...v }: Voucher) =>
  insertRow<VouchersTable>({ ...v, profileJson: toJsonColumn(profile) });

export async function insertVoucher(db: Kysely<DB>, v: Voucher) {
  await db.insertInto('vouchers').values(voucherRow(v)).execute();
}

export async function replaceVoucher(db: Kysely<DB>, v: Voucher) {
  const { id, ...row } = voucherRow(v);
  await db.updateTable('vouchers').set(row).where('id', '=', v.id).execute();
}

export async function findVoucher(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('vouchers').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toVoucher(row);
}

/** Vouchers of a platform's schemes, optionally of one organisation or scheme; newest first. */
export async function voucherList(
  db: Kysely<DB>,
  f: { platformId: string; organisationId?: string; schemeId?: string; states?: readonly VoucherState[] },
) {
  let q = db
    .selectFrom('vouchers as v')
    .innerJoin('voucher_schemes as s', 's.id', 'v.scheme_id')
    .selectAll('v')
    .where('s.platform_id', '=', f.platformId);
  if (f.organisationId) q = q.where('v.organisation_id', '=', f.organisationId);
  if (f.schemeId) q = q.where('v.scheme_id', '=', f.schemeId);
  if (f.states) q = q.where('v.state', 'in', [...f.states]);
  const rows = await q.orderBy('v.created_at', 'desc').orderBy('v.id').limit(1000).execute();
  return rows.map(toVoucher);
}

/** The amount issued under a scheme in a year to an organisation or to an actual controller. */
export async function issuedSum(
  db: Kysely<DB>,
  f: { schemeId: string; year: number; organisationId?: string; controllerKey?: string },
) {
  let q = db
    .selectFrom('vouchers')
    .select((eb) => eb.fn.sum<number | string | null>('amount_minor').as('n'))
    .where('scheme_id', '=', f.schemeId)
    .where('year', '=', f.year)
    .where('state', '=', 'issued');
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.controllerKey) q = q.where('controller_key', '=', f.controllerKey);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

// ── the ledger ───────────────────────────────────────────────────────────────────────────────────

export type LedgerEntry = Omit<RowValue<VoucherLedgerTable>, 'amountMinor' | 'balanceAfterMinor'> & {
  amountMinor: number;
  balanceAfterMinor: number;
};

export async function ledgerOf(db: Kysely<DB>, voucherId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('voucher_ledger')
    .selectAll()
    .where('voucher_id', '=', voucherId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const v = camelRow(r);
    return { ...v, amountMinor: Number(v.amountMinor), balanceAfterMinor: Number(v.balanceAfterMinor) };
  });
}

/** The balance is the sum of the ledger, with the next entry number. */
export async function balanceOf(db: Kysely<DB>, voucherId: string) {
  const row = await db
    .selectFrom('voucher_ledger')
    .select((eb) => [
      eb.fn.sum<number | string | null>('amount_minor').as('sum'),
      eb.fn.max<number | null>('seq').as('last'),
    ])
    .where('voucher_id', '=', voucherId)
    .executeTakeFirst();
  return { balanceMinor: Number(row?.sum ?? 0), nextSeq: Number(row?.last ?? 0) + 1 };
}

/** Balances of many vouchers at once, for lists. */
export async function balancesOf(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('voucher_ledger')
    .select(['voucher_id', (eb) => eb.fn.sum<number | string>('amount_minor').as('sum')])
    .where('voucher_id', 'in', [...ids])
    .groupBy('voucher_id')
    .execute();
  return new Map(rows.map((r) => [r.voucher_id, Number(r.sum)]));
}

export async function appendLedger(db: Kysely<DB>, e: LedgerEntry) {
  await db.insertInto('voucher_ledger').values(insertRow<VoucherLedgerTable>(e)).execute();
}
