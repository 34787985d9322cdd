import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, type TestApp } from '../test/harness.js';
import { seedFields } from './demo-fields.js';
import { NIST } from './demo-nist.js';
import { ensurePlatform, seedPlatform } from './demo-platform.js';
import { NIST_RESULTS } from './demo-results.data.js';
import { seedNistResults } from './demo-results.js';

let t: TestApp;
let nist: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  await seedFields(ctx);
  nist = await ensurePlatform(ctx, NIST);
  await seedPlatform(ctx, NIST);
});
afterAll(() => t.close());

describe('demo results catalog', () => {
  it('loads every record once, with units and fields, and is idempotent', async () => {
    expect(await seedNistResults(t.systemCtx(), nist)).toBe(NIST_RESULTS.length);
    expect(await seedNistResults(t.systemCtx(), nist)).toBe(0);
    const rows = await t.database.db
      .selectFrom('results')
      .selectAll()
      .where('platform_id', '=', nist)
      .execute();
    expect(rows).toHaveLength(NIST_RESULTS.length);
    expect(rows.every((r) => r.unit_id !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(['technology', 'publication', 'standard', 'reference_material', 'software', 'dataset']),
    );
    // Invented technology economics are flagged.
    expect(rows.filter((r) => r.type === 'technology').every((r) => r.is_illustrative === 1)).toBe(true);
  });

  it('is searchable in Chinese and English on the portal, without the internal draft', async () => {
    const visitor = anonymous(t.app);
    const zh = (await visitor.get(`/api/public/results?q=${encodeURIComponent('原子钟')}`)).json();
    expect(zh.items.map((r: { titleEn: string }) => r.titleEn)).toEqual(['Chip-scale atomic clock']);
    const en = (await visitor.get('/api/public/results?q=sulfur%20diesel')).json();
    expect(en.items.map((r: { titleEn: string }) => r.titleEn)).toEqual([
      'SRM 2723a Sulfur in Diesel Fuel Oil',
    ]);
    const all = (await visitor.get('/api/public/results?pageSize=100')).json();
    expect(all.total).toBe(NIST_RESULTS.filter((r) => r.publish && r.visibility === 'public').length);
    expect(all.items.map((r: { titleEn: string }) => r.titleEn)).not.toContain(
      'Graphene quantum Hall resistance arrays (internal assessment)',
    );
  });
});
