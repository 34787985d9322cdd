import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../files/pdf-text.fixtures.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createReceipt } from '../agreements/agreements.receipts.js';
import { buildDisclosure, buildFiling, buildLicence } from '../ip/ip.fixtures.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import type { Report } from './ttreports.schema.js';

let t: TestApp;
let officer: Client;
let researcher: Client;
let P: string;
const QUERY = 'from=2010&to=2016&basis=calendar&currency=USD';
let report: Report;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  P = (await buildPlatform(ctx, { code: 'TTX', nameZh: '测试平台', nameEn: 'Test platform' })).id;
  await buildUser(ctx, { username: 'tto', roles: ['tech_transfer_officer'], platformId: P });
  await buildUser(ctx, { username: 'res', roles: ['researcher'], platformId: P });
  officer = await signIn(t.app, 'tto');
  researcher = await signIn(t.app, 'res');

  const d1 = await buildDisclosure(ctx, P, { receivedDate: '2011-04-02' });
  await buildDisclosure(ctx, P, { receivedDate: '2014-07-09' });
  await buildDisclosure(ctx, P, { receivedDate: '2009-12-30' }); // before the period
  await buildFiling(ctx, d1.id, { filingDate: '2011-10-01', grantDate: '2014-02-11', status: 'granted' });
  const exclusive = await buildLicence(ctx, P, { executionDate: '2012-06-01', requestDate: '2012-01-15' });
  const software = await buildLicence(ctx, P, {
    licenceKind: 'software',
    exclusivity: 'non_exclusive',
    requestDate: '2015-01-01',
    executionDate: '2015-03-01',
  });
  await createReceipt(ctx, exclusive.id, {
    receivedDate: '2013-05-05',
    amountMinor: 1_250_000,
    currency: 'USD',
    category: 'earned_royalty',
  });
  await createReceipt(ctx, exclusive.id, {
    receivedDate: '2016-02-02',
    amountMinor: 300_050,
    currency: 'USD',
    category: 'annual_minimum',
  });
  await createReceipt(ctx, software.id, {
    receivedDate: '2015-03-10',
    amountMinor: 99_900,
    currency: 'USD',
    category: 'issue_fee',
  });
  await buildLicence(ctx, P, {
    kind: 'tech_service',
    licenceKind: null,
    exclusivity: null,
    partnerOrgId: (await buildOrg(ctx)).id,
    requestDate: null,
    executionDate: '2014-09-09',
    contractValueMinor: 5_000_000,
  });

  const res = await officer.get(`/api/platforms/${P}/reports/tech-transfer?${QUERY}`);
  expect(res.statusCode, res.body).toBe(200);
  report = res.json();
});
afterAll(() => t.close());

/** label (first cell) → the other cells' values, for every row of a worksheet. */
function rowsOf(ws: ExcelJS.Worksheet | undefined): Map<string, ExcelJS.CellValue[]> {
  const out = new Map<string, ExcelJS.CellValue[]>();
  ws?.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label !== 'string') return;
    const cells: ExcelJS.CellValue[] = [];
    for (let i = 2; i <= row.cellCount; i++) cells.push(row.getCell(i).value);
    if (!out.has(label)) out.set(label, cells);
  });
  return out;
}
const cents = (v: ExcelJS.CellValue) => Math.round((v as number) * 100);

