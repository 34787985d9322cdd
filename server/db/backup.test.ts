import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow, newId } from '../http/context.js';
import { appendAudit, verifyAuditChain } from '../modules/audit/audit.chain.js';
import { resetPassword, setRoles } from '../modules/users/users.service.js';
import { seedDemo } from '../seed/demo.js';
import { snapshotTables } from '../test/bad-input.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { freshDatabase, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { backup, restore } from './backup.js';
import { latestMigration } from './migrate.js';

let t: TestApp;
let dir: string;
let file: string;
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

describe('backup and restore', () => {
  it('writes every row to a private file whose header counts each table', async () => {
    const header = await backup(t.database, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const source = await snapshotTables(t.database);
    expect(header.migration).toBe(latestMigration);
    expect(header.tables).toEqual(
      Object.fromEntries(Object.entries(source).map(([k, rows]) => [k, rows.length])),
    );
    expect(header.tables.users).toBeGreaterThanOrEqual(12);
    expect(header.tables.api_tokens).toBe(2);
    expect(readBackup(file).lines).toHaveLength(Object.values(source).flat().length);
  });

  it('restores into a fresh database: every table identical, the audit chain verifies with the same head', async () => {
    const fresh = await target();
    await restore(fresh.database, file);
    expect(await snapshotTables(fresh.database)).toEqual(await snapshotTables(t.database));
    const original = await verifyAuditChain(t.database.db);
    expect(await verifyAuditChain(fresh.database.db)).toEqual(original);
    expect(original).toMatchObject({ ok: true });
  });

  it('leaves a restored database that keeps working: new audited writes extend the chain', async () => {
    const fresh = await target();
    await restore(fresh.database, file);
    const ctx = { ...t.systemCtx(), db: fresh.database.db, seam: fresh.database.seam };
    await buildUser(ctx, { username: 'after-restore' });
    const check = await verifyAuditChain(fresh.database.db);
    expect(check.ok).toBe(true);
    expect(check.entries).toBe((await verifyAuditChain(t.database.db)).entries + 1);
  });
});

describe('restore refuses what it cannot trust, and then has written nothing', () => {
  async function expectRefused(bad: string, message: RegExp) {
    const fresh = await target();
    const ctx = { ...t.systemCtx(), db: fresh.database.db, seam: fresh.database.seam };
    await buildUser(ctx, { username: 'existing' });
    const before = await snapshotTables(fresh.database);
    await expect(restore(fresh.database, bad)).rejects.toThrow(message);
    expect(await snapshotTables(fresh.database)).toEqual(before);
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
        return backup(t.database, during);
      })(),
      writer(1),
      writer(2),
      writer(3),
    ]);
    const fresh = await target();
    await restore(fresh.database, during);
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
