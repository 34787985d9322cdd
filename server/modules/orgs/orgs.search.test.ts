import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg } from './orgs.fixtures.js';

let t: TestApp;
let _officer: Client;
let _admin: Client;
let researcher: Client;
let _root: Client;

const _countOrgs = async () =>
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
  _officer = await signIn(t.app, 'officer');
  _admin = await signIn(t.app, 'padmin');
  researcher = await signIn(t.app, 'researcher');
  _root = await signIn(t.app, 'root');
});
afterAll(() => t.close());

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

  it('sorts by English names for an English page, the Chinese name standing in where there is none', async () => {
    const ctx = t.systemCtx();
    await buildOrg(ctx, { nameZh: '排序甲公司', nameEn: 'zeta Sorting Ltd' });
    await buildOrg(ctx, { nameZh: '排序乙公司', nameEn: 'Alpha Sorting Ltd' });
    await buildOrg(ctx, { nameZh: '排序丙公司', nameEn: 'Mu Sorting Ltd' });
    const ordered = async (sort: string) =>
      ((await researcher.get(`/api/orgs?q=Sorting&sort=${sort}`)).json().items as { nameEn: string }[]).map(
        (o) => o.nameEn,
      );
    expect(await ordered('name_en')).toEqual(['Alpha Sorting Ltd', 'Mu Sorting Ltd', 'zeta Sorting Ltd']);
    expect((await researcher.get('/api/orgs?sort=name_fr')).statusCode).toBe(400);
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
