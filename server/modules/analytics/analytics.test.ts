import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../files/pdf-text.fixtures.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { setFxRates } from '../agreements/agreements.receipts.js';
import { buildDisclosure, buildFiling } from '../ip/ip.fixtures.js';
import { makeResult, publicationBody, technologyBody } from '../results/results.fixtures.js';
import { createUser } from '../users/users.service.js';
import type { AnalyticsView } from './analytics.schema.js';

// Two platforms with known figures: A (a USD government institute, fiscal year from October, two units)
// and B (a CNY technology alliance). Amounts are converted to CNY with a stored 2020 rate.
let t: TestApp;
let A: string;
let B: string;
let labA1: string;
let labA2: string;
let supervisorA: Client;
let supervisorAB: Client;
let directorA1: Client;
let researcherA: Client;
let sysadmin: Client;

const get = async (c: Client, q: string) => c.get(`/api/analytics?from=2019&to=2021&${q}`);
const body = (r: { json: () => unknown }) => r.json() as AnalyticsView;
const of = (v: AnalyticsView, id: string) => v.platforms.find((p) => p.id === id)!;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'ANA' })).id;
  B = (await buildPlatform(ctx, { code: 'ANB', model: 'tech_alliance' })).id;
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  const adminA = await signIn(t.app, 'admin-a');
  const adminB = await signIn(t.app, 'admin-b');
  await adminA.patch(`/api/platforms/${A}`, {
    defaultCurrency: 'USD',
    fiscalYearStartMonth: 10,
    ratingFunding: 3,
    ratingRd: 3,
    ratingManagement: 2,
    country: 'US',
  });
  await adminB.patch(`/api/platforms/${B}`, {
    ratingFunding: 1,
    ratingRd: 0,
    ratingManagement: 0,
    country: 'CN',
  });
  await adminA.put(`/api/platforms/${A}/funding`, {
    rows: [
      { year: 2020, source: 'appropriation', amountMinor: 1_000, isIllustrative: true },
      { year: 2020, source: 'licence_income', amountMinor: 500 },
      { year: 2018, source: 'appropriation', amountMinor: 9_999 }, // outside the period
    ],
  });
  await adminB.put(`/api/platforms/${B}/funding`, {
    rows: [{ year: 2021, source: 'member_dues', amountMinor: 7_000 }],
  });
  await setFxRates(ctx, { rates: [{ year: 2020, currency: 'USD', quoteCurrency: 'CNY', rate: 7 }] });

  const directorUser = await buildUser(ctx, {
    username: 'director-a1',
    roles: ['lab_director'],
    platformId: A,
  });
  const person = (await buildPerson(ctx, { userId: directorUser.id })).id;
  labA1 = (await buildUnit(ctx, { platformId: A, nameEn: 'Alpha Lab', directorPersonId: person })).id;
  labA2 = (await buildUnit(ctx, { platformId: A, nameEn: 'Beta Lab' })).id;

  // Results: two of lab 1 (2019, 2020), one of lab 2 (2020), one draft (never counted), one of B.
  await makeResult(ctx, technologyBody(A, { unitId: labA1, year: 2019 }));
  await makeResult(ctx, publicationBody(A, { unitId: labA1, year: 2020, type: 'software' }));
  await makeResult(ctx, technologyBody(A, { unitId: labA2, year: 2020 }));
  await makeResult(ctx, technologyBody(A, { unitId: labA2, year: 2020 }), false);
  await makeResult(ctx, technologyBody(B, { year: 2021 }));
  // Disclosures on A's fiscal years: 2019-10-01 is in FY2020, 2019-09-30 in FY2019.
  const d = await buildDisclosure(ctx, A, { receivedDate: '2019-10-01', unitId: labA1 });
  await buildDisclosure(ctx, A, { receivedDate: '2019-09-30', unitId: labA2 });
  await buildFiling(ctx, d.id, { filingDate: '2020-02-01' });

  await buildUser(ctx, { username: 'sup-a', roles: ['supervisor'], platformId: A });
  await createUser(ctx, {
    username: 'sup-ab',
    displayName: 'sup-ab',
    password: TEST_PASSWORD,
    isSystemAdmin: false,
    isSecurityAdmin: false,
    isAuditAdmin: false,
    roles: [
      { platformId: A, role: 'supervisor' },
      { platformId: B, role: 'supervisor' },
    ],
  });
  await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  supervisorA = await signIn(t.app, 'sup-a');
  supervisorAB = await signIn(t.app, 'sup-ab');
  directorA1 = await signIn(t.app, 'director-a1');
  researcherA = await signIn(t.app, 'researcher-a');
  sysadmin = await signIn(t.app, 'root');
});
afterAll(() => t.close());

