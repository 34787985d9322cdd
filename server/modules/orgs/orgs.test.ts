import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/audit.chain.js';
import { loadActor } from '../auth/auth.repository.js';
import { createToken } from '../auth/tokens.service.js';
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

describe('who may do what', () => {
  it('lets system admins, platform admins and program officers write; other roles get 403', async () => {
    expect((await root.post('/api/orgs', { nameZh: '系统管理员建', type: 'other' })).statusCode).toBe(201);
    expect((await admin.post('/api/orgs', { nameZh: '平台管理员建', type: 'government' })).statusCode).toBe(
      201,
    );
    const before = await countOrgs();
    const denied = await researcher.post('/api/orgs', { nameZh: '研究人员建', type: 'other' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('auth.forbidden');
    const org = await buildOrg(t.systemCtx());
    expect((await researcher.patch(`/api/orgs/${org.id}`, { nameZh: '改名' })).statusCode).toBe(403);
    expect((await researcher.get('/api/orgs/duplicates')).statusCode).toBe(403);
    expect(await countOrgs()).toBe(before + 1);
  });

  it("gives API tokens their owner's rights within the token's scope", async () => {
    const ownerId = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'officer')
        .executeTakeFirstOrThrow()
    ).id;
    const owner = (await loadActor(t.database.db, ownerId, 'session', ['read', 'write']))!;
    const token = async (scopes: ('read' | 'write')[]) =>
      anonymous(t.app, {
        authorization: `Bearer ${(await createToken({ ...t.systemCtx(), actor: owner }, { name: scopes.join('+'), scopes })).token}`,
      });
    const reader = await token(['read']);
    const writer = await token(['read', 'write']);
    const before = await countOrgs();
    const refused = await reader.post('/api/orgs', { nameZh: '只读令牌建', type: 'other' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.token_scope');
    expect(await countOrgs()).toBe(before);
    const listed = (await reader.get('/api/orgs?limit=1')).json();
    expect(listed.canManage).toBe(true);
    expect((await writer.post('/api/orgs', { nameZh: '读写令牌建', type: 'other' })).statusCode).toBe(201);
    expect(await countOrgs()).toBe(before + 1);
  });

  it('refuses anonymous callers with 401 on every organisation route', async () => {
    const anon = anonymous(t.app);
    const id = crypto.randomUUID();
    for (const res of [
      await anon.get('/api/orgs'),
      await anon.get(`/api/orgs/${id}`),
      await anon.get('/api/orgs/duplicates'),
      await anon.post('/api/orgs', { nameZh: 'x', type: 'other' }),
      await anon.patch(`/api/orgs/${id}`, { nameZh: 'x' }),
      await anon.post(`/api/orgs/${id}/merge`, { intoId: id, reason: 'x' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.not_signed_in');
    }
  });

  it('shows contact details to registry keepers only, in lists and in the detail', async () => {
    const org = await buildOrg(t.systemCtx(), {
      nameZh: '联系人可见性测试公司',
      contactName: '李四',
      contactPhone: '010-12345678',
      contactEmail: 'li@example.cn',
    });
    const q = `/api/orgs?q=${encodeURIComponent('联系人可见性')}`;
    const mine = (await officer.get(q)).json();
    expect(mine).toMatchObject({ canManage: true, total: 1 });
    expect(mine.items[0]).toMatchObject({
      contactName: '李四',
      contactPhone: '010-12345678',
      contactEmail: 'li@example.cn',
    });
    const theirs = await researcher.get(q);
    expect(theirs.json()).toMatchObject({ canManage: false, total: 1 });
    const detail = await researcher.get(`/api/orgs/${org.id}`);
    for (const res of [theirs, detail]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('李四');
      expect(res.body).not.toContain('li@example.cn');
      expect(res.body).not.toContain('12345678');
    }
    expect(detail.json()).toMatchObject({ id: org.id, canManage: false, address: null });
  });
});

describe('listing and searching', () => {
  beforeAll(async () => {
    const ctx = t.systemCtx();
    await buildOrg(ctx, {
      nameZh: '检索用 ACME Co., Ltd.',
      nameEn: 'Search Acme Co., Ltd.',
      creditCode: '91110108551385082Q',
    });
    await buildOrg(ctx, { nameZh: '检索用大型企业有限公司', enterpriseSize: 'large' });
    await buildOrg(ctx, { nameZh: '检索用研究所', type: 'institute' });
    await buildOrg(ctx, { nameZh: '检索用 100%_纯\\公司', type: 'other' });
  });
  const names = async (query: string) =>
    ((await researcher.get(`/api/orgs?${query}`)).json().items as { nameZh: string }[])
      .map((o) => o.nameZh)
      .sort();

  it('finds by part of either name, by part of the credit code, and by name without the legal form', async () => {
    expect(await names(`q=${encodeURIComponent('检索用研究')}`)).toEqual(['检索用研究所']);
    expect(await names('q=search%20acme')).toEqual(['检索用 ACME Co., Ltd.']);
    expect(await names('q=551385082q')).toEqual(['检索用 ACME Co., Ltd.']);
    expect(await names(`q=${encodeURIComponent('检索用acme co ltd')}`)).toEqual(['检索用 ACME Co., Ltd.']);
  });

  it('filters by type and size, and pages with a total', async () => {
    const prefix = `q=${encodeURIComponent('检索用')}`;
    expect(await names(`${prefix}&type=institute`)).toEqual(['检索用研究所']);
    expect(await names(`${prefix}&size=large`)).toEqual(['检索用大型企业有限公司']);
    const page = (await researcher.get(`/api/orgs?${prefix}&limit=2&offset=1`)).json();
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
  });

  it('matches %, _ and \\ literally', async () => {
    expect(await names(`q=${encodeURIComponent('100%_纯\\')}`)).toEqual(['检索用 100%_纯\\公司']);
    expect(await names('q=%25%25')).toEqual([]);
    expect(await names('q=_')).toEqual(['检索用 100%_纯\\公司']);
  });

  it('refuses unknown filters and values with pointers', async () => {
    const res = await researcher.get('/api/orgs?type=company&size=huge');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/size', '/type']);
  });
});
