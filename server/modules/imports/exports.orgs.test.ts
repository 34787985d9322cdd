import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { readXlsx, upload } from './imports.fixtures.js';

let t: TestApp;
let officer: Client;
let researcher: Client;
const secret = {
  contactName: '保密联系人',
  contactPhone: '010-88889999',
  contactEmail: 'secret@contact.example',
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'researcher', roles: ['researcher', 'supervisor'], platformId: A });
  officer = await signIn(t.app, 'officer');
  researcher = await signIn(t.app, 'researcher');
  await buildOrg(ctx, {
    nameZh: '导出甲有限公司',
    nameEn: 'Export A',
    creditCode: validCreditCode(),
    address: '北京',
    website: 'https://a.example.cn',
    ...secret,
  });
  await buildOrg(ctx, {
    nameZh: '导出乙研究所',
    type: 'institute',
    enterpriseSize: null,
    country: 'DE',
    registryId: 'VR 1',
  });
  await buildOrg(ctx, {
    nameZh: '=HYPERLINK("http://evil.example","点我")',
    type: 'other',
    enterpriseSize: null,
  });
  const merged = await buildOrg(ctx, { nameZh: '已合并的重复单位' });
  const survivor = await buildOrg(ctx, { nameZh: '合并存续单位' });
  await officer.post(`/api/orgs/${merged.id}/merge`, { intoId: survivor.id, reason: 'dup' });
});
afterAll(() => t.close());

const HEAD_ZH =
  '名称,英文名称,类型,企业规模,统一社会信用代码,其他登记号,国家或地区,地址,联系人,联系电话,联系邮箱,网站';

describe('templates', () => {
  it('gives a CSV header row in Chinese (default) or English, with a BOM', async () => {
    const zh = await researcher.get('/api/imports/organisations/template.csv');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zh.headers['content-disposition']).toBe(
      `attachment; filename="organisations-template.csv"; filename*=UTF-8''organisations-template.csv`,
    );
    expect(zh.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(zh.body.replace(/^\uFEFF/, '')).toBe(`${HEAD_ZH}\r\n`);
    const en = await researcher.get('/api/imports/committee/template.csv?lang=en-US');
    expect(en.body.replace(/^\uFEFF/, '').trim()).toBe(
      'person_id,name_zh,name_en,title,email,phone,organisation,organisation_credit_code,category,term_start,term_end,appointed_by,fields',
    );
  });

  it('gives an XLSX with the header row and a sheet explaining columns and allowed values', async () => {
    const res = await researcher.get('/api/imports/organisations/template.xlsx');
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheets = await readXlsx(res.rawPayload);
    expect(Object.keys(sheets)).toEqual(['单位', '填写说明']);
    expect(sheets.单位).toEqual([HEAD_ZH.split(',')]);
    const notes = sheets.填写说明!;
    expect(notes[0]).toEqual(['列名', '必填', '可选值', '说明']);
    expect(notes.find((r) => r[0] === '类型')).toEqual([
      '类型',
      '是',
      '企业、高校、科研院所、政府、其他',
      '',
    ]);
    expect(notes.find((r) => r[0] === '企业规模')?.[2]).toBe('大型企业、中小企业');
  });
});

describe('exports', () => {
  it('lists the registry with Chinese headers and values, contacts included for registry keepers, merged ones left out', async () => {
    const res = await officer.get('/api/exports/organisations.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="organisations-2026-06-01.csv"; filename*=UTF-8''organisations-2026-06-01.csv`,
    );
    const [head, ...lines] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(head).toBe(HEAD_ZH);
    expect(lines.find((l) => l.startsWith('导出甲有限公司'))).toMatch(
      /^导出甲有限公司,Export A,企业,中小企业,91110108\w{10},,CN,北京,保密联系人,010-88889999,secret@contact\.example,https:\/\/a\.example\.cn$/,
    );
    expect(lines.find((l) => l.startsWith('导出乙研究所'))).toBe('导出乙研究所,,科研院所,,,VR 1,DE,,,,,');
    expect(res.body).not.toContain('已合并的重复单位');
    expect(res.body).toContain('合并存续单位');
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const res = await officer.get('/api/exports/organisations.csv');
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  });

  it('leaves the contact columns out for everyone else, in CSV and XLSX alike', async () => {
    const csvRes = await researcher.get('/api/exports/organisations.csv');
    const xlsxRes = await researcher.get('/api/exports/organisations.xlsx?lang=en-US');
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      '名称,英文名称,类型,企业规模,统一社会信用代码,其他登记号,国家或地区,地址,网站',
    );
    const sheet = (await readXlsx(xlsxRes.rawPayload)).Organisations!;
    expect(sheet[0]).toEqual([
      'name_zh',
      'name_en',
      'type',
      'enterprise_size',
      'credit_code',
      'registry_id',
      'country',
      'address',
      'website',
    ]);
    expect(sheet.find((r) => r[0] === '导出甲有限公司')?.slice(2, 4)).toEqual(['enterprise', 'sme']);
    for (const text of [csvRes.body, JSON.stringify(sheet)]) {
      for (const value of Object.values(secret)) expect(text).not.toContain(value);
    }
  });

  it('filters by type and size like the list', async () => {
    const res = await officer.get('/api/exports/organisations.csv?type=institute');
    expect(
      res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1),
    ).toEqual(['导出乙研究所,,科研院所,,,VR 1,DE,,,,,']);
    expect((await officer.get('/api/exports/organisations.csv?size=huge')).statusCode).toBe(400);
  });

  it('refuses anonymous callers', async () => {
    for (const url of [
      '/api/exports/organisations.csv',
      '/api/exports/organisations.xlsx',
      '/api/imports/organisations/template.csv',
    ]) {
      const res = await anonymous(t.app).get(url);
      expect([res.statusCode, res.json().code]).toEqual([401, 'auth.not_signed_in']);
    }
  });
});

describe('an export imports again', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await setupTestApp();
    await buildUser(other.systemCtx(), { username: 'root', systemAdmin: true });
  });
  afterAll(() => other.close());

  const registry = async (app: TestApp) =>
    (
      await app.database.db
        .selectFrom('organisations')
        .selectAll()
        .where('merged_into_id', 'is', null)
        .execute()
    )
      .map(({ id, created_at, updated_at, merged_into_id, ...rest }) => rest)
      .sort((a, b) => (a.name_zh < b.name_zh ? -1 : 1));

  it.each([
    ['CSV in Chinese', '/api/exports/organisations.csv'],
    ['XLSX in English', '/api/exports/organisations.xlsx?lang=en-US'],
  ])('%s, into a fresh deployment, giving the same records', async (_name, url) => {
    const exported = await officer.get(url);
    const root = await signIn(other.app, 'root');
    await other.database.db.deleteFrom('organisations').execute();
    const res = await upload(
      root,
      '/api/imports/organisations',
      exported.rawPayload,
      url.includes('xlsx') ? 'x.xlsx' : 'x.csv',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await registry(other)).toEqual(await registry(t));
  });
});