describe('analytics', () => {
  it('answers each platform a supervisor supervises, year by year, money converted with the stored rate', async () => {
    const r = await get(supervisorAB, 'currency=CNY');
    expect(r.statusCode).toBe(200);
    const v = body(r);
    expect(v.years).toEqual([2019, 2020, 2021]);
    expect(v.converted).toBe(true);
    expect(v.platforms.map((p) => p.code).sort()).toEqual(['ANA', 'ANB']);
    const a = of(v, A);
    // 1 000 + 500 US cents in 2020 at 7 CNY per USD; 2018 is outside the period.
    expect(a.figures.funding?.byYear).toEqual([0, 10_500, 0]);
    expect(a.figures.funding?.parts.find((p) => p.key === 'appropriation')?.total).toBe(7_000);
    expect(a.fundingIllustrative).toBe(true);
    expect(a.govParticipation).toBe(8);
    expect(a.figures.results_published?.byYear).toEqual([1, 2, 0]);
    expect(a.figures.results_published?.parts.find((p) => p.key === 'software')?.byYear).toEqual([0, 1, 0]);
    // Calendar years (the default basis): both disclosures were received in 2019.
    expect(a.figures.disclosures?.byYear).toEqual([2, 0, 0]);
    expect(a.figures.patent_applications?.byYear).toEqual([0, 1, 0]);
    const b = of(v, B);
    expect(b.figures.funding?.byYear).toEqual([0, 0, 7_000]);
    expect(b.fundingIllustrative).toBe(false);
    expect(b.figures.results_published?.total).toBe(1);
    expect(b.figures.success_rate?.byYear).toEqual([null, null, null]);
  });

  it("counts flows in each platform's own fiscal year on the fiscal basis", async () => {
    const v = body(await get(supervisorA, 'basis=fiscal&currency=USD'));
    // A's fiscal year starts in October: 2019-10-01 belongs to FY2020, 2019-09-30 to FY2019.
    expect(of(v, A).figures.disclosures?.byYear).toEqual([1, 1, 0]);
    const cal = body(await get(supervisorA, 'basis=calendar&currency=USD'));
    expect(of(cal, A).figures.disclosures?.byYear).toEqual([2, 0, 0]);
    expect(cal.converted).toBe(false);
  });

  it('cuts by model, region and government participation', async () => {
    expect(body(await get(supervisorAB, 'model=tech_alliance')).platforms.map((p) => p.id)).toEqual([B]);
    expect(body(await get(supervisorAB, 'country=us')).platforms.map((p) => p.id)).toEqual([A]);
    expect(body(await get(supervisorAB, 'minGovParticipation=5')).platforms.map((p) => p.id)).toEqual([A]);
    expect(body(await get(supervisorAB, `platformIds=${B},${A}`)).platforms).toHaveLength(2);
  });

  it('cuts to one unit: only the figures a unit has, and only its records', async () => {
    const v = body(await get(supervisorA, `unitId=${labA2}&currency=USD`));
    const a = of(v, A);
    expect(a.unitId).toBe(labA2);
    expect(a.figures.results_published?.byYear).toEqual([0, 1, 0]);
    expect(a.figures.funding).toBeNull();
    expect(a.figures.calls_opened).toBeNull();
    expect(a.figures.success_rate).toBeNull();
  });

  it('shows a lab director its own unit only, never the platform totals', async () => {
    const v = body(await get(directorA1, 'currency=USD'));
    expect(v.platforms).toHaveLength(1);
    const a = of(v, A);
    expect(a.unitId).toBe(labA1);
    expect(a.figures.results_published?.byYear).toEqual([1, 1, 0]);
    expect(a.figures.funding).toBeNull();
    const other = await get(directorA1, `unitId=${labA2}`);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('analytics.unit_not_analysed');
  });

  it('refuses a platform the caller does not analyse, and callers who analyse none', async () => {
    expect((await get(supervisorA, `platformIds=${B}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `platformIds=${A},${B}`)).statusCode).toBe(403);
    expect((await get(researcherA, '')).statusCode).toBe(403);
    expect(body(await get(supervisorA, 'currency=USD')).platforms.map((p) => p.id)).toEqual([A]);
    expect(body(await get(sysadmin, 'currency=CNY')).platforms.length).toBeGreaterThanOrEqual(2);
  });

  it('fails with the missing rate named rather than leaving an amount out', async () => {
    const r = await get(supervisorAB, 'currency=EUR');
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('ttreports.missing_fx_rate');
  });

  it('validates the period before anything else', async () => {
    const r = await supervisorA.get('/api/analytics?from=2021&to=2019');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('request.validation_failed');
  });

  it('exports the dashboard as XLSX: one sheet per chart, its definition, numbers as numbers', async () => {
    const r = await supervisorAB.get('/api/analytics.xlsx?from=2019&to=2021&currency=CNY&lang=zh-CN');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => w.getCell('A1').value === '成果（按类型）')!;
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const a = rows.find((row) => row[0] === '平台ANA')!;
    expect(a.slice(1, 5)).toEqual([1, 2, 0, 3]);
    expect(rows.flat()).toContain(
      '成果年份落在该年度内的已发布成果数，按类型（技术、论文、标准、标准物质、软件、数据集）分列；成果只记年份，按日历年计。',
    );
    const funding = wb.worksheets.find((w) => w.getCell('A1').value === '经费投入（按来源）')!;
    const fa: unknown[][] = [];
    funding.eachRow((row) => {
      fa.push((row.values as unknown[]).slice(1));
    });
    expect(fa.find((row) => row[0] === '平台ANA')?.slice(1, 4)).toEqual([0, 105, 0]);
  });

  it('makes the annual report PDF of a platform in Chinese with its sections and figures', async () => {
    const r = await supervisorA.get(
      `/api/analytics/annual-report.pdf?platformId=${A}&year=2020&basis=calendar&currency=USD`,
    );
    expect(r.statusCode).toBe(200);
    const lines = pdfText(r.rawPayload);
    expect(lines).toContain('平台ANA 2020 年度报告');
    for (const s of ['一、投入', '二、产出', '三、成果转化', '四、服务']) expect(lines).toContain(s);
    expect(lines).toContain('成果（按类型）');
    expect(lines.join('')).not.toContain('\uFFFD');
    expect(
      (await supervisorA.get(`/api/analytics/annual-report.pdf?platformId=${B}&year=2020`)).statusCode,
    ).toBe(403);
  });
});

/** Path-construction operators (moveto, lineto, curveto) in the PDF's content streams: drawn vectors. */
function pathOps(pdf: Buffer): number {
  let n = 0;
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated stream (a font program, for instance)
    }
    n += [...content.matchAll(/ [mlc]\n/g)].length;
  }
  return n;
}

describe('analytics annual report charts', () => {
  const report = (lang: string) =>
    supervisorA.get(
      `/api/analytics/annual-report.pdf?platformId=${A}&year=2020&basis=calendar&currency=USD&lang=${lang}`,
    );

  it('draws each chart as vector paths with its texts, no picture, in Chinese', async () => {
    const r = await report('zh-CN');
    expect(r.statusCode).toBe(200);
    const pdf = r.rawPayload;
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
    // Tables are rectangles (re); the bars, axes and legends of the charts are paths.
    expect(pathOps(pdf)).toBeGreaterThan(200);
    // A chart's texts are drawn glyph by glyph at their SVG positions: read them joined.
    const all = pdfText(pdf).join('');
    // The charts' axis labels (the five years), and the results chart's legend.
    expect(all).toContain('20162017201820192020');
    expect(all).toContain('技术软件');
    expect(all).not.toContain('\uFFFD');
  });

  it('draws the same charts in the English report', async () => {
    const r = await report('en-US');
    expect(r.statusCode).toBe(200);
    expect(pathOps(r.rawPayload)).toBeGreaterThan(200);
    const lines = pdfText(r.rawPayload);
    expect(lines).toContain('Results by type');
    expect(lines.join('')).toContain('Technology for licensingSoftware');
    expect(lines.join('')).toContain('20162017201820192020');
  });
});
