import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg, validCreditCode } from './orgs.fixtures.js';

let t: TestApp;
let officer: Client;
let admin: Client;
let researcher: Client;
let root: Client;

const countOrgs = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'padmin', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, {
    username: 'researcher',
    roles: ['researcher', 'expert', 'supervisor'],
    platformId: A,
  });
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  officer = await signIn(t.app, 'officer');
  admin = await signIn(t.app, 'padmin');
  researcher = await signIn(t.app, 'researcher');
  root = await signIn(t.app, 'root');
});
afterAll(() => t.close());

const acme = {
  nameZh: '北京艾克米科技有限公司',
  nameEn: 'Acme Co., Ltd.',
  type: 'enterprise',
  enterpriseSize: 'sme',
  address: '北京市海淀区中关村大街1号',
  contactName: '王小明',
  contactPhone: '+86 10 6279 5627',
  contactEmail: 'wang@acme.example.cn',
  website: 'https://acme.example.cn',
};

describe('registering an organisation', () => {
  it('stores a normalised credit code and name key, and audits the creation', async () => {
    const code = validCreditCode();
    const res = await officer.post('/api/orgs', { ...acme, creditCode: ` ${code.toLowerCase()} ` });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      creditCode: code,
      country: 'CN',
      contactEmail: acme.contactEmail,
      mergedIntoId: null,
    });
    const row = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.name_key).toBe('北京艾克米科技');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['organisation.created']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ creditCode: code, nameZh: acme.nameZh });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it.each([
    ['91110108551385082', 'credit_code.length'],
    ['9111010855138508IQ', 'credit_code.charset'],
    ['91110108551385083Q', 'credit_code.organisation_code_check'],
    ['91110108551385082R', 'credit_code.check_character'],
  ])(
    'refuses the credit code %s with the reason %s at /creditCode, writing nothing',
    async (creditCode, code) => {
      const before = await countOrgs();
      const res = await admin.post('/api/orgs', { ...acme, nameZh: '另一家公司', creditCode });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'request.validation_failed',
        errors: [{ in: 'body', pointer: '/creditCode', code }],
      });
      expect(await countOrgs()).toBe(before);
    },
  );

  it('requires a size for an enterprise and forbids one for anything else, naming every problem at once', async () => {
    const before = await countOrgs();
    const noSize = await officer.post('/api/orgs', { nameZh: '无规模企业', type: 'enterprise' });
    expect(noSize.json().errors).toEqual([
      expect.objectContaining({ pointer: '/enterpriseSize', code: 'orgs.enterprise_size_required' }),
    ]);
    const both = await officer.post('/api/orgs', {
      nameZh: '某大学',
      type: 'university',
      enterpriseSize: 'large',
      creditCode: '12100000400000624A',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/creditCode', 'credit_code.check_character'],
      ['/enterpriseSize', 'orgs.enterprise_size_forbidden'],
    ]);
    expect(await countOrgs()).toBe(before);
  });

  it('refuses malformed e-mail, phone, website and country with pointers', async () => {
    const before = await countOrgs();
    const res = await officer.post('/api/orgs', {
      ...acme,
      nameZh: '格式错误公司',
      contactEmail: 'not-an-email',
      contactPhone: 'call me',
      website: 'javascript:alert(1)',
      country: 'China',
    });
    expect(res.statusCode).toBe(400);
    const pointers = res
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(['/contactEmail', '/contactPhone', '/country', '/website']);
    expect(await countOrgs()).toBe(before);
  });

  it('answers a second registration of the same code with 409 pointing to the holder', async () => {
    const code = validCreditCode();
    const first = (await officer.post('/api/orgs', { ...acme, nameZh: '第一家', creditCode: code })).json();
    const before = await countOrgs();
    const again = await admin.post('/api/orgs', {
      ...acme,
      nameZh: '第二家',
      creditCode: code.toLowerCase(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'orgs.duplicate_credit_code',
      existingId: first.id,
      errors: [{ pointer: '/creditCode' }],
    });
    expect(await countOrgs()).toBe(before);
  });
});

describe('editing', () => {
  it('updates fields and the name key, audits before and after', async () => {
    const org = await buildOrg(t.systemCtx(), { nameZh: '上海旧名有限公司' });
    const res = await officer.patch(`/api/orgs/${org.id}`, {
      nameZh: '上海新名股份有限公司',
      enterpriseSize: 'large',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameZh: '上海新名股份有限公司', enterpriseSize: 'large' });
    const row = await t.database.db
      .selectFrom('organisations')
      .select('name_key')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.name_key).toBe('上海新名');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', org.id)
      .where('action', '=', 'organisation.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!)).toMatchObject({
      nameZh: '上海旧名有限公司',
      enterpriseSize: 'sme',
    });
    expect(JSON.parse(entry.after_json!)).toMatchObject({
      nameZh: '上海新名股份有限公司',
      enterpriseSize: 'large',
    });
  });

  it('checks the rules against the resulting record: a university keeping its old size is refused', async () => {
    const org = await buildOrg(t.systemCtx());
    const res = await officer.patch(`/api/orgs/${org.id}`, { type: 'university' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '/enterpriseSize', code: 'orgs.enterprise_size_forbidden' }),
    ]);
    const ok = await officer.patch(`/api/orgs/${org.id}`, { type: 'university', enterpriseSize: null });
    expect(ok.json()).toMatchObject({ type: 'university', enterpriseSize: null });
  });

  it("refuses taking another organisation's credit code (409) and keeps the record", async () => {
    const code = validCreditCode();
    const holder = await buildOrg(t.systemCtx(), { creditCode: code });
    const other = await buildOrg(t.systemCtx());
    const res = await officer.patch(`/api/orgs/${other.id}`, { creditCode: code });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'orgs.duplicate_credit_code', existingId: holder.id });
    expect((await root.get(`/api/orgs/${other.id}`)).json().creditCode).toBeNull();
  });

  it('answers 404 for an unknown organisation', async () => {
    const res = await officer.patch(`/api/orgs/${crypto.randomUUID()}`, { nameZh: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('orgs.not_found');
    expect((await researcher.get(`/api/orgs/${crypto.randomUUID()}`)).json().code).toBe('orgs.not_found');
  });
});
