import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';

let t: TestApp;
let A: string;
let B: string;
let root: Client;
let adminA: Client;
let adminB: Client;
let supervisorA: Client;

const count = async (table: 'platforms' | 'platform_funding' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const pointers = (body: { errors?: Array<{ pointer: string }> }) =>
  [...new Set((body.errors ?? []).map((e) => e.pointer))].sort();

const nist = {
  code: 'nist2',
  nameZh: '美国国家标准与技术研究院',
  nameEn: 'National Institute of Standards and Technology',
  model: 'gov_institute',
  ratingFunding: 3,
  ratingRd: 3,
  ratingManagement: 3,
  supervisingDepartmentZh: '美国商务部',
  supervisingDepartmentEn: 'Department of Commerce',
  committeeAppointerZh: '美国国家研究理事会',
  committeeAppointerEn: 'National Research Council',
  fiscalYearStartMonth: 10,
  defaultCurrency: 'usd',
  country: 'us',
  foundedYear: 1901,
  notes: 'Funding amounts are illustrative.',
  isIllustrative: true,
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  await buildUser(ctx, { username: 'supervisor-a', roles: ['supervisor'], platformId: A });
  root = await signIn(t.app, 'root');
  adminA = await signIn(t.app, 'admin-a');
  adminB = await signIn(t.app, 'admin-b');
  supervisorA = await signIn(t.app, 'supervisor-a');
});
afterAll(() => t.close());

describe('creating a platform', () => {
  it('is for system admins; codes, currencies and countries are normalised and the profile comes back whole', async () => {
    const res = await root.post('/api/platforms', nist);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ...nist,
      code: 'NIST2',
      defaultCurrency: 'USD',
      country: 'US',
      descriptionZh: null,
    });
    const listed = (await anonymous(t.app).get('/api/platforms'))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(listed).toContain('NIST2');
  });

  it('refuses platform admins and others (403) and the public (401), writing nothing', async () => {
    const before = await count('platforms');
    expect((await adminA.post('/api/platforms', { ...nist, code: 'X1' })).statusCode).toBe(403);
    expect((await supervisorA.post('/api/platforms', { ...nist, code: 'X2' })).statusCode).toBe(403);
    expect((await anonymous(t.app).post('/api/platforms', { ...nist, code: 'X3' })).statusCode).toBe(401);
    expect(await count('platforms')).toBe(before);
  });

  it('refuses a taken code with 409 and its pointer', async () => {
    const res = await root.post('/api/platforms', { ...nist, code: 'Nist2' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'platforms.code_taken', errors: [{ pointer: '/code' }] });
  });

  it('refuses ratings outside 0–3, a month outside 1–12, an unknown currency or country, naming each field', async () => {
    const before = await count('platforms');
    const res = await root.post('/api/platforms', {
      ...nist,
      code: 'BAD',
      ratingFunding: 4,
      ratingRd: -1,
      ratingManagement: 1.5,
      fiscalYearStartMonth: 13,
      defaultCurrency: 'XYZ',
      country: 'USA',
      model: 'charity',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.validation_failed');
    expect(pointers(res.json())).toEqual([
      '/country',
      '/defaultCurrency',
      '/fiscalYearStartMonth',
      '/model',
      '/ratingFunding',
      '/ratingManagement',
      '/ratingRd',
    ]);
    expect(
      (await root.post('/api/platforms', { ...nist, code: 'BAD', fiscalYearStartMonth: 0 })).statusCode,
    ).toBe(400);
    expect(await count('platforms')).toBe(before);
  });
});

describe('editing a platform', () => {
  it('lets its own admin edit every profile field, and records before and after', async () => {
    const audits = await count('audit_log');
    const res = await adminA.patch(`/api/platforms/${A}`, {
      ...nist,
      code: 'A',
      defaultCurrency: 'EUR',
      notes: null,
      descriptionEn: 'About A',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'A',
      ratingFunding: 3,
      fiscalYearStartMonth: 10,
      defaultCurrency: 'EUR',
      notes: null,
      descriptionEn: 'About A',
      isIllustrative: true,
    });
    expect(await count('audit_log')).toBe(audits + 1);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'platform.updated', platform_id: A });
    expect(JSON.parse(entry.before_json!).ratingFunding).toBe(0);
  });

  it("refuses another platform's admin and supervisors (403), and answers 404 for a missing platform", async () => {
    expect((await adminB.patch(`/api/platforms/${A}`, { nameEn: 'Taken over' })).statusCode).toBe(403);
    expect((await supervisorA.patch(`/api/platforms/${A}`, { nameEn: 'Taken over' })).statusCode).toBe(403);
    const missing = await root.patch(`/api/platforms/${crypto.randomUUID()}`, { nameEn: 'Nobody' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('platforms.not_found');
    expect((await anonymous(t.app).get(`/api/platforms/${A}`)).json().nameEn).not.toBe('Taken over');
  });
});

