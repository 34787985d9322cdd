import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/audit-chain.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';

/**
 * The audit log page's filters by user name and its export (issue 12 item 13): the same entries the list
 * shows the caller, in words in the reader's language, with the list's filters.
 */
let t: TestApp;
let A: string;
let B: string;
let auditor: Client;
let adminB: Client;

const append = (input: Parameters<typeof appendAudit>[3], username = 'test', via = 'cli') =>
  t.database.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        t.database.seam,
        { ...t.systemCtx(), actor: { ...t.systemCtx().actor!, username, via } } as never,
        input,
      ),
    );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'reader', auditAdmin: true });
  await buildUser(ctx, { username: 'adminb', roles: ['platform_admin'], platformId: B });
  auditor = await signIn(t.app, 'reader');
  adminB = await signIn(t.app, 'adminb');
  await append(
    { action: 'call.publish', entityType: 'call', entityId: 'call-a', platformId: A },
    'alice',
    'session',
  );
  await append(
    {
      action: 'application.return',
      entityType: 'application',
      entityId: 'app-b',
      platformId: B,
      reason: '=1+1',
    },
    'bob',
    'session',
  );
  await append({ action: 'call.close', entityType: 'call', entityId: 'call-b', platformId: B }, 'bob');
});
afterAll(() => t.close());

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { name: ws.name, rows };
}

const seqs = (res: { json(): { items: Array<{ seq: number; actorLabel: string }> } }) =>
  res.json().items.map((e) => e.actorLabel);

describe('GET /api/audit?actor=', () => {
  it('finds a user’s entries by user name, also those it ran on the command line', async () => {
    expect(seqs(await auditor.get('/api/audit?actor=bob'))).toEqual(['bob (cli)', 'bob']);
    expect(seqs(await auditor.get('/api/audit?actor=alice'))).toEqual(['alice']);
    // The name is matched whole: a prefix finds nothing.
    expect(seqs(await auditor.get('/api/audit?actor=bo'))).toEqual([]);
    expect(seqs(await auditor.get('/api/audit?actor=bob&action=call.close'))).toEqual(['bob (cli)']);
  });
});

describe('GET /api/audit/export.xlsx', () => {
  it('writes the filtered entries in Chinese words, newest first, the reader’s zone in the header', async () => {
    const res = await auditor.get(`/api/audit/export.xlsx?platformId=${B}&lang=zh-CN&tz=Asia/Shanghai`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/audit-log-\d{4}-\d{2}-\d{2}\.xlsx/);
    const { name, rows } = await sheetOf(res.rawPayload);
    expect(name).toBe('审计日志');
    expect(rows[0]!.slice(0, 8)).toEqual([
      '序号',
      '时间（北京时间）',
      '操作人',
      '操作',
      '操作代码',
      '对象',
      '对象编号',
      '平台',
    ]);
    expect(rows.slice(1).map((r) => r.slice(2, 7))).toEqual([
      ['bob（命令行）', '计划已截止', 'call.close', '计划', 'call-b'],
      ['bob', '已退回修改', 'application.return', '申请', 'app-b'],
    ]);
    // A reason that would run as a formula in a spreadsheet program is kept as text.
    expect(rows[2]![8]).toBe("'=1+1");
    expect(typeof rows[1]![0]).toBe('number');
    expect(rows[1]![1]).toBeInstanceOf(Date);
  });

  it('writes English words for an English reader, with the action filter', async () => {
    const res = await auditor.get('/api/audit/export.xlsx?action=call.publish&lang=en-US&tz=UTC');
    const { name, rows } = await sheetOf(res.rawPayload);
    expect(name).toBe('Audit log');
    expect(rows.slice(1).map((r) => r.slice(2, 6))).toEqual([
      ['alice', 'Call published', 'call.publish', 'Call'],
    ]);
  });

  it('gives a platform admin only its own platform’s entries, and refuses those who may not read the log', async () => {
    const mine = await sheetOf((await adminB.get('/api/audit/export.xlsx?lang=en-US&tz=UTC')).rawPayload);
    const objects = mine.rows.slice(1).map((r) => r[6]);
    expect(objects).toContain('call-b');
    expect(objects).not.toContain('call-a');
    const sys = await signIn(t.app, (await buildUser(t.systemCtx(), { systemAdmin: true })).username);
    const researcher = await signIn(
      t.app,
      (await buildUser(t.systemCtx(), { roles: ['researcher'], platformId: A })).username,
    );
    for (const client of [sys, researcher]) {
      const res = await client.get('/api/audit/export.xlsx?lang=zh-CN&tz=UTC');
      expect(res.statusCode).toBe(403);
    }
    expect((await auditor.get('/api/audit/export.xlsx?lang=zh-CN&tz=Mars/Base')).statusCode).toBe(400);
  });
});
