import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { csv, readXlsx, upload } from './imports.fixtures.js';

let t: TestApp;
const as: Record<string, Client> = {};
const HEAD = ['姓名', '英文姓名', '职称', '邮箱', '电话', '单位', '单位信用代码'];
const code = validCreditCode();
let zk: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  const users: [string, Parameters<typeof buildUser>[1]][] = [
    ['director', { roles: ['lab_director'], platformId: A }],
    ['officer', { roles: ['program_officer'], platformId: A }],
    ['supervisor', { roles: ['supervisor'], platformId: A }],
    ['researcher', { roles: ['researcher'], platformId: A }],
    ['badmin', { roles: ['platform_admin'], platformId: B }],
  ];
  for (const [username, opts] of users) {
    await buildUser(ctx, { username, ...opts });
    as[username] = await signIn(t.app, username);
  }
  zk = (await buildOrg(ctx, { nameZh: '中科新材料有限公司', nameEn: 'ZK Materials', creditCode: code })).id;
  await buildOrg(ctx, { nameZh: '同名研究所', type: 'institute', enterpriseSize: null });
  await buildOrg(ctx, { nameZh: '同名研究所', type: 'institute', enterpriseSize: null });
});
afterAll(() => t.close());

const counts = async () => ({
  people: (await t.database.db.selectFrom('people').select('id').execute()).length,
  audit: (await t.database.db.selectFrom('audit_log').select('seq').execute()).length,
});

describe('importing people', () => {
  it('finds each organisation by credit code, exact name, English name or name without legal form', async () => {
    const file = csv([
      HEAD,
      ['张三', 'San Zhang', '研究员', 'zhang@example.cn', '13800138000', '', code.toLowerCase()],
      ['李四', '', '', '', '', '中科新材料有限公司', ''],
      ['王五', '', '', '', '', 'zk materials', ''],
      ['赵六', '', '', '', '', '中科新材料股份有限公司', ''],
      ['钱七', '', '', '', '', '', ''],
    ]);
    const res = await upload(as.director!, '/api/imports/people', file);
    expect(res.statusCode, res.body).toBe(201);
    const ids = res.json().created.map((c: { id: string }) => c.id);
    const rows = await t.database.db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
    const byName = Object.fromEntries(rows.map((r) => [r.name_zh, r]));
    expect(byName.张三).toMatchObject({
      name_en: 'San Zhang',
      title: '研究员',
      email: 'zhang@example.cn',
      phone: '13800138000',
      organisation_id: zk,
    });
    for (const name of ['李四', '王五', '赵六']) expect(byName[name]?.organisation_id, name).toBe(zk);
    expect(byName.钱七?.organisation_id).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['person.created', 'import.committed'])
      .execute();
    expect(audit.filter((a) => a.action === 'person.created')).toHaveLength(5);
  });

  it('reports unknown and ambiguous organisations, bad contacts and repeated e-mails, and writes nothing', async () => {
    const file = csv([
      HEAD,
      ['甲', '', '', 'a@example.cn', '', '不存在的单位', ''],
      ['乙', '', '', '', '', '同名研究所', ''],
      ['丙', '', '', 'A@example.cn', 'phone?', '', validCreditCode()],
      ['', '', '', '', '', '', ''],
      ['丁', '', '', '', '', '', '91110108551385082R'],
    ]);
    const before = await snapshotTables(t.database);
    const preview = await upload(as.director!, '/api/imports/people/preview', file);
    const res = await upload(as.director!, '/api/imports/people', file);
    expect(await snapshotTables(t.database)).toEqual(before);
    expect(res.statusCode).toBe(400);
    const errors = res
      .json()
      .rowErrors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]);
    expect(errors).toEqual([
      [2, '单位', 'imports.unknown_organisation'],
      [3, '单位', 'imports.ambiguous_organisation'],
      [4, '电话', 'imports.invalid_phone'],
      [4, '邮箱', 'imports.duplicate_in_file'],
      [4, '单位信用代码', 'imports.unknown_organisation'],
      [6, '单位信用代码', 'credit_code.check_character'],
    ]);
    expect(preview.json().errors).toEqual(res.json().rowErrors);
  });

  it('rolls back the earlier rows when a late row names an unknown organisation', async () => {
    const before = await counts();
    const rows = Array.from({ length: 4 }, (_, i) => [`回滚${i}`, '', '', '', '', '中科新材料有限公司', '']);
    const res = await upload(
      as.director!,
      '/api/imports/people',
      csv([HEAD, ...rows, ['迟到的错误', '', '', '', '', '查无此单位', '']]),
    );
    expect(res.json().rowErrors).toMatchObject([{ row: 6, code: 'imports.unknown_organisation' }]);
    expect(await counts()).toEqual(before);
  });

  it('lets platform admins of any platform and lab directors import; program officers, supervisors and researchers get 403', async () => {
    const file = csv([HEAD, ['权限测试', '', '', '', '', '', '']]);
    expect((await upload(as.badmin!, '/api/imports/people', file)).statusCode).toBe(201);
    for (const who of ['officer', 'supervisor', 'researcher']) {
      const before = await counts();
      const res = await upload(as[who]!, '/api/imports/people/preview', file);
      expect([res.statusCode, res.json().code], who).toEqual([403, 'auth.forbidden']);
      expect(await counts()).toEqual(before);
    }
  });
});

describe('exporting people', () => {
  it('gives the directory to those who may list it, with contacts only where the list shows them', async () => {
    const admin = await as.badmin!.get('/api/exports/people.csv');
    expect(admin.statusCode).toBe(200);
    expect(admin.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEAD.join(','));
    expect(admin.body).toMatch(
      new RegExp(`张三,San Zhang,研究员,zhang@example.cn,13800138000,中科新材料有限公司,${code}`),
    );
    // Unplaced people's contacts are for admins; a supervisor sees the directory without them.
    const sup = await as.supervisor!.get('/api/exports/people.xlsx');
    const sheet = (await readXlsx(sup.rawPayload)).人员!;
    expect(sheet[0]).toEqual(HEAD);
    expect(sheet.find((r) => r[0] === '张三')).toEqual([
      '张三',
      'San Zhang',
      '研究员',
      '',
      '',
      '中科新材料有限公司',
      code,
    ]);
    expect(JSON.stringify(sheet)).not.toContain('zhang@example.cn');
    const list = (await as.supervisor!.get('/api/people?q=%E5%BC%A0%E4%B8%89')).json();
    expect(list.items[0]).toMatchObject({ email: null, contactHidden: true });
  });

  it('refuses those who may not list people; program officers (expert curators) list them without contacts', async () => {
    expect((await as.researcher!.get('/api/exports/people.csv')).statusCode).toBe(403);
    const officer = await as.officer!.get('/api/exports/people.csv');
    expect(officer.statusCode).toBe(200);
    expect(officer.body).toContain('张三,San Zhang,研究员,,,中科新材料有限公司');
    expect(officer.body).not.toContain('zhang@example.cn');
  });
});