describe('funding by source and year', () => {
  const rows = [
    { year: 2016, source: 'appropriation', amountMinor: 96_400_000_000 },
    {
      year: 2015,
      source: 'appropriation',
      amountMinor: 86_400_000_000,
      isIllustrative: true,
      note: 'estimate',
    },
    { year: 2015, source: 'service_income', amountMinor: 1_000_000 },
  ];

  it('replaces the whole table, in the platform currency, oldest year first', async () => {
    const res = await adminB.put(`/api/platforms/${B}/funding`, { rows });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      currency: 'CNY',
      currencyDigits: 2,
      rows: [
        {
          year: 2015,
          source: 'appropriation',
          amountMinor: 86_400_000_000,
          currency: 'CNY',
          isIllustrative: true,
          note: 'estimate',
        },
        {
          year: 2015,
          source: 'service_income',
          amountMinor: 1_000_000,
          currency: 'CNY',
          isIllustrative: false,
          note: null,
        },
        {
          year: 2016,
          source: 'appropriation',
          amountMinor: 96_400_000_000,
          currency: 'CNY',
          isIllustrative: false,
          note: null,
        },
      ],
    });
    const replaced = await adminB.put(`/api/platforms/${B}/funding`, { rows: [rows[0]] });
    expect(replaced.json().rows).toHaveLength(1);
    // Each replacement is audited with the whole table before and after, as the API shows it.
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_type', 'platform_id', 'before_json', 'after_json'])
      .where('entity_id', '=', B)
      .where('action', '=', 'platform.funding_set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_type: 'platform', platform_id: B });
    expect(JSON.parse(entry.before_json!)).toEqual(res.json().rows);
    expect(JSON.parse(entry.after_json!)).toEqual(replaced.json().rows);
    expect((await anonymous(t.app).get(`/api/platforms/${B}`)).json().funding.rows).toHaveLength(1);
  });

  it('refuses negative, fractional and unsafe amounts, duplicates and a foreign currency, writing nothing', async () => {
    const before = await count('platform_funding');
    const bad = await adminB.put(`/api/platforms/${B}/funding`, {
      rows: [
        { year: 2014, source: 'appropriation', amountMinor: -1 },
        { year: 2014, source: 'member_dues', amountMinor: 10.5 },
        { year: 1800, source: 'gifts', amountMinor: 2 ** 60 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(pointers(bad.json())).toEqual([
      '/rows/0/amountMinor',
      '/rows/1/amountMinor',
      '/rows/2/amountMinor',
      '/rows/2/source',
      '/rows/2/year',
    ]);
    const dup = await adminB.put(`/api/platforms/${B}/funding`, { rows: [rows[1], rows[1]] });
    expect(dup.json()).toMatchObject({
      code: 'request.validation_failed',
      errors: [{ pointer: '/rows/1', code: 'platforms.duplicate_funding_row' }],
    });
    const foreign = await adminB.put(`/api/platforms/${B}/funding`, {
      rows: [{ ...rows[0], currency: 'USD' }],
    });
    expect(foreign.json().errors).toEqual([
      expect.objectContaining({ pointer: '/rows/0/currency', code: 'platforms.funding_currency_mismatch' }),
    ]);
    expect(await count('platform_funding')).toBe(before);
  });

  it('keeps the currency while funding is recorded in it', async () => {
    const res = await adminB.patch(`/api/platforms/${B}`, { defaultCurrency: 'USD' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'platforms.currency_in_use',
      errors: [{ pointer: '/defaultCurrency' }],
    });
    await adminB.put(`/api/platforms/${B}/funding`, { rows: [] });
    expect(
      (await adminB.patch(`/api/platforms/${B}`, { defaultCurrency: 'USD' })).json().defaultCurrency,
    ).toBe('USD');
  });

  it("is changed only by the platform's admins", async () => {
    expect((await adminA.put(`/api/platforms/${B}/funding`, { rows })).statusCode).toBe(403);
    expect((await anonymous(t.app).put(`/api/platforms/${B}/funding`, { rows })).statusCode).toBe(401);
  });
});

describe('the public detail', () => {
  it('shows profile, funding, fields and units to anyone, but no people', async () => {
    const ctx = t.systemCtx();
    const director = await buildPerson(ctx, { nameEn: 'Dr Secret Director', email: 'secret@example.org' });
    const unit = await buildUnit(ctx, {
      platformId: A,
      nameEn: 'Physical Measurement Laboratory',
      directorPersonId: director.id,
    });
    const res = await anonymous(t.app).get(`/api/platforms/${A}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'A',
      ratingRd: 3,
      units: [{ id: unit.id, nameEn: 'Physical Measurement Laboratory', kind: 'laboratory' }],
    });
    expect(body.access).toEqual({ canEdit: false, canSeePeople: false });
    expect(JSON.stringify(body)).not.toMatch(/Secret|secret@/);
    expect((await adminA.get(`/api/platforms/${A}`)).json().access).toEqual({
      canEdit: true,
      canSeePeople: true,
    });
    expect((await supervisorA.get(`/api/platforms/${A}`)).json().access).toEqual({
      canEdit: false,
      canSeePeople: true,
    });
    expect((await adminB.get(`/api/platforms/${A}`)).json().access).toEqual({
      canEdit: false,
      canSeePeople: false,
    });
  });

  it('answers 404 problem+json for an unknown platform', async () => {
    const res = await anonymous(t.app).get(`/api/platforms/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('platforms.not_found');
  });
});
