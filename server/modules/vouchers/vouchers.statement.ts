import ExcelJS from 'exceljs';
import { currencyDigits } from '../../../common/platforms.js';
import { count, type ExportDoc, formatCell, money, text } from '../../../common/report-doc.js';
import { formatInZone } from '../../../common/time-format.js';
import { PDF_TYPE, printablePdf } from '../../files/pdf.js';
import type { ExportOptions } from '../../files/xlsx.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { serviceRequestNumbers } from '../services/services.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import { readsAllVouchers } from './vouchers.policy.js';
import { findSettlement, type Redemption, redemptionList } from './vouchers.redemptions.repository.js';
import { findScheme, findVoucher } from './vouchers.repository.js';

type Names = { nameZh: string; nameEn: string | null };
interface StatementLine extends Redemption {
  unit: Names;
  org: Names;
  requestNumber: string;
}
interface StatementScheme extends Names {
  currency: string;
  lines: StatementLine[];
}

/**
 * What a settlement's statement shows, the XLSX and the PDF alike: per scheme of the month, its
 * redemptions in the order they were redeemed, with the provider unit and the enterprise.
 */
async function statementOf(ctx: Ctx, id: string) {
  const s = await findSettlement(ctx.db, id);
  if (!s || !readsAllVouchers(ctx.actor, s.platformId)) throw notFound('vouchers.settlement_not_found');
  const lines = (await redemptionList(ctx.db, { platformId: s.platformId, settlementId: id })).sort((a, b) =>
    (a.redeemedAt ?? '').localeCompare(b.redeemedAt ?? ''),
  );
  const units = new Map((await unitAuthorities(ctx.db, s.platformId)).map((u) => [u.id, u]));
  const vouchers = await Promise.all(lines.map((x) => findVoucher(ctx.db, null, x.voucherId)));
  const orgs = await organisationNames(
    ctx.db,
    vouchers.map((v) => v!.organisationId),
  );
  const numbers = await serviceRequestNumbers(
    ctx.db,
    lines.map((x) => x.serviceRequestId),
  );
  const bySchemes = new Map<string, StatementScheme>();
  for (const [i, x] of lines.entries()) {
    const v = vouchers[i]!;
    let entry = bySchemes.get(v.schemeId);
    if (!entry) {
      const scheme = (await findScheme(ctx.db, null, v.schemeId))!;
      entry = { nameZh: scheme.nameZh, nameEn: scheme.nameEn, currency: scheme.currency, lines: [] };
      bySchemes.set(v.schemeId, entry);
    }
    entry.lines.push({
      ...x,
      unit: units.get(x.unitId) ?? { nameZh: x.unitId, nameEn: null },
      org: orgs.get(v.organisationId) ?? { nameZh: v.organisationId, nameEn: null },
      requestNumber: numbers.get(x.serviceRequestId)!,
    });
  }
  return { settlement: s, schemes: [...bySchemes.values()] };
}

