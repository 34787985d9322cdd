import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildMember, buildPerson, buildUnit } from '../../test/platform-factories.js';

let t: TestApp;
let A: string;
let B: string;
let adminA: Client;
let researcherA: Client;
let adminB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B', model: 'tech_alliance' })).id;
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  adminA = await signIn(t.app, 'admin-a');
  researcherA = await signIn(t.app, 'researcher-a');
  adminB = await signIn(t.app, 'admin-b');
  await adminA.patch(`/api/platforms/${A}`, {
    ratingFunding: 3,
    ratingRd: 2,
    ratingManagement: 1,
    defaultCurrency: 'USD',
    supervisingDepartmentZh: '美国商务部',
    supervisingDepartmentEn: 'Department of Commerce',
    committeeAppointerZh: '美国国家研究理事会',
    committeeAppointerEn: 'National Research Council',
    isIllustrative: true,
  });
  await adminA.put(`/api/platforms/${A}/funding`, {
    rows: [
      { year: 2015, source: 'appropriation', amountMinor: 600 },
      { year: 2016, source: 'appropriation', amountMinor: 300, isIllustrative: true },
      { year: 2016, source: 'licence_income', amountMinor: 100 },
    ],
  });
  await adminB.put(`/api/platforms/${B}/funding`, {
    rows: [{ year: 2016, source: 'member_dues', amountMinor: 5000 }],
  });
});
afterAll(() => t.close());

type Item = {
  id: string;
  funding: {
    bySource: Array<{ source: string; amountMinor: number; share: number }>;
    totalMinor: number;
    years: number[];
    hasIllustrative: boolean;
  };
  unitCount: number;
  fields: Array<{ code: string }>;
};
const itemOf = (body: { items: Item[] }, id: string) => body.items.find((i) => i.id === id)!;

describe('the comparison', () => {
  it('lists every platform with model, ratings and the funding mix by source, every source present', async () => {
    const res = await anonymous(t.app).get('/api/platforms/comparison');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sources).toEqual([
      'appropriation',
      'social_capital',
      'member_dues',
      'service_income',
      'licence_income',
    ]);
    expect(body.dimensions).toEqual(['funding', 'rd', 'management']);
    const a = itemOf(body, A);
    expect(a).toMatchObject({
      model: 'gov_institute',
      isIllustrative: true,
      ratings: { funding: 3, rd: 2, management: 1 },
    });
    expect(a.funding).toMatchObject({
      currency: 'USD',
      currencyDigits: 2,
      years: [2015, 2016],
      totalMinor: 1000,
      hasIllustrative: true,
    });
    expect(a.funding.bySource).toEqual([
      { source: 'appropriation', amountMinor: 900, share: 0.9 },
      { source: 'social_capital', amountMinor: 0, share: 0 },
      { source: 'member_dues', amountMinor: 0, share: 0 },
      { source: 'service_income', amountMinor: 0, share: 0 },
      { source: 'licence_income', amountMinor: 100, share: 0.1 },
    ]);
    expect(itemOf(body, B)).toMatchObject({ model: 'tech_alliance', funding: { totalMinor: 5000 } });
  });

  it('counts only the years asked for', async () => {
    const body = (await anonymous(t.app).get('/api/platforms/comparison?from=2016&to=2016')).json();
    expect(body).toMatchObject({ from: 2016, to: 2016 });
    expect(itemOf(body, A).funding).toMatchObject({ years: [2016], totalMinor: 400, hasIllustrative: true });
    expect(itemOf(body, A).funding.bySource[0]).toEqual({
      source: 'appropriation',
      amountMinor: 300,
      share: 0.75,
    });
    const none = itemOf((await anonymous(t.app).get('/api/platforms/comparison?to=2014')).json(), A);
    expect(none.funding).toMatchObject({ years: [], totalMinor: 0, hasIllustrative: false });
    expect(none.funding.bySource.every((s) => s.share === 0)).toBe(true);
  });

  it('refuses a range that ends before it starts, naming /to in the query', async () => {
    const res = await anonymous(t.app).get('/api/platforms/comparison?from=2016&to=2010');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ in: 'querystring', pointer: '/to', code: 'platforms.year_range' }),
    ]);
  });

  it('follows the records: units and fields show up as they are added', async () => {
    const ctx = t.systemCtx();
    const before = itemOf((await anonymous(t.app).get('/api/platforms/comparison')).json(), A);
    await buildUnit(ctx, { platformId: A });
    const field = await buildField(ctx, { code: 'materials' });
    await adminA.put(`/api/platforms/${A}/fields`, { fieldIds: [field.id] });
    const after = itemOf((await anonymous(t.app).get('/api/platforms/comparison')).json(), A);
    expect(after.unitCount).toBe(before.unitCount + 1);
    expect(after.fields.map((f) => f.code)).toEqual(['materials']);
    // The change is audited with the platform's field ids before and after, sorted.
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'platform_id', 'before_json', 'after_json'])
      .where('entity_id', '=', A)
      .where('action', '=', 'platform.fields_set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_type: 'platform', platform_id: A });
    expect([JSON.parse(entry.before_json!), JSON.parse(entry.after_json!)]).toEqual([[], [field.id]]);
  });
});

