import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createField } from '../fields/fields.service.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { createPerson } from '../people/people.service.js';
import { csv, readXlsx, upload } from './imports.fixtures.js';

let t: TestApp;
let A: string;
let B: string;
const as: Record<string, Client> = {};
const HEAD = [
  '人员ID',
  '姓名',
  '邮箱',
  '单位信用代码',
  '类别',
  '任期开始',
  '任期结束',
  '聘任机构',
  '技术领域',
];
const code = validCreditCode();
let existing: string;
let org: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await t.database.db
    .updateTable('platforms')
    .set({ committee_appointer_zh: '国家研究委员会' })
    .where('id', '=', A)
    .execute();
  const users: [string, Parameters<typeof buildUser>[1]][] = [
    ['aadmin', { roles: ['platform_admin'], platformId: A }],
    ['director', { roles: ['lab_director'], platformId: A }],
    ['researcher', { roles: ['researcher'], platformId: A }],
    ['badmin', { roles: ['platform_admin'], platformId: B }],
    ['root', { systemAdmin: true }],
  ];
  for (const [username, opts] of users) {
    await buildUser(ctx, { username, ...opts });
    as[username] = await signIn(t.app, username);
  }
  await createField(ctx, { code: 'energy', nameZh: '新能源', nameEn: 'New energy', parentId: null });
  await createField(ctx, { code: 'materials', nameZh: '新材料', nameEn: 'New materials', parentId: null });
  org = (await buildOrg(ctx, { nameZh: '委员单位有限公司', creditCode: code })).id;
  existing = (await createPerson(ctx, { nameZh: '已有人员', email: 'known@example.org' })).id;
});
afterAll(() => t.close());

const url = (platformId: string, preview = false) =>
  `/api/imports/committee${preview ? '/preview' : ''}?platformId=${platformId}`;
const counts = async () => ({
  people: (await t.database.db.selectFrom('people').select('id').execute()).length,
  members: (await t.database.db.selectFrom('committee_members').select('id').execute()).length,
});

