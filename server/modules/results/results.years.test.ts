import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { buildField, buildUnit } from '../../test/platform-factories.js';
import { expectResultYearsRecounted } from '../../test/rollups.js';
import { analytics } from '../analytics/analytics.service.js';
import { makeResult, publicationBody, technologyBody } from './results.fixtures.js';
import { changeResultState, deleteResult, updateResult } from './results.service.js';
import { rebuildResultYears, resultYearsRecount } from './results.years.repository.js';

// The yearly counts of results the analytics read (result_years, ADR 0043) are moved by each write of a
// result or of its fields in its transaction. After every kind of write the table holds exactly what a
// recount from the results gives (rows whose count came back to zero aside), and the analytics read the
// same figures after a rebuild.
let t: TestApp;
let P: string;

beforeAll(async () => {
  t = await setupTestApp();
  P = (await buildPlatform(t.systemCtx(), { code: 'RYEARS' })).id;
});
afterAll(() => t.close());

async function expectRecounted(step: string) {
  const fresh = await resultYearsRecount(t.database.db, P);
  expect(fresh.length, step).toBeGreaterThan(0);
  await expectResultYearsRecounted(t.database.db, P, step);
}

const published = async (q: { unitId?: string; fieldId?: string } = {}) => {
  const v = await analytics(t.systemCtx(), {
    from: 2010,
    to: 2016,
    basis: 'calendar',
    currency: 'CNY',
    platformIds: [P],
    ...q,
  });
  return v.platforms[0]!.figures.results_published!;
};

describe('yearly counts of results', () => {
  it('equal a recount from the results after every kind of write, and the analytics read the same after a rebuild', async () => {
    const ctx = t.systemCtx();
    const [u1, u2] = [await buildUnit(ctx, { platformId: P }), await buildUnit(ctx, { platformId: P })];
    const energy = (await buildField(ctx, { code: 'ry-energy' })).id;
    const solar = (await buildField(ctx, { code: 'ry-solar', parentId: energy })).id;
    const bio = (await buildField(ctx, { code: 'ry-bio' })).id;

    // Created: a draft, published ones, with and without fields, with and without a year.
    const draft = await makeResult(ctx, publicationBody(P, { year: 2012, unitId: u1.id }), false);
    const a = await makeResult(
      ctx,
      publicationBody(P, { year: 2012, unitId: u1.id, fieldIds: [solar, energy] }),
    );
    const b = await makeResult(ctx, technologyBody(P, { year: 2014, fieldIds: [bio] }));
    await makeResult(ctx, technologyBody(P, { year: undefined, unitId: u2.id }));
    await makeResult(ctx, publicationBody(P, { year: 2015, visibility: 'internal', unitId: u2.id }));
    await expectRecounted('created');
    expect((await published()).total).toBe(3);
    // A field cut with its sub-field counts a result naming both once.
    expect((await published({ fieldId: energy })).total).toBe(1);
    expect((await published({ fieldId: bio })).total).toBe(1);

    // Edits of each counted column: the year, the type, the unit, the visibility, the fields.
    await updateResult(ctx, a.id, { year: 2013 });
    await expectRecounted('year');
    await updateResult(ctx, a.id, { type: 'standard' });
    await updateResult(ctx, b.id, { unitId: u2.id });
    await expectRecounted('type and unit');
    await updateResult(ctx, b.id, { visibility: 'internal' });
    await updateResult(ctx, a.id, { fieldIds: [bio] });
    await expectRecounted('visibility and fields');
    expect((await published({ fieldId: bio })).total).toBe(2);
    expect((await published({ fieldId: energy })).total).toBe(0);
    expect((await published({ unitId: u2.id })).byYear).toEqual([0, 0, 0, 0, 1, 1, 0]);
    // An edit that moves no counted column leaves the counts alone.
    await updateResult(ctx, a.id, { titleEn: 'Renamed' });
    await expectRecounted('title');

    // Publication state: withdrawn, published again, a draft published then deleted.
    await changeResultState(ctx, a.id, 'withdraw');
    await expectRecounted('withdrawn');
    expect((await published({ fieldId: bio })).total).toBe(1);
    await changeResultState(ctx, a.id, 'publish');
    await changeResultState(ctx, draft.id, 'publish');
    await changeResultState(ctx, draft.id, 'withdraw');
    await expectRecounted('published again');
    const gone = await makeResult(ctx, publicationBody(P, { year: 2011, fieldIds: [solar] }), false);
    await expectRecounted('draft created');
    await deleteResult(ctx, gone.id);
    await expectRecounted('deleted');

    const before = await published();
    const beforeUnit = await published({ unitId: u1.id });
    expect(before.byYear).toEqual([0, 0, 0, 1, 1, 1, 0]);
    await rebuildResultYears(t.database.db, P);
    await expectRecounted('rebuilt');
    expect(await published()).toEqual(before);
    expect(await published({ unitId: u1.id })).toEqual(beforeUnit);
  });
});
