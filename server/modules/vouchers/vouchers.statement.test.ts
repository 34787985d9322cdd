import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '../../../common/time-format.js';
import { pdfText } from '../../files/pdf-text.fixtures.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { pdfBytes } from '../applications/applications.fixtures.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildPublishedService } from '../services/services.fixtures.js';
import { profile, schemeInput } from './vouchers.fixtures.js';

/**
 * The settlement statement (XLSX, one sheet per scheme with its total) and the signal of a provider and
 * an enterprise sharing people or an address (issue 14).
 */
let t: TestApp;
let A: string;
let unitId: string;
let service: string;
let director: Client;
let supervisor: Client;
let settlementId: string;
const smes: Client[] = [];
const orgIds: string[] = [];
const schemes: string[] = [];
/** The address of the lab's host institute, written differently by the enterprise that shares it. */
const HOST_ADDRESS = '济南市历下区经十路 100 号';
const move = (c: Client, id: string, body: object) => c.post(`/api/service-requests/${id}/transitions`, body);

/** A request of `c` quoted at `price`, paid partly by `voucher`, delivered and redeemed with proof. */
async function redeemed(c: Client, voucher: string, price: number, k: number) {
  const id = (await c.post(`/api/services/${service}/requests`, { description: '材料成分检测' })).json().id;
  await move(director, id, { action: 'quote', priceMinor: price, dueOn: '2030-01-15' });
  const used = await c.post(`/api/service-requests/${id}/voucher`, { voucherId: voucher });
  expect(used.statusCode, used.body).toBe(201);
  await move(c, id, { action: 'accept' });
  await move(director, id, { action: 'contract' });
  await move(director, id, { action: 'start' });
  const report = await director.request({
    method: 'POST',
    url: `/api/service-requests/${id}/report`,
    ...multipart(pdfBytes(`statement ${k}`), '检测报告.pdf'),
  });
  expect(report.statusCode, report.body).toBe(200);
  const x = used.json();
  const res = await director.post(`/api/voucher-redemptions/${x.id}/redeem`, {
    contractRef: `HT-2026-${k}`,
    paymentRef: `PAY-${k}`,
    paidByEnterpriseMinor: x.priceMinor - x.voucherMinor,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { voucherMinor: number; priceMinor: number };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const host = await buildOrganisation(ctx, { nameZh: '某研究院', address: HOST_ADDRESS });
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  const dirPerson = await buildPerson(ctx, { userId: dir.id, organisationId: host.id });
  unitId = (await buildUnit(ctx, { platformId: A, directorPersonId: dirPerson.id })).id;
  service = (
    await buildPublishedService(ctx, A, unitId, { kind: 'testing', priceRule: 'fixed', priceMinor: 100_000 })
  ).id;
  for (const [name, org, address] of [
    ['sme', '聊城某机械有限公司', '济南市历下区经十路100号'],
    ['sme2', '济南某新材料有限公司', '济南市高新区舜华路 2000 号'],
  ] as const) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    const o = await buildOrganisation(ctx, { nameZh: org, address });
    orgIds.push(o.id);
    await buildPerson(ctx, { userId: u.id, organisationId: o.id });
    smes.push(await signIn(t.app, name));
  }
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: A });
  director = await signIn(t.app, 'dir');
  supervisor = await signIn(t.app, 'sup');
  // A researcher of the provider unit who belongs to the second enterprise.
  const insider = await buildPerson(ctx, { nameZh: '李四', organisationId: orgIds[1]! });
  const added = await director.post(`/api/units/${unitId}/staff`, {
    personId: insider.id,
    position: 'researcher',
  });
  expect(added.statusCode, added.body).toBe(201);
  for (const [name, nameEn] of [
    ['山东省创新券（测试）', 'Shandong vouchers (test)'],
    ['济南市科技创新券', 'Jinan vouchers'],
  ]) {
    const created = await supervisor.post(`/api/platforms/${A}/voucher-schemes`, {
      ...schemeInput(unitId),
      nameZh: name,
      nameEn,
    });
    expect(created.statusCode, created.body).toBe(201);
    schemes.push(created.json().id);
    await supervisor.post(`/api/voucher-schemes/${created.json().id}/state`, { to: 'open' });
  }
  const issue = async (c: Client, scheme: string, controllerId: string) => {
    const applied = await c.post(`/api/voucher-schemes/${scheme}/applications`, {
      amountMinor: 150_000,
      profile: profile({ controllerId }),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    return (await supervisor.post(`/api/vouchers/${applied.json().id}/decision`, { action: 'issue' })).json()
      .id as string;
  };
  const v1 = await issue(smes[0]!, schemes[0]!, 'C-1');
  const v2 = await issue(smes[1]!, schemes[1]!, 'C-2');
  // 聊城 enterprises: 60 % of the price (济南 provider, not local).
  expect((await redeemed(smes[0]!, v1, 100_000, 1)).voucherMinor).toBe(60_000);
  expect((await redeemed(smes[0]!, v1, 120_000, 2)).voucherMinor).toBe(72_000);
  expect((await redeemed(smes[1]!, v2, 100_000, 3)).voucherMinor).toBe(60_000);
  const month = new Date().toISOString().slice(0, 7);
  const settled = await supervisor.post(`/api/platforms/${A}/voucher-settlements`, { month });
  expect(settled.statusCode, settled.body).toBe(201);
  expect(settled.json().totalMinor).toBe(192_000);
  settlementId = settled.json().id;
});
afterAll(() => t.close());

