import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg, validCreditCode } from '../orgs/orgs.fixtures.js';
import { csv, multipart, upload, xlsx } from './imports.fixtures.js';

let t: TestApp;
let officer: Client;
let researcher: Client;
const PREVIEW = '/api/imports/organisations/preview';
const COMMIT = '/api/imports/organisations';
const HEAD_ZH = ['名称', '英文名称', '类型', '企业规模', '统一社会信用代码', '国家或地区', '联系邮箱'];

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, {
    username: 'researcher',
    roles: ['researcher', 'supervisor', 'lab_director'],
    platformId: A,
  });
  officer = await signIn(t.app, 'officer');
  researcher = await signIn(t.app, 'researcher');
});
afterAll(() => t.close());

const countOrgs = async () => (await t.database.db.selectFrom('organisations').select('id').execute()).length;

/** Asserts the request changed no row of any table (audit log included). */
async function writesNothing<T>(work: () => Promise<T>): Promise<T> {
  const before = await snapshotTables(t.database);
  const out = await work();
  expect(await snapshotTables(t.database)).toEqual(before);
  return out;
}

describe('preview', () => {
  it('reads Chinese headers and values from a CSV with BOM, normalises them and writes nothing', async () => {
    const code = validCreditCode();
    const file = csv([
      HEAD_ZH,
      [
        '预览甲有限公司',
        'Preview A Co., Ltd.',
        '企业',
        '中小企业',
        code.toLowerCase(),
        '中国',
        'a@example.cn',
      ],
      ['预览乙大学', '', '高校', '', '', '美国', ''],
    ]);
    const res = await writesNothing(() => upload(officer, PREVIEW, file));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: 'organisations',
      rows: [
        {
          row: 2,
          values: {
            name_zh: '预览甲有限公司',
            name_en: 'Preview A Co., Ltd.',
            type: 'enterprise',
            enterprise_size: 'sme',
            credit_code: code,
            country: 'CN',
            contact_email: 'a@example.cn',
          },
        },
        {
          row: 3,
          values: {
            name_zh: '预览乙大学',
            name_en: null,
            type: 'university',
            enterprise_size: null,
            credit_code: null,
            country: 'US',
            contact_email: null,
          },
        },
      ],
      errors: [],
      summary: { rows: 2, valid: 2, invalid: 0 },
    });
  });

  it('names the spreadsheet row, the header as written and a stable code for every problem', async () => {
    const taken = validCreditCode();
    await buildOrg(t.systemCtx(), { creditCode: taken });
    const dup = validCreditCode();
    const file = csv([
      [...HEAD_ZH, '备注'],
      ['好公司', '', '企业', '大型企业', dup, '', '', ''],
      ['', '', '合作社', '', '91110108551385082R', '', 'not-mail', ''],
      ['没有规模的企业', '', 'enterprise', '', '', 'Atlantis', '', ''],
      ['大学却有规模', '', '大学', 'SME', '', '', '', ''],
      ['重复代码', '', '其他', '', dup.toLowerCase(), '', '', ''],
      ['库中已有代码', '', '其他', '', taken, '', '', ''],
    ]);
    const res = await writesNothing(() => upload(officer, PREVIEW, file));
    expect(res.statusCode).toBe(200);
    const errors = res
      .json()
      .errors.map((e: { row: number; column: string; code: string; value: string | null }) => [
        e.row,
        e.column,
        e.code,
        e.value,
      ]);
    expect(errors).toEqual([
      [1, '备注', 'imports.unknown_column', '备注'],
      [3, '名称', 'imports.required', null],
      [3, '类型', 'imports.invalid_value', '合作社'],
      [3, '统一社会信用代码', 'credit_code.check_character', '91110108551385082R'],
      [3, '联系邮箱', 'imports.invalid_email', 'not-mail'],
      [4, '国家或地区', 'imports.invalid_value', 'Atlantis'],
      [4, '企业规模', 'orgs.enterprise_size_required', null],
      [5, '企业规模', 'orgs.enterprise_size_forbidden', 'SME'],
      [6, '统一社会信用代码', 'imports.duplicate_in_file', dup.toLowerCase()],
      // Found by the database's unique index while the preview writes (and then rolls back) row 7.
      [7, '统一社会信用代码', 'orgs.duplicate_credit_code', taken],
    ]);
    expect(res.json().summary).toEqual({ rows: 6, valid: 1, invalid: 5 });
    expect(res.json().errors[0]).toMatchObject({ message: 'Unknown column', columnKey: null });
    const email = res.json().errors.find((e: { code: string }) => e.code === 'imports.invalid_email');
    expect(email.columnKey).toBe('contact_email');
  });

  it('reports missing required columns on the header row', async () => {
    const res = await upload(officer, PREVIEW, csv([['英文名称'], ['Only English']]));
    expect(
      res.json().errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [1, '名称', 'imports.missing_column'],
      [1, '类型', 'imports.missing_column'],
    ]);
    expect(res.json().summary).toEqual({ rows: 1, valid: 0, invalid: 1 });
  });
});