describe('importing committee members', () => {
  it('appoints new and existing people with category, term, appointing body and fields', async () => {
    const file = csv([
      HEAD,
      ['', '新委员', 'new@example.org', code, '学术', '2026/1/5', '2028-12-31', '', 'energy, Materials'],
      [existing.toUpperCase(), '（忽略）', '', '', 'industry', '2026-02-01', '', '另一机构', ''],
    ]);
    const res = await upload(as.aadmin!, url(A), file);
    expect(res.statusCode, res.body).toBe(201);
    const members = await t.database.db
      .selectFrom('committee_members')
      .selectAll()
      .where('platform_id', '=', A)
      .orderBy('term_start')
      .execute();
    expect(
      members.map((m) => [m.category, m.term_start, m.term_end, m.appointed_by, m.organisation_id]),
    ).toEqual([
      ['academic', '2026-01-05', '2028-12-31', '国家研究委员会', org],
      ['industry', '2026-02-01', null, '另一机构', null],
    ]);
    expect(members[1]!.person_id).toBe(existing);
    const person = await t.database.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', members[0]!.person_id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name_zh: '新委员', email: 'new@example.org', organisation_id: org });
    const fields = await t.database.db
      .selectFrom('committee_member_fields')
      .innerJoin('tech_fields', 'tech_fields.id', 'committee_member_fields.field_id')
      .select('code')
      .where('member_id', '=', members[0]!.id)
      .orderBy('code')
      .execute();
    expect(fields.map((f) => f.code)).toEqual(['energy', 'materials']);
  });

  it("reports each row's problems with the committee's own codes, and writes nothing", async () => {
    const file = csv([
      HEAD,
      ['', '领域不存在', '', '', '学术', '2026-01-01', '', '', 'energy, nosuchfield'],
      ['', '任期倒置', '', '', '实验室', '2026-05-01', '2026-04-30', '', ''],
      [crypto.randomUUID(), '', '', '', 'lab', '2026-01-01', '', '', ''],
      [existing, '', '', '', 'lab', '2026-01-01', '', '', ''],
      ['', '', '', '', '院士', '2026-13-01', '', '', ''],
      ['not-an-id', '', '', '', 'lab', '2026-01-01', '', '', ''],
    ]);
    const before = await snapshotTables(t.database);
    const res = await upload(as.aadmin!, url(A), file);
    expect(await snapshotTables(t.database)).toEqual(before);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .rowErrors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [2, '技术领域', 'fields.unknown'],
      [3, '任期结束', 'committee.term_order'],
      [4, '人员ID', 'committee.unknown_person'],
      [5, '人员ID', 'committee.already_member'],
      [6, '类别', 'imports.invalid_value'],
      [6, '任期开始', 'imports.invalid_date'],
      [6, '姓名', 'imports.required'],
      [7, '人员ID', 'imports.invalid_value'],
    ]);
  });

  it('rolls back new people and members of earlier rows when a late row fails', async () => {
    const before = await counts();
    const rows = Array.from({ length: 3 }, (_, i) => [
      '',
      `回滚委员${i}`,
      '',
      '',
      '产业',
      '2026-03-01',
      '',
      '',
      '',
    ]);
    const res = await upload(
      as.aadmin!,
      url(A),
      csv([HEAD, ...rows, [existing, '', '', '', 'lab', '2026-01-01', '', '', '']]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors).toMatchObject([
      { row: 5, column: '人员ID', code: 'committee.already_member' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("needs the platform: missing is 400 at ?platformId, unknown is 404, and only that platform's admins may import", async () => {
    const file = csv([HEAD, ['', '权限', '', '', 'lab', '2026-01-01', '', '', '']]);
    const missing = await upload(as.aadmin!, '/api/imports/committee', file);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ in: 'querystring', pointer: '/platformId' }),
    ]);
    expect((await upload(as.aadmin!, url(crypto.randomUUID()), file)).json().code).toBe(
      'platforms.not_found',
    );
    const before = await counts();
    for (const who of ['badmin', 'director', 'researcher']) {
      expect((await upload(as[who]!, url(A, true), file)).statusCode, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
    expect((await upload(as.badmin!, url(B, true), file)).statusCode).toBe(200);
  });
});

describe('exporting the committee', () => {
  it('gives anyone with a role on the platform the members, in a file that imports into another platform', async () => {
    const res = await as.researcher!.get(`/api/exports/committee.xlsx?platformId=${A}`);
    expect(res.statusCode).toBe(200);
    const sheet = (await readXlsx(res.rawPayload)).评估委员会!;
    expect(sheet[0]).toEqual([
      '人员ID',
      '姓名',
      '英文姓名',
      '职称',
      '邮箱',
      '电话',
      '单位',
      '单位信用代码',
      '类别',
      '任期开始',
      '任期结束',
      '聘任机构',
      '技术领域',
    ]);
    const member = sheet.find((r) => r[1] === '新委员')!;
    expect([member[6], member[7], member[8], member[9], member[10], member[11], member[12]]).toEqual([
      '委员单位有限公司',
      code,
      '学术',
      '2026-01-05',
      '2028-12-31',
      '国家研究委员会',
      'energy, materials',
    ]);
    expect((await as.badmin!.get(`/api/exports/committee.csv?platformId=${A}`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/exports/committee.csv?platformId=${A}`)).statusCode).toBe(401);

    const again = await upload(as.root!, url(B), res.rawPayload, 'committee.xlsx');
    expect(again.statusCode, again.body).toBe(201);
    const inB = await t.database.db
      .selectFrom('committee_members')
      .select(['person_id', 'category', 'term_start'])
      .where('platform_id', '=', B)
      .orderBy('term_start')
      .execute();
    const inA = await t.database.db
      .selectFrom('committee_members')
      .select(['person_id', 'category', 'term_start'])
      .where('platform_id', '=', A)
      .orderBy('term_start')
      .execute();
    expect(inB).toEqual(inA);
  });

  it('needs the platform id', async () => {
    const res = await as.root!.get('/api/exports/committee.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ in: 'querystring', pointer: '/platformId' }),
    ]);
  });
});
