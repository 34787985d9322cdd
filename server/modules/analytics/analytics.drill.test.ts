import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillLink, INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../../common/analytics.js';
import { seedDemo } from '../../seed/demo.js';
import { DEMO_PASSWORD } from '../../seed/demo-users.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
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
  admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

/** The list behind a web drill link, asked of the API the page asks: how many records it holds. */
async function listCount(link: string): Promise<number> {
  const url = new URL(link, 'http://x');
  const q = url.searchParams;
  const take = (name: string) => {
    const v = q.get(name);
    q.delete(name);
    return v;
  };
  if (url.pathname === '/calls') {
    const platform = take('platform');
    const r = await admin.get(`/api/platforms/${platform}/calls?${q}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { items: unknown[] }).items.length;
  }
  if (url.pathname === '/projects') {
    const platform = take('platform');
    const r = await admin.get(`/api/platforms/${platform}/projects?${q}&pageSize=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  if (url.pathname === '/results') {
    const r = await admin.get(`/api/results?${q}&pageSize=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  if (url.pathname === '/screening') {
    const platform = take('platform');
    const r = await admin.get(`/api/applications?platformId=${platform}&${q}&limit=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  if (url.pathname === '/services/queue') {
    const platform = take('platform');
    const r = await admin.get(`/api/service-requests?platformId=${platform}&${q}&pageSize=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  if (url.pathname === '/techtransfer/ip') {
    const platform = take('platform');
    const tab = take('tab');
    const r = await admin.get(`/api/platforms/${platform}/ip/${tab}?${q}&limit=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  if (url.pathname === '/techtransfer/agreements') {
    const platform = take('platform');
    const r = await admin.get(`/api/platforms/${platform}/agreements?${q}&limit=1`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { total: number }).total;
  }
  throw new Error(`no list known for ${link}`);
}

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
});