describe('commit', () => {
  it('imports an XLSX with English headers and values, each row audited, and says which row became which id', async () => {
    const before = await countOrgs();
    const file = await xlsx([
      ['name_zh', 'type', 'enterprise_size', 'credit_code', 'contact_phone', 'website'],
      ['XLSX 甲', 'enterprise', 'large', validCreditCode(), '+86 10 6279 5627', 'www.example.cn'],
      ['XLSX 乙', 'Institute', null, null, null, null],
    ]);
    const res = await upload(officer, COMMIT, file, 'orgs.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const { created, summary } = res.json();
    expect(summary).toEqual({ rows: 2, valid: 2, invalid: 0 });
    expect(created.map((c: { row: number }) => c.row)).toEqual([2, 3]);
    const rows = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where(
        'id',
        'in',
        created.map((c: { id: string }) => c.id),
      )
      .orderBy('name_zh')
      .execute();
    expect(rows.map((r) => [r.name_zh, r.type, r.enterprise_size, r.contact_phone, r.website])).toEqual([
      ['XLSX 乙', 'institute', null, null, null],
      ['XLSX 甲', 'enterprise', 'large', '+86 10 6279 5627', 'https://www.example.cn'],
    ]);
    expect(await countOrgs()).toBe(before + 2);
    const actions = (
      await t.database.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(3).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['import.committed', 'organisation.created', 'organisation.created']);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('writes nothing when the last row fails in the database, after the earlier rows were written', async () => {
    const taken = validCreditCode();
    await buildOrg(t.systemCtx(), { creditCode: taken });
    const good = Array.from({ length: 5 }, (_, i) => [
      `全有全无${i}`,
      '',
      '其他',
      '',
      validCreditCode(),
      '',
      '',
    ]);
    const file = csv([HEAD_ZH, ...good, ['最后一行撞码', '', '其他', '', taken, '', '']]);
    const preview = await upload(officer, PREVIEW, file);
    const res = await writesNothing(() => upload(officer, COMMIT, file));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'imports.invalid_rows',
      summary: { rows: 6, valid: 5, invalid: 1 },
    });
    expect(res.json().rowErrors).toEqual([
      {
        row: 7,
        column: '统一社会信用代码',
        columnKey: 'credit_code',
        code: 'orgs.duplicate_credit_code',
        message: expect.any(String),
        value: taken,
      },
    ]);
    // The preview finds exactly what the import refuses.
    expect(preview.json().errors).toEqual(res.json().rowErrors);
  });

  it('writes nothing when a row repeats a credit code of an earlier row of the file', async () => {
    const code = validCreditCode();
    const file = csv([
      HEAD_ZH,
      ['文件内甲', '', '其他', '', code, '', ''],
      ['文件内乙', '', '其他', '', '', '', ''],
      ['文件内丙', '', '其他', '', code, '', ''],
    ]);
    const res = await writesNothing(() => upload(officer, COMMIT, file));
    expect(res.json().rowErrors).toMatchObject([{ row: 4, code: 'imports.duplicate_in_file' }]);
  });
});

describe('the file itself', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000'), 415, 'imports.unsupported_file'],
    [
      'a GBK-encoded CSV',
      Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xd0, 0xcd, 0x0d, 0x0a]),
      415,
      'imports.csv_not_utf8',
    ],
    [
      'a broken ZIP',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]),
      400,
      'imports.unreadable_file',
    ],
    ['an empty file', Buffer.alloc(0), 400, 'imports.empty_file'],
  ])('refuses %s', async (_name, file, status, code) => {
    const res = await writesNothing(() => upload(officer, COMMIT, file));
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('accepts a CSV without BOM and says when there are no data rows', async () => {
    const res = await upload(officer, PREVIEW, csv([HEAD_ZH], false));
    expect(res.json().errors).toMatchObject([{ row: 1, column: null, code: 'imports.no_rows' }]);
    expect((await upload(officer, COMMIT, csv([HEAD_ZH], false))).statusCode).toBe(400);
  });

  it('refuses a body that is not multipart (415), a broken one or one without a file (400) and a file over 5 MB (413)', async () => {
    const json = await officer.post(COMMIT, {});
    expect([json.statusCode, json.json().code]).toEqual([415, 'imports.not_multipart']);
    const boundary = 'xyz';
    const noFile = await officer.request({
      method: 'POST',
      url: COMMIT,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'imports.file_missing']);
    for (const [type, payload] of [
      [
        'multipart/form-data; boundary=abc',
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname',
      ],
      ['multipart/form-data', '--abc\r\n'],
    ]) {
      const broken = await officer.request({
        method: 'POST',
        url: COMMIT,
        headers: { 'content-type': type! },
        payload: payload!,
      });
      expect([broken.statusCode, broken.json().code]).toEqual([400, 'imports.not_multipart']);
    }
    const big = Buffer.concat([csv([HEAD_ZH]), Buffer.alloc(5 * 1024 * 1024 + 10, 0x41)]);
    const tooBig = await writesNothing(() => upload(officer, COMMIT, big));
    expect([tooBig.statusCode, tooBig.json().code]).toEqual([413, 'imports.file_too_large']);
  });
});

