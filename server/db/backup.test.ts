import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { storedFilesDir } from '../files/stored-files.js';
import { isoNow, newId } from '../http/context.js';
import { uploadAttachment } from '../modules/applications/applications.attachments.js';
import { createApplication } from '../modules/applications/applications.drafts.js';
import {
  buildApplicant,
  buildCall,
  buildOrg,
  pdfBytes,
} from '../modules/applications/applications.fixtures.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { resetPassword, setRoles } from '../modules/users/users.service.js';
import { seedDemo } from '../seed/demo.js';
import { snapshotTables } from '../test/bad-input.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { freshDatabase, setupTestApp, signIn, type TestApp, testConfig } from '../test/harness.js';
import { appendAudit, verifyAuditChain } from './audit-chain.js';
import { backup } from './backup.js';
import { restore } from './backup.restore.js';
import { latestMigration } from './migrate.js';

let t: TestApp;
let dir: string;
let file: string;
let filesDir: string;
/** The applicant, their application and its two uploaded files (one per attachment key). */
const upload = { username: '', appId: '', files: [] as { id: string; bytes: Buffer }[] };
type Fresh = Awaited<ReturnType<typeof freshDatabase>>;
const targets: Fresh[] = [];

async function target(): Promise<Fresh> {
  const fresh = await freshDatabase();
  targets.push(fresh);
  return fresh;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-backup-'));
  file = path.join(dir, 'full.clbak');
  t = await setupTestApp();
  const ctx = t.systemCtx();
  await seedDemo(ctx);
  const alice = await buildUser(ctx, {
    username: 'alice',
    roles: ['researcher'],
    displayName: 'Alice "Ä" 李\n<b>',
  });
  const p = await buildPlatform(ctx, { code: 'BK1' });
  await setRoles(ctx, alice.id, [{ platformId: p.id, role: 'expert' }]);
  await resetPassword(ctx, alice.id, 'another-long-password');
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  const root = await signIn(t.app, 'root');
  expect((await root.post('/api/me/tokens', { name: 'ci', scopes: ['read', 'write'] })).statusCode).toBe(201);
  expect(
    (await root.post('/api/me/tokens', { name: 'old', scopes: ['read'], expiresInDays: 1 })).statusCode,
  ).toBe(201);
  filesDir = storedFilesDir(t.config.dataDir);
  const call = await buildCall(ctx, {
    attachments: [
      {
        key: 'proposal',
        labelZh: '正文',
        labelEn: 'Proposal',
        required: true,
        types: ['pdf'],
        maxBytes: 65536,
      },
      { key: 'annex', labelZh: '附件', labelEn: 'Annex', required: false, types: ['pdf'], maxBytes: 65536 },
    ],
  });
  const org = (await buildOrg(ctx)).id;
  const a = await buildApplicant(ctx, call.platformId, org);
  const owner = { ...ctx, actor: await loadActor(t.database.db, a.userId, 'session', ['read', 'write']) };
  upload.username = a.username;
  upload.appId = await createApplication(owner, call.id, {});
  for (const key of ['proposal', 'annex']) {
    const bytes = pdfBytes(`${key} \u0001\u00ff ${'x'.repeat(3000)}`);
    const f = await uploadAttachment(owner, upload.appId, key, { fileName: `${key}.pdf`, bytes });
    upload.files.push({ id: f.id, bytes });
  }
});
afterAll(async () => {
  await t.close();
  for (const f of targets) {
    await f.database.close();
    await f.drop();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The backup as its header object and its row lines. */
function readBackup(f: string): { header: Record<string, unknown>; lines: string[] } {
  const [first, ...lines] = gunzipSync(readFileSync(f)).toString('utf8').split('\n').filter(Boolean);
  return { header: JSON.parse(first!), lines };
}
function writeBackup(f: string, header: unknown, lines: string[]) {
  writeFileSync(f, gzipSync(`${[JSON.stringify(header), ...lines].join('\n')}\n`));
}

/** The server on a restored database and its own DATA_DIR; the applicant downloads each file. */
async function downloads(fresh: Fresh) {
  const app = await buildApp({
    config: testConfig(fresh.dataDir),
    database: fresh.database,
    clock: t.clock,
    logger: false,
  });
  try {
    const applicant = await signIn(app, upload.username);
    return await Promise.all(
      upload.files.map((f) => applicant.get(`/api/applications/${upload.appId}/files/${f.id}`)),
    );
  } finally {
    await app.close();
  }
}

describe('backup and restore', () => {
  it('writes every row to a private file whose header counts each table', async () => {
    const header = await backup(t.database, file, filesDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const source = await snapshotTables(t.database, { withCounters: true });
    expect(header.migration).toBe(latestMigration);
    expect(header.tables).toEqual(
      Object.fromEntries(Object.entries(source).map(([k, rows]) => [k, rows.length])),
    );
    expect(header.tables.users).toBeGreaterThanOrEqual(12);
    expect(header.tables.api_tokens).toBe(2);
    const { lines } = readBackup(file);
    // The demo's attachments and the two uploaded here: every file in the store, each once.
    const stored = readdirSync(filesDir);
    expect(stored).toEqual(expect.arrayContaining(upload.files.map((f) => sha256(f.bytes))));
    expect(header.files).toEqual({
      count: stored.length,
      bytes: stored.reduce((n, f) => n + statSync(path.join(filesDir, f)).size, 0),
    });
    expect(header.missingFiles).toEqual([]);
    expect(lines.filter((l) => l.startsWith('{"t":'))).toHaveLength(Object.values(source).flat().length);
    expect(lines.filter((l) => l.startsWith('{"f":'))).toHaveLength(stored.length);
  });

  it('restores the stored files: every attachment downloads byte-identical, owner-only on disk', async () => {
    const fresh = await target();
    const r = await restore(fresh.database, file, storedFilesDir(fresh.dataDir));
    expect(r.files).toBe(readdirSync(filesDir).length);
    const res = await downloads(fresh);
    expect(res.map((x) => x.statusCode)).toEqual([200, 200]);
    expect(res.map((x) => x.rawPayload)).toEqual(upload.files.map((f) => f.bytes));
    const dir = storedFilesDir(fresh.dataDir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const names = readdirSync(dir);
    expect(names.sort()).toEqual(readdirSync(filesDir).sort());
    for (const n of names) expect(statSync(path.join(dir, n)).mode & 0o777).toBe(0o600);
  });

  it('answers 410 problem+json, not 500, for an attachment whose stored file is gone or damaged', async () => {
    const fresh = await target();
    await restore(fresh.database, file, storedFilesDir(fresh.dataDir));
    const dir = storedFilesDir(fresh.dataDir);
    const [gone, damaged] = upload.files.map((f) => path.join(dir, sha256(f.bytes)));
    rmSync(gone!);
    writeFileSync(damaged!, 'not the uploaded bytes');
    for (const res of await downloads(fresh)) {
      expect(res.statusCode, res.body).toBe(410);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 410, code: 'files.unavailable' });
    }
  });

  it('names stored files missing at backup time in the header and still writes the rows', async () => {
    const gone = path.join(filesDir, sha256(upload.files[1]!.bytes));
    const kept = readFileSync(gone);
    rmSync(gone);
    try {
      const f = path.join(dir, 'missing-file.clbak');
      const h = await backup(t.database, f, filesDir);
      expect(h.missingFiles).toEqual([sha256(upload.files[1]!.bytes)]);
      expect(h.files?.count).toBe(readdirSync(filesDir).length);
      const fresh = await target();
      expect((await restore(fresh.database, f, storedFilesDir(fresh.dataDir))).files).toBe(h.files?.count);
      expect((await downloads(fresh)).map((x) => x.statusCode)).toEqual([200, 410]);
    } finally {
      writeFileSync(gone, kept, { mode: 0o600 });
    }
  });

  it('still restores a version-1 backup (rows only, made before files were included)', async () => {
    const { header, lines } = readBackup(file);
    const { rowsSha256: _r, files: _f, missingFiles: _m, ...v1 } = header;
    const f = path.join(dir, 'v1.clbak');
    writeBackup(
      f,
      { ...v1, version: 1 },
      lines.filter((l) => l.startsWith('{"t":')),
    );
    const fresh = await target();
    const r = await restore(fresh.database, f, storedFilesDir(fresh.dataDir));
    expect(r.files).toBe(0);
    expect(await snapshotTables(fresh.database, { withCounters: true })).toEqual(
      await snapshotTables(t.database, { withCounters: true }),
    );
    expect((await downloads(fresh)).map((x) => x.statusCode)).toEqual([410, 410]);
  });

  it('restores into a fresh database: every table identical, the audit chain verifies with the same head', async () => {
    const fresh = await target();
    await restore(fresh.database, file, storedFilesDir(fresh.dataDir));
    expect(await snapshotTables(fresh.database, { withCounters: true })).toEqual(
      await snapshotTables(t.database, { withCounters: true }),
    );
    const original = await verifyAuditChain(t.database.db);
    expect(await verifyAuditChain(fresh.database.db)).toEqual(original);
    expect(original).toMatchObject({ ok: true });
  });

  it('leaves a restored database that keeps working: new audited writes extend the chain', async () => {
    const fresh = await target();
    await restore(fresh.database, file, storedFilesDir(fresh.dataDir));
    const ctx = { ...t.systemCtx(), db: fresh.database.db, seam: fresh.database.seam };
    await buildUser(ctx, { username: 'after-restore' });
    const check = await verifyAuditChain(fresh.database.db);
    expect(check.ok).toBe(true);
    expect(check.entries).toBe((await verifyAuditChain(t.database.db)).entries + 1);
  });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('restore refuses what it cannot trust, and then has written nothing', () => {
  async function expectRefused(bad: string, message: RegExp) {
    const fresh = await target();
    const ctx = { ...t.systemCtx(), db: fresh.database.db, seam: fresh.database.seam };
    await buildUser(ctx, { username: 'existing' });
    const before = await snapshotTables(fresh.database, { withCounters: true });
    const dir = storedFilesDir(fresh.dataDir);
    await expect(restore(fresh.database, bad, dir)).rejects.toThrow(message);
    expect(await snapshotTables(fresh.database, { withCounters: true })).toEqual(before);
    // Nothing staged is left behind, and no file of the refused backup reached the store.
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  }

  it('a file that is not gzip at all', async () => {
    const f = path.join(dir, 'plain.txt');
    writeFileSync(f, 'id,name\n1,alice\n');
    await expectRefused(f, /.+/);
  });

  it('an empty file and a gzip of something else', async () => {
    const empty = path.join(dir, 'empty.clbak');
    writeFileSync(empty, '');
    await expectRefused(empty, /not a Commonlab backup|end of file/i);
    const other = path.join(dir, 'other.clbak');
    writeFileSync(other, gzipSync('{"format":"pg_dump","version":1}\n'));
    await expectRefused(other, /not a Commonlab backup/);
  });

  it('a backup of a different schema version', async () => {
    const { header, lines } = readBackup(file);
    const f = path.join(dir, 'old-schema.clbak');
    writeBackup(f, { ...header, migration: '0000_older' }, lines);
    await expectRefused(f, /0000_older/);
  });

  it('a backup cut short (truncated file)', async () => {
    const bytes = readFileSync(file);
    const f = path.join(dir, 'truncated.clbak');
    writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(f, /.+/);
  });

  it('a backup with rows missing, or rows for a table that does not exist', async () => {
    const { header, lines } = readBackup(file);
    const missing = path.join(dir, 'missing-row.clbak');
    // A row nothing refers to, so no foreign key notices it is gone.
    writeBackup(
      missing,
      header,
      lines.filter((l) => !l.includes('"name":"old"')),
    );
    await expectRefused(missing, /api_tokens/);
    const unknown = path.join(dir, 'unknown-table.clbak');
    writeBackup(unknown, header, [...lines, JSON.stringify({ t: 'secrets', r: { id: 1 } })]);
    await expectRefused(unknown, /unknown table secrets/);
  });

  it('a stored file whose bytes do not match its checksum', async () => {
    const { header, lines } = readBackup(file);
    const f = path.join(dir, 'bad-file.clbak');
    const bad = lines.map((l) => {
      if (!l.startsWith('{"f":')) return l;
      const line = JSON.parse(l) as { f: string; d: string };
      return JSON.stringify({ f: line.f, d: Buffer.from('tampered').toString('base64') });
    });
    writeBackup(f, header, bad);
    await expectRefused(f, /does not match its checksum/);
  });

  it('a stored file left out, and a row changed in place (the counts still match)', async () => {
    const { header, lines } = readBackup(file);
    const lost = path.join(dir, 'lost-file.clbak');
    writeBackup(lost, header, lines.slice(0, -1));
    const n = (header.files as { count: number }).count;
    await expectRefused(lost, new RegExp(`holds ${n - 1} stored files, its header says ${n}`));
    const edited = path.join(dir, 'edited-row.clbak');
    writeBackup(
      edited,
      header,
      lines.map((l) => l.replace('"name":"old"', '"name":"new"')),
    );
    await expectRefused(edited, /rows do not match their checksum/);
  });
});

describe('online backup under concurrent writes', () => {
  it('captures one consistent moment: each change comes with its audit entry, and the chain verifies', async () => {
    const ctx = t.systemCtx();
    const write = async (i: number) => {
      const now = isoNow(ctx.clock);
      const row = {
        id: newId(),
        code: `CC${i}`,
        name_zh: `并发${i}`,
        name_en: `C${i}`,
        model: 'gov_institute',
        created_at: now,
        updated_at: now,
      };
      await ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('platforms').values(row).execute();
        await appendAudit(trx, ctx.seam, ctx, {
          action: 'test.concurrent',
          entityType: 'platform',
          entityId: row.id,
          after: row,
        });
      });
    };
    const writer = async (w: number) => {
      for (let i = 0; i < 15; i++) await write(w * 100 + i);
    };
    const during = path.join(dir, 'during.clbak');
    const [header] = await Promise.all([
      (async () => {
        await write(999);
        return backup(t.database, during, filesDir);
      })(),
      writer(1),
      writer(2),
      writer(3),
    ]);
    const fresh = await target();
    await restore(fresh.database, during, storedFilesDir(fresh.dataDir));
    const { db } = fresh.database;
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: header.tables.audit_log });
    const platforms = await db.selectFrom('platforms').select('id').where('code', 'like', 'CC%').execute();
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'test.concurrent')
      .execute();
    expect(platforms.length).toBeGreaterThanOrEqual(1);
    expect(audited.map((a) => a.entity_id).sort()).toEqual(platforms.map((p) => p.id).sort());
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
