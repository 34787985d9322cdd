import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildUnit } from '../../test/platform-factories.js';
import { publicationBody, technologyBody } from './results.fixtures.js';

let t: TestApp;
let A: string;
let B: string;
let officerA: Client;
let researcherA: Client;
let researcher2A: Client;
let expertA: Client;
let adminB: Client;

const count = async (table: 'results' | 'result_fields' | 'result_terms' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'tto-a', roles: ['tech_transfer_officer'], platformId: A });
  await buildUser(ctx, { username: 'res-a', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'res2-a', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'expert-a', roles: ['expert'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  officerA = await signIn(t.app, 'tto-a');
  researcherA = await signIn(t.app, 'res-a');
  researcher2A = await signIn(t.app, 'res2-a');
  expertA = await signIn(t.app, 'expert-a');
  adminB = await signIn(t.app, 'admin-b');
});
afterAll(() => t.close());

describe('creating and editing results', () => {
  it('creates a technology listing with fields, unit and TRL definition, indexed and audited', async () => {
    const unit = await buildUnit(t.systemCtx(), { platformId: A });
    await buildField(t.systemCtx(), { code: 'metrology' });
    const audits = await count('audit_log');
    const res = await officerA.post('/api/results', {
      ...technologyBody(A),
      unitId: unit.id,
      fieldCodes: ['metrology'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      type: 'technology',
      state: 'draft',
      visibility: 'public',
      unit: { id: unit.id },
      fields: [{ code: 'metrology' }],
      trl: { level: 6, zh: '相关环境中系统样机演示' },
      licenceTypes: ['non_exclusive', 'exclusive'],
      access: { canEdit: true, canPublish: true },
    });
    expect(body.trl.en).toMatch(/relevant environment/);
    const terms = await t.database.db
      .selectFrom('result_terms')
      .select('term')
      .where('result_id', '=', body.id)
      .execute();
    expect(terms.map((x) => x.term)).toEqual(
      expect.arrayContaining(['电压', '基准', 'josephson', 'voltage']),
    );
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('refuses a technology without problem, advantage or licence types, naming each field; nothing written', async () => {
    const before = await count('results');
    const res = await officerA.post('/api/results', {
      ...technologyBody(A),
      problemZh: null,
      advantageEn: undefined,
      licenceTypes: [],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/advantageZh', '/licenceTypes', '/problemZh']);
    expect(await count('results')).toBe(before);
  });

  it('refuses listing fields on a publication, a unit of another platform, an unknown field, a bad TRL', async () => {
    const before = await count('results');
    const otherUnit = await buildUnit(t.systemCtx(), { platformId: B });
    const bad = [
      [{ ...publicationBody(A), problemZh: '问题' }, '/problemZh'],
      [{ ...publicationBody(A), licenceTypes: ['exclusive'] }, '/licenceTypes'],
      [{ ...publicationBody(A), unitId: otherUnit.id }, '/unitId'],
      [{ ...publicationBody(A), fieldCodes: ['nope'] }, '/fieldCodes/0'],
      [{ ...publicationBody(A), trl: 10 }, '/trl'],
      [{ ...publicationBody(A), titleEn: '' }, '/titleEn'],
    ] as const;
    for (const [body, pointer] of bad) {
      const res = await officerA.post('/api/results', body);
      expect(res.statusCode, pointer).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await count('results')).toBe(before);
  });

  it('lets a researcher draft and edit their own draft, but not publish it or edit a colleague’s', async () => {
    const res = await researcherA.post('/api/results', publicationBody(A));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json().access).toEqual({ canEdit: true, canPublish: false });
    expect((await researcherA.patch(`/api/results/${id}`, { year: 2015 })).json().year).toBe(2015);
    expect((await researcher2A.patch(`/api/results/${id}`, { year: 2016 })).statusCode).toBe(403);
    expect((await researcherA.post(`/api/results/${id}/publish`)).statusCode).toBe(403);
    expect((await officerA.post(`/api/results/${id}/publish`)).statusCode).toBe(200);
    // Once published, only managers edit it.
    expect((await researcherA.patch(`/api/results/${id}`, { year: 2017 })).statusCode).toBe(403);
    expect((await officerA.patch(`/api/results/${id}`, { year: 2017 })).json().year).toBe(2017);
  });

  it('refuses drafting to experts and other platforms, and hides the record from them', async () => {
    expect((await expertA.post('/api/results', publicationBody(A))).statusCode).toBe(403);
    expect((await adminB.post('/api/results', publicationBody(A))).statusCode).toBe(403);
    const id = (await officerA.post('/api/results', publicationBody(A))).json().id;
    expect((await adminB.get(`/api/results/${id}`)).statusCode).toBe(404);
    expect((await expertA.get(`/api/results/${id}`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/results/${id}`)).statusCode).toBe(401);
  });

  it('reindexes on edit so the search follows the new text in the same transaction', async () => {
    const id = (await officerA.post('/api/results', publicationBody(A))).json().id;
    const res = await officerA.patch(`/api/results/${id}`, { titleZh: '石墨烯薄膜电阻测量' });
    expect(res.statusCode, res.body).toBe(200);
    const terms = (
      await t.database.db.selectFrom('result_terms').select('term').where('result_id', '=', id).execute()
    ).map((x) => x.term);
    expect(terms).toContain('石墨');
    expect(terms).not.toContain('激光');
  });
});

describe('references', () => {
  it('keeps a field used by a result from being deleted (results are in the field reference list)', async () => {
    await buildField(t.systemCtx(), { code: 'in-use-by-result' });
    const field = await t.database.db
      .selectFrom('tech_fields')
      .select('id')
      .where('code', '=', 'in-use-by-result')
      .executeTakeFirstOrThrow();
    await officerA.post('/api/results', { ...publicationBody(A), fieldCodes: ['in-use-by-result'] });
    const root = await signIn(t.app, (await buildUser(t.systemCtx(), { systemAdmin: true })).username);
    const res = await root.delete(`/api/fields/${field.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().references).toEqual([{ usedBy: 'results', count: 1 }]);
  });
});

describe('publishing, withdrawing and deleting', () => {
  it('moves draft → published → withdrawn → published; illegal moves are 409 naming the state', async () => {
    const id = (await officerA.post('/api/results', publicationBody(A))).json().id;
    const w = await officerA.post(`/api/results/${id}/withdraw`);
    expect(w.statusCode).toBe(409);
    expect(w.json()).toMatchObject({ code: 'results.illegal_state', currentState: 'draft' });
    const p = await officerA.post(`/api/results/${id}/publish`);
    expect(p.json()).toMatchObject({ state: 'published' });
    expect(p.json().publishedAt).not.toBeNull();
    expect((await officerA.post(`/api/results/${id}/publish`)).json().currentState).toBe('published');
    expect((await officerA.post(`/api/results/${id}/withdraw`)).json()).toMatchObject({ state: 'withdrawn' });
    expect((await officerA.post(`/api/results/${id}/publish`)).json().state).toBe('published');
  });

  it('deletes drafts only, with their terms and fields', async () => {
    await buildField(t.systemCtx(), { code: 'optics' });
    const draft = (
      await researcherA.post('/api/results', { ...publicationBody(A), fieldCodes: ['optics'] })
    ).json();
    const terms = await count('result_terms');
    expect((await researcherA.delete(`/api/results/${draft.id}`)).statusCode).toBe(204);
    expect(await count('result_terms')).toBeLessThan(terms);
    const left = await t.database.db
      .selectFrom('result_fields')
      .selectAll()
      .where('result_id', '=', draft.id)
      .execute();
    expect(left).toHaveLength(0);
    const pub = (await officerA.post('/api/results', publicationBody(A))).json();
    await officerA.post(`/api/results/${pub.id}/publish`);
    const del = await officerA.delete(`/api/results/${pub.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().currentState).toBe('published');
  });
});

describe('staff list and export', () => {
  it('lists drafts and internal results for staff of the platform only', async () => {
    const internal = (
      await officerA.post('/api/results', {
        ...publicationBody(A),
        visibility: 'internal',
        titleEn: 'Internal memo',
      })
    ).json();
    const list = await officerA.get('/api/results?visibility=internal');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(internal.id);
    expect(list.json().canCreateOn).toEqual([A]);
    const other = await adminB.get('/api/results');
    expect(other.json().items.map((r: { id: string }) => r.id)).not.toContain(internal.id);
    expect((await expertA.get('/api/results')).json().total).toBe(0);
  });

  it('exports the catalog as CSV for staff (the XLSX is the list export, results.export.test.ts)', async () => {
    const csv = await officerA.get('/api/results/export.csv?lang=zh-CN');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('中文标题');
    expect(csv.body).toContain('Internal memo');
    const outsider = await adminB.get('/api/results/export.csv');
    expect(outsider.body).not.toContain('Internal memo');
    expect((await anonymous(t.app).get('/api/results/export.csv')).statusCode).toBe(401);
  });
});
