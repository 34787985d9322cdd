import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCall } from '../modules/applications/applications.fixtures.js';
import { buildDisclosure, buildFiling, buildLicence } from '../modules/ip/ip.fixtures.js';
import { buildExtramuralProject } from '../modules/projects/projects.fixtures.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../test/harness.js';

/**
 * The list exports of issue 12 (projects, calls, agreements, disclosures, filings, users): each goes
 * through its list's service, so a caller gets exactly the rows the list shows them, in typed cells.
 */
let t: TestApp;
let A: string;
let B: string;
let adminA: Client;
let researcherA: Client;
let adminB: Client;
const mine: Record<string, string> = {};
const theirs: Record<string, string> = {};
let userA: string;
let userB: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  for (const [platformId, into] of [
    [A, mine],
    [B, theirs],
  ] as const) {
    into.project = (await buildExtramuralProject(ctx, platformId)).code;
    into.call = (await buildCall(ctx, { platformId })).code;
    into.licence = (await buildLicence(ctx, platformId)).refNo;
    const d = await buildDisclosure(ctx, platformId);
    into.disclosure = d.refNo;
    into.filing = (await buildFiling(ctx, d.id, { applicationNumber: `APP-${d.refNo}` })).applicationNumber!;
  }
  userA = (await buildUser(ctx, { roles: ['platform_admin'], platformId: A })).username;
  userB = (await buildUser(ctx, { roles: ['platform_admin'], platformId: B })).username;
  adminA = await signIn(t.app, userA);
  adminB = await signIn(t.app, userB);
  researcherA = await signIn(
    t.app,
    (await buildUser(ctx, { roles: ['researcher'], platformId: A })).username,
  );
});
afterAll(() => t.close());

/** The first sheet's rows, each cell as ExcelJS gives it (number, Date, string). */
async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { name: ws.name, rows, ws };
}

const lists = (p: string) => ({
  project: `/api/platforms/${p}/projects/export.xlsx`,
  call: `/api/platforms/${p}/calls/export.xlsx`,
  licence: `/api/platforms/${p}/agreements/export.xlsx`,
  disclosure: `/api/platforms/${p}/ip/disclosures/export.xlsx`,
  filing: `/api/platforms/${p}/ip/filings/export.xlsx`,
});

describe('list exports', () => {
  it("gives a platform's keeper its own rows only, and refuses another platform's admin", async () => {
    for (const [what, url] of Object.entries(lists(A))) {
      const res = await adminA.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const text = JSON.stringify((await sheetOf(res.rawPayload)).rows);
      expect(text, what).toContain(mine[what]);
      expect(text, what).not.toContain(theirs[what]);
      expect((await adminB.get(url)).statusCode, url).toBe(403);
    }
  });

  it('answers as the list does: a researcher exports projects but not the tech-transfer registers', async () => {
    const { project, disclosure, licence } = lists(A);
    expect((await researcherA.get(project)).statusCode).toBe(200);
    expect((await researcherA.get(disclosure)).statusCode).toBe(403);
    expect((await researcherA.get(licence)).statusCode).toBe(403);
  });

  it("applies the list's filters", async () => {
    const none = await adminA.get(`${lists(A).project}?q=no-such-project`);
    expect((await sheetOf(none.rawPayload)).rows).toHaveLength(1);
    const one = await adminA.get(`${lists(A).project}?q=${mine.project}`);
    expect((await sheetOf(one.rawPayload)).rows).toHaveLength(2);
  });

  it('writes numbers as numbers and dates as dates, headers and words in the chosen language', async () => {
    const en = await sheetOf((await adminA.get(`${lists(A).project}?lang=en-US&tz=UTC`)).rawPayload);
    const [head, row] = en.rows as [string[], unknown[]];
    expect(en.name).toBe('Projects');
    expect(head).toContain('Budget');
    expect(head).toContain('Updated (UTC)');
    expect(row[head.indexOf('Budget')]).toBe(10_000);
    expect(en.ws.getRow(2).getCell(head.indexOf('Budget') + 1).numFmt).toBe('#,##0.00 "CNY"');
    expect(row[head.indexOf('Starts')]).toBeInstanceOf(Date);
    expect(row[head.indexOf('State')]).toBe('Approved');
    const updated = row[head.indexOf('Updated (UTC)')] as Date;
    const zh = await sheetOf((await adminA.get(lists(A).project)).rawPayload);
    const [zhHead, zhRow] = zh.rows as [string[], unknown[]];
    expect(zh.name).toBe('项目');
    expect(zhHead).toContain('预算');
    expect(zhRow[zhHead.indexOf('状态')]).toBe('立项');
    // The same instant, written as Beijing wall-clock time (UTC+8) and named so in the header.
    const beijing = zhRow[zhHead.indexOf('更新时间（北京时间）')] as Date;
    expect(beijing.getTime() - updated.getTime()).toBe(8 * 3_600_000);
  });

  it('refuses an unknown time zone with a field pointer', async () => {
    const res = await adminA.get(`${lists(A).project}?tz=Mars/Olympus`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('tz');
  });

  it('exports the accounts a platform admin manages, not those of another platform', async () => {
    const res = await adminA.get('/api/users/export.xlsx?lang=en-US');
    expect(res.statusCode, res.body).toBe(200);
    const text = JSON.stringify((await sheetOf(res.rawPayload)).rows);
    expect(text).toContain(userA);
    expect(text).not.toContain(userB);
    expect((await researcherA.get('/api/users/export.xlsx')).statusCode).toBe(403);
  });
});