describe('the API document', () => {
  it('describes the upload as multipart with a binary file, and the downloads with their media types', async () => {
    const doc = (await anonymous(t.app).get('/api/docs/json')).json();
    const body =
      doc.paths['/api/imports/organisations'].post.requestBody.content['multipart/form-data'].schema;
    expect(body).toMatchObject({
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(Object.keys(doc.paths['/api/exports/organisations.xlsx'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const refused =
      doc.paths['/api/imports/committee'].post.responses['400'].content['application/json'].schema;
    expect(Object.keys(refused.properties)).toEqual(expect.arrayContaining(['rowErrors', 'summary', 'code']));
  });
});

describe('who may import', () => {
  it('refuses other roles (403) and anonymous callers (401) before reading the file', async () => {
    const file = csv([HEAD_ZH, ['越权', '', '其他', '', '', '', '']]);
    for (const url of [PREVIEW, COMMIT]) {
      const denied = await writesNothing(() => upload(researcher, url, file));
      expect([denied.statusCode, denied.json().code]).toEqual([403, 'auth.forbidden']);
      const anon = await writesNothing(() =>
        anonymous(t.app).request({ method: 'POST', url, ...multipart(file) }),
      );
      expect([anon.statusCode, anon.json().code]).toEqual([401, 'auth.not_signed_in']);
    }
    // Garbage from someone who may not import is still a 403, not a parse error.
    expect((await upload(researcher, COMMIT, Buffer.from('%PDF\u0000'))).statusCode).toBe(403);
  });
});
