import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeResult, publicationBody, technologyBody } from './results.fixtures.js';

/**
 * The staff catalog's XLSX (docs/exports.md): read through listResults, so a caller gets the results of
 * the platforms whose catalog they read, drafts and internal ones included, with the list's filters.
 */
let t: TestApp;
let A: string;
let B: string;
let officerA: Client;
let adminB: Client;
let expertA: Client;

async function rowsOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  const [head, ...data] = rows as [string[], ...unknown[][]];
  return { head, data, text: JSON.stringify(data), name: wb.worksheets[0]!.name };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await makeResult(ctx, technologyBody(A, { titleEn: 'A-TECH published voltage standard' }));
  await makeResult(
    ctx,
    publicationBody(A, { titleEn: 'A-PUB draft internal memo', visibility: 'internal' }),
    false,
  );
  await makeResult(ctx, publicationBody(B, { titleEn: 'B-PUB their paper' }));
  officerA = await signIn(
    t.app,
    (await buildUser(ctx, { roles: ['tech_transfer_officer'], platformId: A })).username,
  );
  adminB = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId: B })).username);
  expertA = await signIn(t.app, (await buildUser(ctx, { roles: ['expert'], platformId: A })).username);
});
afterAll(() => t.close());

describe('results export', () => {
  it("holds the rows the caller's list holds: its platforms' results, drafts and internal ones too", async () => {
    const res = await officerA.get('/api/results/export.xlsx?lang=en-US&tz=UTC');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('results-');
    const { head, data, text, name } = await rowsOf(res.rawPayload);
    expect(name).toBe('Results');
    expect(data).toHaveLength((await officerA.get('/api/results')).json().total);
    expect(text).toContain('A-TECH');
    expect(text).toContain('A-PUB');
    expect(text).not.toContain('B-PUB');
    const tech = data.find((r) => String(r[0]).startsWith('A-TECH'))!;
    expect(tech[head.indexOf('Type')]).toBe('Technology for licensing');
    expect(tech[head.indexOf('TRL')]).toBe(6);
    expect(tech[head.indexOf('Updated (UTC)')]).toBeInstanceOf(Date);

    const theirs = await rowsOf((await adminB.get('/api/results/export.xlsx?lang=en-US')).rawPayload);
    expect(theirs.text).toContain('their paper');
    expect(theirs.text).not.toContain('A-');
    // A role that does not read the catalog lists nothing and exports nothing.
    expect((await rowsOf((await expertA.get('/api/results/export.xlsx')).rawPayload)).data).toHaveLength(0);
  });

  it("applies the list's filters and writes the reader's words", async () => {
    const drafts = await rowsOf((await officerA.get('/api/results/export.xlsx?state=draft')).rawPayload);
    expect(drafts.data).toHaveLength(1);
    expect(drafts.head).toContain('状态');
    expect(drafts.data[0]![drafts.head.indexOf('状态')]).toBe('草稿');
    expect(drafts.data[0]![drafts.head.indexOf('可见范围')]).toBe('内部');
    const typed = await rowsOf((await officerA.get('/api/results/export.xlsx?type=technology')).rawPayload);
    expect(typed.data).toHaveLength(1);
    const other = await rowsOf((await officerA.get(`/api/results/export.xlsx?platformId=${B}`)).rawPayload);
    expect(other.data).toHaveLength(0);
    const bad = await officerA.get('/api/results/export.xlsx?state=nonsense');
    expect(bad.statusCode).toBe(400);
  });
});
