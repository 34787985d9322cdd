import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillLink, INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../../common/analytics.js';
import { seedDemo } from '../../seed/demo.js';
import { DEMO_PASSWORD } from '../../seed/demo-users.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { changeResultState, createResult } from '../results/results.service.js';
import type { AnalyticsView } from './analytics.schema.js';

// Drill-down (issue 15): every figure that names a list opens it with the same filters, and the list
// then holds exactly as many records as the figure says. Walked over the demo data, every platform,
// every year and the totals, on calendar and fiscal years.
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await setupTestApp();
  await seedDemo(t.systemCtx());
  // The demo funds no application yet; approve two submitted ones so the 立项数 figure has records to
  // drill into (the funding decision itself is tested in review; here only the count and list matter).
  const submitted = await t.database.db
    .selectFrom('applications')
    .select('id')
    .where('state', 'in', ['submitted', 'screening', 'in_review'])
    .orderBy('id')
    .limit(2)
    .execute();
  expect(submitted.length).toBe(2);
  await t.database.db
    .updateTable('applications')
    .set({ state: 'approved' })
    .where(
      'id',
      'in',
      submitted.map((a) => a.id),
    )
    .execute();
  // The demo's results carry a year only now and then; 23 publications of this year published by NIST make
  // a figure of more than one page (20) of the results list.
  const ctx = t.systemCtx();
  const nist = await ctx.db
    .selectFrom('platforms')
    .select('id')
    .where('code', '=', 'NIST')
    .executeTakeFirstOrThrow();
  for (let i = 1; i <= 23; i++) {
    const made = await createResult(ctx, {
      platformId: nist.id,
      type: 'publication',
      titleZh: `分页测试论文 ${i}`,
      titleEn: `Paging publication ${i}`,
      summaryZh: '分页',
      summaryEn: 'Paging',
      visibility: 'public',
      year: new Date().getUTCFullYear(),
    });
    await changeResultState(ctx, made.id, 'publish');
  }
  admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

/**
 * The API a drilled page asks, from its web link: the list's URL for one page (`n` from 1, `size` a
 * page; each list takes page/pageSize or limit/offset) and its XLSX export (null: the list has none).
 */
function apiOf(link: string): { page(n: number, size: number): string; exported: string | null } {
  const url = new URL(link, 'http://x');
  const q = url.searchParams;
  const take = (name: string) => {
    const v = q.get(name);
    q.delete(name);
    return v;
  };
  const numbered = (base: string) => (n: number, size: number) => `${base}&page=${n}&pageSize=${size}`;
  const offset = (base: string) => (n: number, size: number) =>
    `${base}&limit=${size}&offset=${(n - 1) * size}`;
  const xlsx = (path: string) => `${path}/export.xlsx?${q}&lang=en-US`;
  switch (url.pathname) {
    case '/calls': {
      const p = `/api/platforms/${take('platform')}/calls`;
      return { page: numbered(`${p}?${q}`), exported: xlsx(p) };
    }
    case '/projects': {
      const p = `/api/platforms/${take('platform')}/projects`;
      return { page: numbered(`${p}?${q}`), exported: xlsx(p) };
    }
    case '/results':
      return { page: numbered(`/api/results?${q}`), exported: null };
    case '/screening':
      q.set('platformId', take('platform')!);
      return { page: offset(`/api/applications?${q}`), exported: xlsx('/api/applications') };
    case '/services/queue':
      q.set('platformId', take('platform')!);
      return { page: numbered(`/api/service-requests?${q}`), exported: null };
    case '/techtransfer/ip': {
      const platform = take('platform');
      const p = `/api/platforms/${platform}/ip/${take('tab')}`;
      return { page: offset(`${p}?${q}`), exported: xlsx(p) };
    }
    case '/techtransfer/agreements': {
      const p = `/api/platforms/${take('platform')}/agreements`;
      return { page: offset(`${p}?${q}`), exported: xlsx(p) };
    }
  }
  throw new Error(`no list known for ${link}`);
}

/** One page of the list behind a web drill link, asked of the API the page asks. */
async function listPage(link: string, n: number, size: number): Promise<{ ids: string[]; total: number }> {
  const r = await admin.get(apiOf(link).page(n, size));
  expect(r.statusCode, r.body).toBe(200);
  const body = r.json() as { items: { id: string }[]; total: number };
  return { ids: body.items.map((i) => i.id), total: body.total };
}

/** How many records the list behind a web drill link holds: its total. */
const listCount = async (link: string): Promise<number> => (await listPage(link, 1, 1)).total;

const drillable = INDICATOR_IDS.filter((id) => INDICATORS[id].drill !== null);

