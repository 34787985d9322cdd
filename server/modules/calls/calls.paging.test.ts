import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField } from '../../test/platform-factories.js';

// The call lists are paged on the server (docs/analytics.md "Drill-down"): 25 calls opening and closing
// at the same moments (a tie on every sort key but the id) page through, on the staff list and on the
// public one, with neither a call twice nor one missing, and the total counting all of them.
let t: TestApp;
let A: string;
let officer: Client;
let officerB: Client;
const CALLS = 25;
let made: string[] = [];

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  const field = (await buildField(ctx)).id;
  await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'pob', roles: ['program_officer'], platformId: B });
  officer = await signIn(t.app, 'po');
  officerB = await signIn(t.app, 'pob');
  // The test clock is 2026-06-01: open since May, closing in July.
  const ids: string[] = [];
  for (let i = 0; i < CALLS; i++) {
    const created = await officer.post(`/api/platforms/${A}/calls`, {
      code: `PAGE-${i}`,
      titleZh: `分页指南 ${i}`,
      titleEn: `Paging call ${i}`,
      summaryZh: '分页',
      opensAt: '2026-05-01T00:00:00Z',
      closesAt: '2026-07-01T00:00:00Z',
      budgetTotalMinor: 1_000_000,
      ceilingMinor: 100_000,
      fieldIds: [field],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    expect((await officer.post(`/api/calls/${id}/publish`, {})).statusCode).toBe(200);
    ids.push(id);
  }
  made = ids.sort();
});
afterAll(() => t.close());

/** Every page of a list at `size` a page: the ids in order and each page's total. */
async function walk(client: Client, url: (page: number) => string, size: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; page <= Math.ceil(CALLS / size) + 1; page++) {
    const r = await client.get(url(page));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { items: { id: string }[]; total: number };
    totals.add(body.total);
    ids.push(...body.items.map((c) => c.id));
  }
  return { ids, totals: [...totals] };
}

describe('paged call lists', () => {
  it("pages through the platform's calls for its staff: each once, the total all of them", async () => {
    const paged = await walk(officer, (p) => `/api/platforms/${A}/calls?page=${p}&pageSize=10`, 10);
    expect(paged.totals).toEqual([CALLS]);
    expect(paged.ids.length).toBe(CALLS);
    expect([...paged.ids].sort()).toEqual(made);
    // Without pageSize the list is whole (the screening's call filter and the export read it so).
    const whole = await officer.get(`/api/platforms/${A}/calls`);
    expect((whole.json() as { items: unknown[]; total: number }).items.length).toBe(CALLS);
    expect((whole.json() as { total: number }).total).toBe(CALLS);
  });

  it('pages through the public list of the platform in the same way, for anyone', async () => {
    const paged = await walk(
      anonymous(t.app),
      (p) => `/api/calls?platformId=${A}&status=all&page=${p}&pageSize=7`,
      7,
    );
    expect(paged.totals).toEqual([CALLS]);
    expect([...paged.ids].sort()).toEqual(made);
  });

  it("refuses another platform's officer a page of the staff list, its total and the export", async () => {
    const page = await officerB.get(`/api/platforms/${A}/calls?page=2&pageSize=10`);
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('"total"');
    expect((await officerB.get(`/api/platforms/${A}/calls/export.xlsx`)).statusCode).toBe(403);
  });
});
