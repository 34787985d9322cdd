import ExcelJS from 'exceljs';
import { currencyDigits } from '../../../common/platforms.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import { readsAllVouchers } from './vouchers.policy.js';
import { findScheme, findSettlement, findVoucher, redemptionList } from './vouchers.repository.js';

const moneyFormat = (currency: string) => {
  const digits = currencyDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

/** Column headers in Chinese with the English after them: the statement goes to a finance office. */
const COLUMNS = [
  '合同编号 Contract',
  '服务单位 Provider',
  '企业 Enterprise',
  '服务申请 Request',
  '报价 Price',
  '创新券支付 Voucher part',
  '企业自付 Paid by enterprise',
  '付款凭证 Payment reference',
  '兑付时间 Redeemed at (UTC)',
] as const;
const MONEY_COLUMNS = [5, 6, 7];

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string, used: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base.slice(0, 26)} ${i}`;
  used.add(out);
  return out;
};

/**
 * The statement of a monthly settlement as XLSX: one sheet per scheme of the month, each redemption a
 * row and a total row under it; amounts are numbers (major units with the currency's format), so the
 * finance office can add them up, and the totals equal the batch's total.
 */
export async function settlementStatement(ctx: Ctx, id: string) {
  const s = await findSettlement(ctx.db, id);
  if (!s || !readsAllVouchers(ctx.actor, s.platformId)) throw notFound('vouchers.settlement_not_found');
  const lines = (await redemptionList(ctx.db, { platformId: s.platformId, settlementId: id })).sort((a, b) =>
    (a.redeemedAt ?? '').localeCompare(b.redeemedAt ?? ''),
  );
  const units = new Map((await unitAuthorities(ctx.db, s.platformId)).map((u) => [u.id, u]));
  const bySchemes = new Map<string, { name: string; currency: string; rows: typeof lines; orgs: string[] }>();
  for (const x of lines) {
    const v = (await findVoucher(ctx.db, null, x.voucherId))!;
    const scheme = (await findScheme(ctx.db, null, v.schemeId))!;
    const entry = bySchemes.get(scheme.id) ?? {
      name: scheme.nameZh,
      currency: scheme.currency,
      rows: [],
      orgs: [],
    };
    entry.rows.push(x);
    entry.orgs.push(v.organisationId);
    bySchemes.set(scheme.id, entry);
  }
  const orgs = await organisationNames(
    ctx.db,
    [...bySchemes.values()].flatMap((e) => e.orgs),
  );
  const book = new ExcelJS.Workbook();
  book.creator = 'Commonlab';
  book.title = `创新券结算 ${s.month}`;
  const used = new Set<string>();
  for (const e of bySchemes.values()) {
    const ws = book.addWorksheet(sheetName(`${s.month} ${e.name}`, used));
    ws.addRow([`${e.name} · ${s.month} 结算单 Settlement statement`]).font = { bold: true, size: 14 };
    ws.addRow([`批次 Batch ${s.id}`]).font = { color: { argb: 'FF595959' } };
    ws.addRow([]);
    ws.addRow([...COLUMNS]).font = { bold: true };
    const digits = currencyDigits(e.currency);
    const major = (minor: number) => minor / 10 ** digits;
    e.rows.forEach((x, i) => {
      const unit = units.get(x.unitId);
      const org = orgs.get(e.orgs[i]!);
      ws.addRow([
        x.contractRef,
        unit?.nameZh ?? x.unitId,
        org?.nameZh ?? e.orgs[i],
        x.serviceRequestId,
        major(x.priceMinor),
        major(x.voucherMinor),
        major(x.paidByEnterpriseMinor ?? 0),
        x.paymentRef,
        x.redeemedAt ? new Date(x.redeemedAt) : null,
      ]);
    });
    const sum = (f: (x: (typeof lines)[number]) => number) => major(e.rows.reduce((n, x) => n + f(x), 0));
    const total = ws.addRow([
      '合计 Total',
      null,
      null,
      e.rows.length,
      sum((x) => x.priceMinor),
      sum((x) => x.voucherMinor),
      sum((x) => x.paidByEnterpriseMinor ?? 0),
    ]);
    total.font = { bold: true };
    for (const c of MONEY_COLUMNS) ws.getColumn(c).numFmt = moneyFormat(e.currency);
    ws.getColumn(9).numFmt = 'yyyy-mm-dd hh:mm';
    ws.columns.forEach((col, i) => {
      col.width = i === 3 ? 38 : 22;
    });
  }
  return {
    fileName: `创新券结算-${s.month}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
