import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, type TestApp } from '../../test/harness.js';
import { buildField, buildUnit } from '../../test/platform-factories.js';
import { makeResult, publicationBody, technologyBody } from './results.fixtures.js';
import { changeResultState } from './results.service.js';

let t: TestApp;
let A: string;
let B: string;
let visitor: Client;
const ids: Record<string, string> = {};

const search = async (qs: string) => {
  const res = await visitor.get(`/api/public/results?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Array<{ id: string }>;
    total: number;
    terms: string[];
  };
};
const found = async (qs: string) => (await search(qs)).items.map((r) => r.id);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  const unit = await buildUnit(ctx, { platformId: A });
  const parent = await buildField(ctx, { code: 'electronics' });
  await buildField(ctx, { code: 'electronics.chips', parentId: parent.id });
  visitor = anonymous(t.app);
  ids.developing = (
    await makeResult(
      ctx,
      publicationBody(A, {
        titleZh: '发展中国家计量能力建设指南',
        titleEn: 'Guide to building metrology capacity in developing countries',
        summaryZh: '帮助发展中国家建立计量体系。',
        summaryEn: 'Helps developing countries set up a measurement system.',
      }),
    )
  ).id;
  ids.chinaData = (
    await makeResult(
      ctx,
      publicationBody(B, {
        type: 'dataset',
        titleZh: '中国标准物质数据库',
        titleEn: 'Database of certified reference materials',
        summaryZh: '收录标准物质的认定值与不确定度。',
        summaryEn: 'Certified values and uncertainties of reference materials.',
        year: 2016,
      }),
    )
  ).id;
  ids.chipTech = (
    await makeResult(
      ctx,
      technologyBody(A, {
        titleZh: '面向中国半导体产业的芯片量测技术',
        titleEn: 'Chip metrology for the semiconductor industry',
        summaryZh: '晶圆缺陷的光学检测方法。',
        summaryEn: 'Optical inspection of wafer defects for chip makers.',
        trl: 7,
        unitId: unit.id,
        fieldCodes: ['electronics.chips'],
      }),
    )
  ).id;
  ids.fibre = (await makeResult(ctx, publicationBody(A))).id;
  // Never in the portal: internal, a public draft, a withdrawn one — all say 中国 and calibration.
  const secret = { summaryZh: '中国芯片内部测试数据。', summaryEn: 'Internal calibrations of chips.' };
  ids.internal = (
    await makeResult(
      ctx,
      publicationBody(A, { ...secret, visibility: 'internal', titleEn: 'Internal calibration' }),
    )
  ).id;
  ids.draft = (
    await makeResult(ctx, publicationBody(A, { ...secret, titleEn: 'Draft calibration' }), false)
  ).id;
  ids.withdrawn = (
    await makeResult(ctx, publicationBody(A, { ...secret, titleEn: 'Withdrawn calibration' }))
  ).id;
  await changeResultState(ctx, ids.withdrawn, 'withdraw');
});
afterAll(() => t.close());

const hidden = () => [ids.internal, ids.draft, ids.withdrawn];

describe('public search', () => {
  it('finds Chinese records by a Chinese word, not where its characters meet across a word boundary', async () => {
    // 发展中国家 is 发展|中|国家: the word 中国 is not in it, though the characters are adjacent.
    const res = await search(`q=${encodeURIComponent('中国')}`);
    expect(res.terms).toEqual(['中国']);
    expect(res.items.map((r) => r.id).sort()).toEqual([ids.chinaData, ids.chipTech].sort());
    expect(await found(`q=${encodeURIComponent('发展中国家')}`)).toEqual([ids.developing]);
  });

  it('ranks a title match above a summary-only match', async () => {
    expect(await found(`q=${encodeURIComponent('标准物质')}`)).toEqual([ids.chinaData]);
    const chips = await found(`q=${encodeURIComponent('芯片')}`);
    expect(chips[0]).toBe(ids.chipTech);
  });

  it('finds English records with stemming and case folding; every term must occur', async () => {
    expect(await found('q=Calibration')).toEqual([ids.fibre]);
    expect(await found('q=optical%20fibre')).toEqual([ids.fibre]);
    expect(await found('q=optical%20josephson')).toEqual([]);
    expect((await search('q=zzzz')).total).toBe(0);
  });

  it('filters by type, platform, unit, TRL range and field (a field includes its sub-fields)', async () => {
    expect(await found('type=dataset')).toEqual([ids.chinaData]);
    expect((await found(`platformId=${B}`)).sort()).toEqual([ids.chinaData]);
    expect(await found('trlMin=7&trlMax=9')).toEqual([ids.chipTech]);
    expect(await found('trlMax=6')).toEqual([]);
    const parent = await t.database.db
      .selectFrom('tech_fields')
      .select('id')
      .where('code', '=', 'electronics')
      .executeTakeFirstOrThrow();
    expect(await found(`fieldId=${parent.id}`)).toEqual([ids.chipTech]);
    expect(await found(`fieldId=${crypto.randomUUID()}`)).toEqual([]);
    const chip = (await visitor.get(`/api/public/results/${ids.chipTech}`)).json();
    expect(await found(`unitId=${chip.unit.id}&q=${encodeURIComponent('中国')}`)).toEqual([ids.chipTech]);
    const bad = await visitor.get('/api/public/results?trlMin=8&trlMax=3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/trlMin');
  });

  it('pages results with a stable total', async () => {
    const p1 = await search('pageSize=2&page=1');
    const p2 = await search('pageSize=2&page=2');
    expect(p1).toMatchObject({ total: 4 });
    expect(p2).toMatchObject({ total: 4 });
    expect(new Set([...p1.items, ...p2.items].map((r) => r.id)).size).toBe(4);
  });
});

describe('no leaks of unpublished or internal records', () => {
  it('never returns them from search, detail, or filter counts', async () => {
    for (const q of [
      '',
      'q=calibration',
      `q=${encodeURIComponent('中国')}`,
      `q=${encodeURIComponent('内部')}`,
    ]) {
      const res = await search(q);
      for (const id of hidden()) expect(res.items.map((r) => r.id)).not.toContain(id);
    }
    expect((await search('')).total).toBe(4);
    for (const id of hidden()) expect((await visitor.get(`/api/public/results/${id}`)).statusCode).toBe(404);
    const filters = (await visitor.get('/api/public/results/filters')).json();
    expect(filters.total).toBe(4);
    expect(filters.types).toEqual([
      { type: 'technology', count: 1 },
      { type: 'publication', count: 2 },
      { type: 'dataset', count: 1 },
    ]);
    // Each facet names its values through their owners (platforms, units, fields), by English name.
    expect(filters.fields).toHaveLength(1);
    expect(filters.platforms).toEqual([
      { id: A, nameZh: '平台A', nameEn: 'Platform A', count: 3 },
      { id: B, nameZh: '平台B', nameEn: 'Platform B', count: 1 },
    ]);
    const chip = (await visitor.get(`/api/public/results/${ids.chipTech}`)).json();
    expect(filters.units).toEqual([{ ...chip.unit, platformId: A, count: 1 }]);
    expect(filters.fields).toEqual(
      chip.fields.map((f: { id: string; nameZh: string; nameEn: string }) => ({
        id: f.id,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        count: 1,
      })),
    );
  });

  it('drops a record from the portal as soon as it is withdrawn', async () => {
    await changeResultState(t.systemCtx(), ids.fibre!, 'withdraw');
    expect(await found('q=calibration')).toEqual([]);
    expect((await visitor.get(`/api/public/results/${ids.fibre}`)).statusCode).toBe(404);
    await changeResultState(t.systemCtx(), ids.fibre!, 'publish');
    expect(await found('q=calibration')).toEqual([ids.fibre]);
  });

  it('shows the public detail with the TRL definition in both languages', async () => {
    const res = await visitor.get(`/api/public/results/${ids.chipTech}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      trl: { level: 7, zh: '实际环境中系统样机试验' },
      licenceTypes: ['non_exclusive', 'exclusive'],
      platform: { code: 'A' },
    });
    expect(res.json()).not.toHaveProperty('state');
    expect(res.json()).not.toHaveProperty('createdBy');
  });
});
