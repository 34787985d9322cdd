import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCall } from '../modules/applications/applications.fixtures.js';
import { buildExtramuralProject } from '../modules/projects/projects.fixtures.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../test/harness.js';

/**
 * The size of a list export (docs/exports.md): every row the list selects, read page by page, however
 * many pages; above the most one file may hold, a 422 naming the limit and the count and no file. The
 * page size and the limit are lowered (EXPORT_PAGE_ROWS=2, EXPORT_MAX_ROWS=7) so a few rows span pages.
 */
const PAGE = 2;
const MAX = 7;
let t: TestApp;
let platformId: string;
let admin: Client;
let auditor: Client;

beforeAll(async () => {
  t = await setupTestApp({ env: { EXPORT_PAGE_ROWS: String(PAGE), EXPORT_MAX_ROWS: String(MAX) } });
  const ctx = t.systemCtx();
  platformId = (await buildPlatform(ctx)).id;
  for (let i = 0; i < 5; i++) await buildExtramuralProject(ctx, platformId);
  for (let i = 0; i < 3; i++) await buildCall(ctx, { platformId });
  admin = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId })).username);
  auditor = await signIn(t.app, (await buildUser(ctx, { auditAdmin: true })).username);
});
afterAll(() => t.close());

async function dataRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows.slice(1);
}

describe('export size', () => {
  it("writes every row of a list spanning several pages: the file's rows are the list's total", async () => {
    const projects = `/api/platforms/${platformId}/projects`;
    const total = (await admin.get(`${projects}?pageSize=1`)).json().total as number;
    expect(total).toBe(5);
    const file = await admin.get(`${projects}/export.xlsx?lang=en-US`);
    expect(file.statusCode, file.body).toBe(200);
    const rows = await dataRows(file.rawPayload);
    expect(rows).toHaveLength(total);
    // Each project once: no page read twice or skipped.
    expect(new Set(rows.map((r) => r[0])).size).toBe(total);

    const calls = `/api/platforms/${platformId}/calls`;
    const callTotal = (await admin.get(calls)).json().total as number;
    expect(callTotal).toBe(3);
    expect(await dataRows((await admin.get(`${calls}/export.xlsx`)).rawPayload)).toHaveLength(callTotal);
  });

  it('writes exactly the limit, and refuses one row more with 422 naming the limit and the count', async () => {
    const ctx = t.systemCtx();
    await buildExtramuralProject(ctx, platformId);
    await buildExtramuralProject(ctx, platformId);
    const url = `/api/platforms/${platformId}/projects/export.xlsx`;
    expect(await dataRows((await admin.get(url)).rawPayload)).toHaveLength(MAX);

    await buildExtramuralProject(ctx, platformId);
    const refused = await admin.get(url);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(refused.json()).toMatchObject({ code: 'exports.too_many_rows', limit: MAX, total: MAX + 1 });
    // The filters count: narrowed to one project, the same list exports.
    const code = (await admin.get(`/api/platforms/${platformId}/projects?pageSize=1`)).json().items[0].code;
    expect(await dataRows((await admin.get(`${url}?q=${code}`)).rawPayload)).toHaveLength(1);
  });

  it("sizes the audit export (paged on the chain's sequence) by the entries the filter selects", async () => {
    const refused = await auditor.get('/api/audit/export.xlsx');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().limit).toBe(MAX);
    expect(refused.json().total).toBe(
      ((await auditor.get('/api/audit?limit=100')).json().items as unknown[]).length,
    );
    // The accounts' entries (four here): more than a page, within the limit.
    const few = (await auditor.get('/api/audit?entityType=user&limit=100')).json().items as unknown[];
    expect(few.length).toBeLessThanOrEqual(MAX);
    expect(few.length).toBeGreaterThan(PAGE);
    const file = await auditor.get('/api/audit/export.xlsx?entityType=user');
    expect(file.statusCode, file.body).toBe(200);
    expect(await dataRows(file.rawPayload)).toHaveLength(few.length);
  });
});
