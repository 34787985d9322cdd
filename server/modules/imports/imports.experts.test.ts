import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField } from '../../test/platform-factories.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { csv, readXlsx, upload } from './imports.fixtures.js';

let t: TestApp;
const as: Record<string, Client> = {};
let uni: string;
const HEAD = [
  '姓名',
  '英文姓名',
  '邮箱',
  '单位',
  '专家类别',
  '技术领域',
  '研究专长',
  '英文研究专长',
  '评审上限',
];

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  for (const [username, role] of [
    ['officer', 'program_officer'],
    ['director', 'lab_director'],
  ] as const) {
    await buildUser(ctx, { username, roles: [role], platformId: A });
    as[username] = await signIn(t.app, username);
  }
  const top = (await buildField(ctx, { code: 'ymfg' })).id;
  await buildField(ctx, { code: 'ymfg.print', parentId: top });
  uni = (await buildOrg(ctx, { nameZh: '导入测试大学', type: 'university', enterpriseSize: null })).id;
});
afterAll(() => t.close());

const good = [
  ['李专家', 'Li Expert', 'li@example.cn', '导入测试大学', '学术', 'ymfg; YMFG.print', '增材制造', '', '4'],
  ['Jane Roe', 'Jane Roe', '', '', 'industry', '', '', 'Laser equipment', ''],
];

describe('importing experts', () => {
  it('previews every row with its errors, then imports all or nothing', async () => {
    const before = await snapshotTables(t.database);
    const bad = csv([
      HEAD,
      ...good,
      ['王', '', 'li@example.cn', '没有的单位', '政府', 'nope', '', '', 'many'],
    ]);
    const preview = await upload(as.officer!, '/api/imports/experts/preview', bad);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.summary).toEqual({ rows: 3, valid: 2, invalid: 1 });
    expect(p.rows[0].values).toMatchObject({
      category: 'academic',
      fields: 'ymfg, YMFG.print',
      load_max: '4',
    });
    const row4 = p.errors
      .filter((e: { row: number }) => e.row === 4)
      .map((e: { columnKey: string }) => e.columnKey);
    expect(row4.sort()).toEqual(['category', 'email', 'fields', 'load_max', 'organisation']);
    const refused = await upload(as.officer!, '/api/imports/experts', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'imports.invalid_rows' });
    expect(await snapshotTables(t.database)).toEqual(before);

    const res = await upload(as.officer!, '/api/imports/experts', csv([HEAD, ...good]));
    expect(res.statusCode, res.body).toBe(201);
    const list = (await as.officer!.get('/api/experts')).json();
    expect(list.total).toBe(2);
    const li = list.items.find((e: { person: { nameZh: string } }) => e.person.nameZh === '李专家');
    expect(li).toMatchObject({
      category: 'academic',
      loadMax: 4,
      organisation: { id: uni },
      expertiseEn: null,
    });
    expect(li.fields.map((f: { code: string }) => f.code)).toEqual(['ymfg', 'ymfg.print']);
    const jane = list.items.find((e: { person: { nameZh: string } }) => e.person.nameZh === 'Jane Roe');
    expect(jane).toMatchObject({ category: 'industry', loadMax: 6, expertiseEn: 'Laser equipment' });
  });

  it('is refused to non-curators; the export lists experts as a file that imports again', async () => {
    expect(
      (await upload(as.director!, '/api/imports/experts/preview', csv([HEAD, good[0]!]))).statusCode,
    ).toBe(403);
    const file = await as.officer!.get('/api/exports/experts.csv');
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('专家类别');
    expect(file.body).toContain('李专家');
    expect(file.body).toContain('ymfg; ymfg.print');
    const en = await as.officer!.get('/api/exports/experts.xlsx?lang=en-US');
    const sheets = await readXlsx(en.rawPayload);
    expect(sheets.Experts![0]).toContain('expertise_en');
    expect(sheets.Experts!.length).toBe(3);
    const template = await as.director!.get('/api/imports/experts/template.csv');
    expect(template.statusCode).toBe(200);
  });
});