const moneyFormat = (currency: string) => {
  const digits = currencyDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

/** Column headers in Chinese with the English after them: the statement goes to a finance office. */
const COLUMNS = [
  '合同编号 Contract',
  '服务单位 Provider',
  '企业 Enterprise',
  '申请编号 Request number',
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

const paidBy = (x: Redemption) => x.paidByEnterpriseMinor ?? 0;
const sum = (lines: readonly Redemption[], f: (x: Redemption) => number) =>
  lines.reduce((n, x) => n + f(x), 0);

/**
 * The statement of a monthly settlement as XLSX: one sheet per scheme of the month, each redemption a
 * row and a total row under it; amounts are numbers (major units with the currency's format), so the
 * finance office can add them up, and the totals equal the batch's total.
 */
export async function settlementStatement(ctx: Ctx, id: string) {
  const { settlement: s, schemes } = await statementOf(ctx, id);
  const book = new ExcelJS.Workbook();
  book.creator = 'Commonlab';
  book.title = `创新券结算 ${s.month}`;
  const used = new Set<string>();
  for (const e of schemes) {
    const ws = book.addWorksheet(sheetName(`${s.month} ${e.nameZh}`, used));
    ws.addRow([`${e.nameZh} · ${s.month} 结算单 Settlement statement`]).font = { bold: true, size: 14 };
    ws.addRow([`批次 Batch ${s.id}`]).font = { color: { argb: 'FF595959' } };
    ws.addRow([]);
    ws.addRow([...COLUMNS]).font = { bold: true };
    const major = (minor: number) => minor / 10 ** currencyDigits(e.currency);
    for (const x of e.lines)
      ws.addRow([
        x.contractRef,
        x.unit.nameZh,
        x.org.nameZh,
        x.requestNumber,
        major(x.priceMinor),
        major(x.voucherMinor),
        major(paidBy(x)),
        x.paymentRef,
        x.redeemedAt ? new Date(x.redeemedAt) : null,
      ]);
    const total = ws.addRow([
      '合计 Total',
      null,
      null,
      e.lines.length,
      major(sum(e.lines, (x) => x.priceMinor)),
      major(sum(e.lines, (x) => x.voucherMinor)),
      major(sum(e.lines, paidBy)),
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

type Pair = readonly [string, string];

/**
 * The same statement as a printable PDF (A4 landscape) in the reader's language: one table per scheme
 * with the same rows and total row as the XLSX, amounts formatted in the currency, times in the reader's
 * zone with the zone named, and the batch's total under the title.
 */
export async function settlementStatementPdf(ctx: Ctx, id: string, q: ExportOptions) {
  const { settlement: s, schemes } = await statementOf(ctx, id);
  const body = await printablePdf(
    q.lang,
    (lang): ExportDoc => {
      const zh = lang === 'zh-CN';
      const l = (p: Pair) => p[zh ? 0 : 1];
      const name = (n: Names) => (zh ? n.nameZh : (n.nameEn ?? n.nameZh));
      const amount = (amountMinor: number, currency: string) => money({ amountMinor, currency });
      return {
        lang,
        title: l([`创新券结算单 ${s.month}`, `Innovation voucher settlement statement ${s.month}`]),
        meta: [
          `${l(['批次', 'Batch'])}: ${s.id}`,
          `${l(['结算时间', 'Settled at'])}: ${formatInZone(s.createdAt, lang, q.tz)}`,
          `${l(['兑付笔数', 'Redemptions'])}: ${schemes.reduce((n, e) => n + e.lines.length, 0)} · ${l(['创新券支付合计', 'Voucher part in total'])}: ${formatCell(amount(s.totalMinor, s.currency), lang)}`,
        ],
        sheets: schemes.map((e, i) => ({
          name: `scheme-${i + 1}`,
          title: name(e),
          tables: [
            {
              title: l(['兑付明细', 'Redemptions']),
              columns: [
                l(['合同编号', 'Contract']),
                l(['服务单位', 'Provider']),
                l(['企业', 'Enterprise']),
                l(['服务申请', 'Request']),
                l(['报价', 'Price']),
                l(['创新券支付', 'Voucher part']),
                l(['企业自付', 'Paid by enterprise']),
                l(['付款凭证', 'Payment reference']),
                l(['兑付时间', 'Redeemed at']),
              ],
              rows: [
                ...e.lines.map((x) => [
                  text(x.contractRef ?? '—'),
                  text(name(x.unit)),
                  text(name(x.org)),
                  text(x.requestNumber),
                  amount(x.priceMinor, e.currency),
                  amount(x.voucherMinor, e.currency),
                  amount(paidBy(x), e.currency),
                  text(x.paymentRef ?? '—'),
                  text(formatInZone(x.redeemedAt, lang, q.tz)),
                ]),
                [
                  text(l(['合计', 'Total'])),
                  text(''),
                  text(''),
                  count(e.lines.length),
                  amount(
                    sum(e.lines, (x) => x.priceMinor),
                    e.currency,
                  ),
                  amount(
                    sum(e.lines, (x) => x.voucherMinor),
                    e.currency,
                  ),
                  amount(sum(e.lines, paidBy), e.currency),
                  text(''),
                  text(''),
                ],
              ],
            },
          ],
        })),
      };
    },
    { layout: 'landscape' },
  );
  const fileName = `${q.lang === 'zh-CN' ? '创新券结算' : 'voucher-settlement'}-${s.month}.pdf`;
  return { fileName, mediaType: PDF_TYPE, body };
}