describe('tech-transfer report files', () => {
  it('the JSON report the files must match holds the arranged records', () => {
    expect(report.inventionDisclosures).toBe(2);
    expect(report.patentsIssued).toBe(1);
    expect(report.activeLicences).toBe(2);
    expect(report.licenceIncome).toEqual({ amountMinor: 1_649_950, currency: 'USD' });
  });

  it('XLSX: one sheet per set and one by year, with the numbers of the JSON report', async () => {
    const res = await officer.get(`/api/platforms/${P}/reports/tech-transfer.xlsx?${QUERY}&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('tech-transfer-TTX-2010-2016.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['联邦实验室', 'AUTM', '成果转化年报', '分年度']);

    const fed = rowsOf(wb.getWorksheet('联邦实验室'));
    expect(fed.get('发明披露（新增）')?.[0]).toBe(report.inventionDisclosures);
    expect(fed.get('专利申请')?.[0]).toBe(report.patentApplications);
    expect(fed.get('专利授权')?.[0]).toBe(report.patentsIssued);
    expect(fed.get('期内有效许可（每项计一次）')?.[0]).toBe(report.activeLicences);
    expect(cents(fed.get('许可收入')?.[0] ?? null)).toBe(report.licenceIncome.amountMinor);
    const l = report.federal.licences;
    expect(fed.get('合计')).toEqual([l.active.total, l.new.total, l.incomeBearing.total]);
    expect(fed.get('软件')).toEqual([
      l.active.byKind.software,
      l.new.byKind.software,
      l.incomeBearing.byKind.software,
    ]);
    expect(fed.get('独占')).toEqual([
      l.active.byExclusivity.exclusive,
      l.new.byExclusivity.exclusive,
      l.incomeBearing.byExclusivity.exclusive,
    ]);
    expect(cents(fed.get('提成费合计')?.[0] ?? null)).toBe(
      report.federal.income.earnedRoyalties.total.amountMinor,
    );
    expect(fed.get('有申请日期的新签许可')?.[0]).toBe(report.federal.executionTime.licences);

    const autm = rowsOf(wb.getWorksheet('AUTM'));
    expect(cents(autm.get('AUTM 口径许可收入')?.[0] ?? null)).toBe(report.autm.licenceIncome.amountMinor);
    expect(autm.get('签署许可')?.[0]).toBe(report.autm.licencesExecuted);

    const cn = rowsOf(wb.getWorksheet('成果转化年报'));
    const service = report.china.modes.find((m) => m.mode === 'tech_service')!;
    expect(service.contracts).toBe(1);
    expect(cn.get('技术服务')?.[0]).toBe(service.contracts);
    expect(cents(cn.get('技术服务')?.[1] ?? null)).toBe(service.contractValue.amountMinor);
    expect(cents(cn.get('许可')?.[2] ?? null)).toBe(
      report.china.modes.find((m) => m.mode === 'licence')!.cashReceived.amountMinor,
    );

    const years = rowsOf(wb.getWorksheet('分年度'));
    expect(report.years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    for (const y of report.years) {
      const cells = years.get(String(y.year));
      expect(cells?.slice(2, 8), `year ${y.year}`).toEqual([
        y.inventionDisclosures,
        y.patentApplications,
        y.patentsIssued,
        y.activeLicences,
        y.newLicences,
        y.cradasNew,
      ]);
      expect(cents(cells?.[8] ?? null)).toBe(y.licenceIncome.amountMinor);
    }
  });

  it('PDF in Chinese: the CJK font draws the labels and the same figures', async () => {
    const res = await officer.get(`/api/platforms/${P}/reports/tech-transfer.pdf?${QUERY}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfText(res.rawPayload);
    expect(lines).toContain('科技成果转化报告');
    expect(lines).toContain('发明披露（新增）');
    expect(lines).toContain('US$16,499.50');
    expect(lines).toContain('美国联邦实验室指标');
    expect(lines).toContain('科技成果转化年度报告指标');
    expect(lines.join('\n')).not.toContain('No Chinese font');
    // When it was made, in Beijing time and named so; never the raw ISO text (issue 12 item 8).
    expect(lines.join('\n')).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 北京时间/);
    expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('PDF in English: English labels and amounts', async () => {
    const res = await officer.get(`/api/platforms/${P}/reports/tech-transfer.pdf?${QUERY}&lang=en-US`);
    expect(res.statusCode).toBe(200);
    const lines = pdfText(res.rawPayload);
    expect(lines).toContain('Technology-transfer report');
    expect(lines).toContain('Invention disclosures (new)');
    expect(lines).toContain('$16,499.50');
    expect(lines.join('')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(lines.join('\n')).toMatch(/Generated: [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC/);
    expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('same access and refusals as the JSON report: researcher 403, bad period or language 400, missing FX 422', async () => {
    const refused = await researcher.get(`/api/platforms/${P}/reports/tech-transfer.xlsx?${QUERY}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('problem+json');
    const bad = await officer.get(`/api/platforms/${P}/reports/tech-transfer.pdf?from=2016&to=2010`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/to');
    const lang = await officer.get(`/api/platforms/${P}/reports/tech-transfer.pdf?${QUERY}&lang=fr`);
    expect(lang.statusCode).toBe(400);
    // No EUR rates: the file is refused like the JSON report, naming the currency, and nothing is made.
    const fx = await officer.get(
      `/api/platforms/${P}/reports/tech-transfer.xlsx?from=2010&to=2016&currency=EUR`,
    );
    expect(fx.statusCode).toBe(422);
    expect(fx.json()).toMatchObject({ code: 'ttreports.missing_fx_rate' });
    expect(fx.json().errors[0].pointer).toBe('/currency');
  });
});