describe('the organisation chart', () => {
  type Node = {
    id: string;
    kind: string;
    name: string;
    nameEn: string | null;
    value?: number;
    director?: { nameEn: string | null } | null;
    children?: Node[];
  };

  it('draws department → platform → units and committee, with the appointing body and the composition', async () => {
    const ctx = t.systemCtx();
    const director = await buildPerson(ctx, { nameEn: 'Dana Director', email: 'dana@example.org' });
    const unit = await buildUnit(ctx, {
      platformId: A,
      nameEn: 'Engineering Laboratory',
      directorPersonId: director.id,
    });
    await buildMember(ctx, A, { category: 'academic' });
    await buildMember(ctx, A, { category: 'industry' });
    await buildMember(ctx, A, { category: 'industry' });
    await buildMember(ctx, A, { category: 'lab', termEnd: '2021-01-01' });
    const res = await anonymous(t.app).get(`/api/platforms/${A}/org-chart`);
    expect(res.statusCode).toBe(200);
    const chart = res.json();
    expect(chart.tree).toMatchObject({ kind: 'department', nameEn: 'Department of Commerce' });
    const platform: Node = chart.tree.children[0];
    expect(platform).toMatchObject({ kind: 'platform', id: `platform:${A}` });
    const unitNode = platform.children!.find((n) => n.id === `unit:${unit.id}`)!;
    expect(unitNode).toMatchObject({ kind: 'unit', name: 'Engineering Laboratory', unitKind: 'laboratory' });
    const committee = platform.children!.find((n) => n.kind === 'committee')!;
    expect(committee.value).toBe(3);
    expect(committee.children!.map((c) => [c.kind, c.name, c.value ?? null])).toEqual([
      ['appointer', 'National Research Council', null],
      ['category', 'academic', 1],
      ['category', 'lab', 0],
      ['category', 'industry', 2],
    ]);
    expect(chart.committee).toMatchObject({
      appointerZh: '美国国家研究理事会',
      composition: { academic: 1, lab: 0, industry: 2, total: 3 },
    });
  });

  it('gives the funding flows of the latest year, as graph links into the platform', async () => {
    const chart = (await anonymous(t.app).get(`/api/platforms/${A}/org-chart`)).json();
    expect(chart).toMatchObject({ fundingYear: 2016, currency: 'USD', currencyDigits: 2 });
    expect(chart.funding).toEqual([
      { source: 'appropriation', amountMinor: 300, isIllustrative: true },
      { source: 'licence_income', amountMinor: 100, isIllustrative: false },
    ]);
    const funds = chart.graph.links.filter((l: { kind: string }) => l.kind === 'funds');
    expect(funds).toEqual([
      { source: 'funding:appropriation', target: `platform:${A}`, kind: 'funds', value: 300 },
      { source: 'funding:licence_income', target: `platform:${A}`, kind: 'funds', value: 100 },
    ]);
    const ids = new Set(chart.graph.nodes.map((n: { id: string }) => n.id));
    for (const l of chart.graph.links)
      expect(ids.has(l.source) && ids.has(l.target), JSON.stringify(l)).toBe(true);
    expect(chart.graph.links).toContainEqual({ source: 'appointer', target: 'committee', kind: 'appoints' });
    expect(chart.graph.links).toContainEqual({
      source: 'department',
      target: `platform:${A}`,
      kind: 'supervises',
    });
    const category = chart.graph.categories.map((c: { name: string }) => c.name);
    for (const n of chart.graph.nodes) expect(category[n.category]).toBe(n.kind);
  });

  it('names unit directors only for callers with a role on the platform', async () => {
    const unitsOf = (chart: { tree: Node }) =>
      chart.tree.children![0]!.children!.filter((n) => n.kind === 'unit');
    const pub = (await anonymous(t.app).get(`/api/platforms/${A}/org-chart`)).json();
    expect(pub.showsPeople).toBe(false);
    expect(JSON.stringify(pub)).not.toContain('Dana');
    const other = (await adminB.get(`/api/platforms/${A}/org-chart`)).json();
    expect(JSON.stringify(other)).not.toContain('Dana');
    const inside = (await researcherA.get(`/api/platforms/${A}/org-chart`)).json();
    expect(inside.showsPeople).toBe(true);
    expect(unitsOf(inside).map((u) => u.director?.nameEn ?? null)).toContain('Dana Director');
  });

  it('roots at the platform when no supervising department is recorded, and answers 404 for an unknown one', async () => {
    const chart = (await anonymous(t.app).get(`/api/platforms/${B}/org-chart`)).json();
    expect(chart.tree).toMatchObject({ kind: 'platform', id: `platform:${B}` });
    expect(chart.graph.links.some((l: { kind: string }) => l.kind === 'supervises')).toBe(false);
    expect((await anonymous(t.app).get(`/api/platforms/${crypto.randomUUID()}/org-chart`)).statusCode).toBe(
      404,
    );
  });
});