describe('settlement statement (XLSX)', () => {
  it('has one sheet per scheme of the month, a row per redemption, amounts as numbers and a total equal to the batch', async () => {
    const res = await supervisor.get(`/api/voucher-settlements/${settlementId}/statement.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`创新券结算-${new Date().toISOString().slice(0, 7)}.xlsx`)}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name.slice(8)).sort()).toEqual([
      '山东省创新券（测试）',
      '济南市科技创新券',
    ]);
    const sheet = book.worksheets.find((w) => w.name.includes('山东'))!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const lines = rows.filter((r) => String(r[1]).startsWith('HT-'));
    // Each request by its number (per platform and year, in the order they were made), not its id.
    expect(rows.find((r) => r[1] === '合同编号 Contract')?.[4]).toBe('申请编号 Request number');
    expect(lines.map((r) => [r[1], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['HT-2026-1', '聊城某机械有限公司', 'SR-2026-00001', 1000, 600, 400, 'PAY-1'],
      ['HT-2026-2', '聊城某机械有限公司', 'SR-2026-00002', 1200, 720, 480, 'PAY-2'],
    ]);
    const total = rows.find((r) => r[1] === '合计 Total')!;
    expect([total[4], total[5], total[6], total[7]]).toEqual([2, 2200, 1320, 880]);
    expect(sheet.getColumn(6).numFmt).toBe('#,##0.00 "CNY"');
    const other = book.worksheets.find((w) => w.name.includes('济南'))!;
    const otherTotal = (other.getSheetValues().filter(Boolean) as unknown[][]).find(
      (r) => r[1] === '合计 Total',
    )!;
    // The sheets' totals add up to the batch's total (192,000 minor units).
    expect((total[6] as number) + (otherTotal[6] as number)).toBe(1920);
  });

  it('is for the overseers only: the provider and the enterprise get 404', async () => {
    for (const c of [director, smes[0]!])
      expect((await c.get(`/api/voucher-settlements/${settlementId}/statement.xlsx`)).statusCode).toBe(404);
  });
});

describe('settlement statement (PDF)', () => {
  const url = () => `/api/voucher-settlements/${settlementId}/statement.pdf`;
  const month = () => new Date().toISOString().slice(0, 7);
  /** The statement's lines with each table row's cells joined, so a row reads as one string. */
  const read = async (query: string) => {
    const res = await supervisor.get(`${url()}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { res, text: pdfText(res.rawPayload).join('\n') };
  };
  const redeemedAt = async (contract: string) =>
    (
      await t.database.db
        .selectFrom('voucher_redemptions')
        .select('redeemed_at')
        .where('contract_ref', '=', contract)
        .executeTakeFirstOrThrow()
    ).redeemed_at!;

  it('shows the XLSX figures in Chinese: a table per scheme, formatted amounts, the totals, times in Beijing time', async () => {
    const { res, text } = await read('');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`创新券结算-${month()}.pdf`)}`,
    );
    for (const s of [
      `创新券结算单 ${month()}`,
      `批次: ${settlementId}`,
      '兑付笔数: 3 · 创新券支付合计: ¥1,920.00',
      '山东省创新券（测试）',
      '济南市科技创新券',
      '合同编号',
      '企业自付',
      'HT-2026-1',
      'SR-2026-00001',
      'PAY-2',
      '¥1,200.00',
      '¥720.00',
      '¥480.00',
      // The first scheme's total row: 2 redemptions, price 2,200, voucher 1,320, paid 880.
      '¥2,200.00',
      '¥1,320.00',
      '¥880.00',
      `兑付时间`,
      formatInZone(await redeemedAt('HT-2026-3'), 'zh-CN', 'Asia/Shanghai'),
    ])
      expect(text).toContain(s);
    expect(text).toContain('北京时间');
    expect(text.replace(/\n/g, '')).toContain('聊城某机械有限公司');
  });

  it('is in English with ?lang=en-US, times in the zone asked for and named', async () => {
    const { res, text } = await read('?lang=en-US&tz=Europe/Berlin');
    expect(res.headers['content-disposition']).toContain(`voucher-settlement-${month()}.pdf`);
    for (const s of [
      `Innovation voucher settlement statement ${month()}`,
      'Redemptions: 3 · Voucher part in total: CN¥1,920.00',
      'Shandong vouchers (test)',
      'Jinan vouchers',
      'Paid by enterprise',
      'Total',
      'CN¥2,200.00',
      formatInZone(await redeemedAt('HT-2026-1'), 'en-US', 'Europe/Berlin'),
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('合同编号');
  });

  it('refuses an unknown zone with its field, and is for the overseers only', async () => {
    const bad = await supervisor.get(`${url()}?tz=Mars/Olympus`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('tz');
    for (const c of [director, smes[0]!]) expect((await c.get(url())).statusCode).toBe(404);
  });
});

describe('shared people or address signal', () => {
  it('names the unit member who belongs to the enterprise, and the enterprise registered at the host institute’s address', async () => {
    const res = await supervisor.get(`/api/platforms/${A}/voucher-fraud-signals`);
    expect(res.statusCode, res.body).toBe(200);
    const shared = (res.json().items as { kind: string; evidence: Record<string, unknown> }[])
      .filter((s) => s.kind === 'shared_people_or_address')
      .map((s) => s.evidence)
      .sort((a, b) => String(a.organisationName).localeCompare(String(b.organisationName)));
    expect(shared).toEqual(
      [
        {
          unitId,
          unitName: expect.any(String),
          organisationId: orgIds[0],
          organisationName: '聊城某机械有限公司',
          people: [],
          address: '济南市历下区经十路100号',
        },
        {
          unitId,
          unitName: expect.any(String),
          organisationId: orgIds[1],
          organisationName: '济南某新材料有限公司',
          people: [{ personId: expect.any(String), name: '李四', why: 'member_of_enterprise' }],
          address: null,
        },
      ].sort((a, b) => a.organisationName.localeCompare(b.organisationName)),
    );
  });
});