describe('analytics drill-down', () => {
  it('names a list for every count whose records a list shows', () => {
    // Left without a list: money (income, funding), a ratio, and distinct enterprises (no one list).
    expect(drillable).toEqual([
      'calls_opened',
      'applications_submitted',
      'applications_approved',
      'service_requests',
      'projects_by_state',
      'results_published',
      'disclosures',
      'patent_applications',
      'patents_granted',
      'licences_executed',
    ]);
  });

  for (const basis of ['calendar', 'fiscal'] as const)
    it(`opens each list on the records behind the figure (${basis} years)`, async () => {
      const r = await admin.get(`/api/analytics?from=2018&to=2026&basis=${basis}`);
      expect(r.statusCode).toBe(200);
      const v = r.json() as AnalyticsView;
      const first = v.years[0]!;
      const last = v.years[v.years.length - 1]!;
      let compared = 0;
      let nonZero = 0;
      const nonZeroIds = new Set<IndicatorId>();
      const check = async (
        id: IndicatorId,
        p: AnalyticsView['platforms'][number],
        figure: number,
        years: [number, number],
        part?: string,
      ) => {
        const link = drillLink(id, {
          platformId: p.id,
          unitId: p.unitId,
          years,
          startMonth: basis === 'fiscal' ? p.fiscalYearStartMonth : 1,
          part,
        })!;
        expect({ link, n: await listCount(link) }).toEqual({ link, n: figure });
        compared++;
        if (figure > 0) {
          nonZero++;
          nonZeroIds.add(id);
        }
      };
      for (const p of v.platforms)
        for (const id of drillable) {
          const f = p.figures[id];
          if (!f) continue;
          await check(id, p, f.total ?? 0, [first, last]);
          for (const [i, y] of v.years.entries()) if (f.byYear) await check(id, p, f.byYear[i] ?? 0, [y, y]);
          for (const part of f.parts) await check(id, p, part.total, [first, last], part.key);
        }
      // The demo holds records of every drilled figure on several platforms: the walk compared real
      // figures, and each drilled indicator at least once with records behind it.
      expect(compared).toBeGreaterThan(150);
      expect(nonZero).toBeGreaterThanOrEqual(20);
      expect([...nonZeroIds].sort()).toEqual([...drillable].sort());
      // About 400 list requests per basis: past the default 20 s on a loaded PostgreSQL.
    }, 180_000);

  // Every drill target is a paged list (docs/analytics.md "Drill-down"): for the largest figure of each
  // indicator, the list's total on every page is the figure, the pages at a size that splits it in
  // three or more hold exactly the records of the whole list (none twice, none missing: a stable
  // order), and the list's export holds them all.
  it('pages through the records behind the largest figure of each indicator, and exports them all', async () => {
    // The demo's IP and licences are NIST's of FY2010–FY2016 (rates stored for its dollars only), its
    // calls, applications, requests and projects of recent years: the largest figure of either period.
    const nist = await t.database.db
      .selectFrom('platforms')
      .select('id')
      .where('code', '=', 'NIST')
      .executeTakeFirstOrThrow();
    const figures = [];
    for (const q of [
      `from=2010&to=2016&platformIds=${nist.id}`,
      `from=2018&to=${new Date().getUTCFullYear()}`,
    ]) {
      const r = await admin.get(`/api/analytics?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      const v = r.json() as AnalyticsView;
      const years: [number, number] = [v.years[0]!, v.years[v.years.length - 1]!];
      for (const p of v.platforms) figures.push({ p, years, of: p.figures });
    }
    const checked: Record<string, number> = {};
    for (const id of drillable) {
      const { p, years, figure } = figures
        .map((f) => ({ ...f, figure: f.of[id]?.total ?? 0 }))
        .sort((a, b) => b.figure - a.figure)[0]!;
      const link = drillLink(id, { platformId: p.id, unitId: p.unitId, years, startMonth: 1 })!;
      expect({ id, figure: figure >= 2 }).toEqual({ id, figure: true });
      const size = Math.min(20, Math.max(1, Math.floor(figure / 3)));
      const paged: string[] = [];
      for (let n = 1; (n - 1) * size < figure; n++) {
        const page = await listPage(link, n, size);
        expect({ link, n, total: page.total }).toEqual({ link, n, total: figure });
        expect(page.ids.length).toBe(Math.min(size, figure - (n - 1) * size));
        paged.push(...page.ids);
      }
      // The page after the last is empty.
      expect((await listPage(link, Math.ceil(figure / size) + 1, size)).ids).toEqual([]);
      expect(new Set(paged).size).toBe(figure);
      // The whole list at once (100 the largest page every list takes) holds the same records.
      const whole: string[] = [];
      for (let n = 1; (n - 1) * 100 < figure; n++) whole.push(...(await listPage(link, n, 100)).ids);
      expect([...paged].sort()).toEqual(whole.sort());
      const exported = apiOf(link).exported;
      if (exported) {
        const x = await admin.get(exported);
        expect(x.statusCode, x.body).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
        expect({ exported, rows: wb.worksheets[0]!.actualRowCount - 1 }).toEqual({ exported, rows: figure });
      }
      checked[id] = figure;
    }
    // Every drilled indicator was paged; the results' and the IP's figures are more than the lists'
    // default page of 20 as well (the demo's NIST IP of FY2010–FY2016 runs to hundreds).
    expect(Object.keys(checked)).toEqual(drillable);
    for (const id of [
      'results_published',
      'disclosures',
      'patent_applications',
      'patents_granted',
      'licences_executed',
    ])
      expect({ id, overAPage: checked[id]! > 20 }).toEqual({ id, overAPage: true });
  }, 180_000);
});
