import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildPublishedService } from './services.fixtures.js';

/**
 * The service-request list's XLSX (docs/exports.md): read through listRequests, so each caller gets the
 * rows of the view they may list (their enterprise's, their unit's queue, the platform) with its filters.
 */
let t: TestApp;
let A: string;
let B: string;
let sme: Client;
let otherSme: Client;
let director: Client;
let adminA: Client;
let adminB: Client;
const url = (q: string) => `/api/service-requests/export.xlsx?platformId=${A}&lang=en-US&${q}`;

async function rowsOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  const [head, ...data] = rows as [string[], ...unknown[][]];
  return { head, data, text: JSON.stringify(data) };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  const dir = await buildUser(ctx, { roles: ['lab_director'], platformId: A });
  const unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  const service = (await buildPublishedService(ctx, A, unitId)).id;
  const org = await buildOrganisation(ctx, { nameZh: '聊城某精密机械有限公司' });
  const mine = await buildUser(ctx, { roles: ['enterprise_user'], platformId: A });
  await buildPerson(ctx, { userId: mine.id, organisationId: org.id });
  const theirs = await buildUser(ctx, { roles: ['enterprise_user'], platformId: A });
  sme = await signIn(t.app, mine.username);
  otherSme = await signIn(t.app, theirs.username);
  director = await signIn(t.app, dir.username);
  adminA = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId: A })).username);
  adminB = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId: B })).username);
  const ask = async (c: Client, description: string) =>
    (await c.post(`/api/services/${service}/requests`, { description, quantity: 2 })).json().id as string;
  const quotedId = await ask(sme, 'MINE-QUOTED calibrate three weights');
  await ask(sme, 'MINE-NEW one more batch');
  await ask(otherSme, 'THEIRS-NEW a competitor asks');
  const quoted = await director.post(`/api/service-requests/${quotedId}/transitions`, {
    action: 'quote',
    priceMinor: 123_450,
    dueOn: '2030-01-15',
  });
  expect(quoted.statusCode, quoted.body).toBe(200);
});
afterAll(() => t.close());

describe('service requests export', () => {
  it("gives an enterprise its own requests only, in typed cells and the reader's words", async () => {
    const res = await sme.get(url('view=mine'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('service-requests-');
    const { head, data, text } = await rowsOf(res.rawPayload);
    expect(data).toHaveLength(2);
    expect(text).toContain('MINE-QUOTED');
    expect(text).not.toContain('THEIRS-NEW');
    const quoted = data.find((r) => String(r[head.indexOf('Description')]).startsWith('MINE-QUOTED'))!;
    expect(quoted[head.indexOf('State')]).toBe('Quoted');
    expect(quoted[head.indexOf('Quote')]).toBe(1234.5);
    expect(quoted[head.indexOf('Due on')]).toBeInstanceOf(Date);
    expect(quoted[head.indexOf('Quantity')]).toBe(2);
    const other = await rowsOf((await otherSme.get(url('view=mine'))).rawPayload);
    expect(other.text).toContain('THEIRS-NEW');
    expect(other.text).not.toContain('MINE-');
  });

  it("applies the list's filters and views: the unit's queue by state, the platform for its admin", async () => {
    const queued = await rowsOf((await director.get(url('view=unit&state=quoted'))).rawPayload);
    expect(queued.data).toHaveLength(1);
    expect(queued.text).toContain('MINE-QUOTED');
    const all = await rowsOf((await adminA.get(url('view=all'))).rawPayload);
    expect(all.data).toHaveLength(3);
    const zh = await rowsOf(
      (await adminA.get(url('view=all&state=quoted').replace('en-US', 'zh-CN'))).rawPayload,
    );
    expect(zh.head).toContain('状态');
    expect(zh.data[0]![zh.head.indexOf('状态')]).toBe('已报价');
  });

  it("refuses what the list refuses: another platform's admin, an enterprise asking for the whole platform", async () => {
    expect((await adminB.get(url('view=all'))).statusCode).toBe(404);
    expect((await sme.get(url('view=all'))).statusCode).toBe(403);
  });
});
