import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createToken } from '../auth/tokens.service.js';
import { loadActor } from '../users/users.accounts.js';
import { buildOrg } from './orgs.fixtures.js';

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
