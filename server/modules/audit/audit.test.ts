import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, entryHash, GENESIS_HASH, verifyAuditChain } from '../../db/audit-chain.js';
import { createAuditGuards, dropAuditGuards } from '../../db/migrations/0013_audit_append_only.js';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { createUser } from '../users/users.service.js';
import { verifyCheckpoints, writeCheckpoint } from './audit.checkpoint.js';
import { checkpointIfAdvanced, startCheckpointTimer } from './audit.schedule.js';

let t: TestApp;
let root: Client;

beforeAll(async () => {
  t = await setupTestApp();
  // The audit administrator reads the whole log (separation of duties, docs/adr/0014).
  await buildUser(t.systemCtx(), { username: 'root', auditAdmin: true });
  root = await signIn(t.app, 'root');
  for (let i = 0; i < 5; i++)
    await append({ action: 'test.step', entityType: 'thing', entityId: `t${i}`, after: { i } });
});
afterAll(() => t.close());

const append = (input: Parameters<typeof appendAudit>[3]) =>
  t.database.db.transaction().execute((trx) => appendAudit(trx, t.database.seam, t.systemCtx(), input));

const rows = () => t.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
const head = () => t.database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
const rowAt = (seq: number) =>
  t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

async function expectIntact() {
  const all = await rows();
  expect(all.map((r) => Number(r.seq))).toEqual(all.map((_, i) => i + 1));
  all.forEach((r, i) => {
    expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]!.hash);
    expect(entryHash(r)).toBe(r.hash);
  });
  const h = await head();
  expect([Number(h.seq), h.hash]).toEqual([all.length, all.at(-1)!.hash]);
  for (const batch of [1, 3, 1000]) {
    expect(await verifyAuditChain(t.database.db, batch)).toEqual({
      ok: true,
      entries: all.length,
      headHash: h.hash,
    });
  }
}

/** Tampering as the database owner would: the append-only triggers dropped first, then put back. */
async function asOwner(fn: () => Promise<void>) {
  await dropAuditGuards(t.database.db as never);
  try {
    await fn();
  } finally {
    await createAuditGuards(t.database.db as never);
  }
}

describe('the append-only guards in the database', () => {
  it('refuse updating or deleting an entry and moving the head anywhere but onto the newest entry', async () => {
    const before = await rows();
    const h = await head();
    const db = t.database.db;
    await expect(
      db.updateTable('audit_log').set({ reason: 'edited' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', Number(h.seq)).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const prev = await rowAt(Number(h.seq) - 1);
    await expect(
      db.updateTable('audit_head').set({ seq: prev.seq, hash: prev.hash }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/audit_head/);
    await expect(
      db
        .updateTable('audit_head')
        .set({ seq: Number(h.seq) + 1, hash: 'f'.repeat(64) })
        .execute(),
    ).rejects.toThrow(/audit_head/);
    await expect(db.deleteFrom('audit_head').execute()).rejects.toThrow(/audit_head/);
    expect(await rows()).toEqual(before);
    expect(await head()).toEqual(h);
    // Appending still works: the head moves onto the new entry.
    await append({ action: 'test.after_guards', entityType: 'thing' });
    await expectIntact();
  });
});

describe('the hash chain', () => {
  it('gives entries consecutive sequence numbers, each linked to the hash of the one before', async () => {
    expect((await rows()).length).toBeGreaterThanOrEqual(7);
    await expectIntact();
  });

  it('detects an edited row at its sequence number, also when the edit is re-hashed', () =>
    asOwner(async () => {
      const seq = 3;
      const original = await rowAt(seq);
      await t.database.db
        .updateTable('audit_log')
        .set({ after_json: '{"i":99}' })
        .where('seq', '=', seq)
        .execute();
      for (const batch of [2, 1000]) {
        expect(await verifyAuditChain(t.database.db, batch)).toMatchObject({
          ok: false,
          brokenAtSeq: seq,
          reason: 'hash_mismatch',
        });
      }
      const api = await root.get('/api/audit/verify');
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ ok: false, brokenAtSeq: seq, reason: 'hash_mismatch' });
      // A forger who also recomputes the row's hash breaks the link to the next row.
      const forged = { ...(await rowAt(seq)), after_json: '{"i":99}' };
      await t.database.db
        .updateTable('audit_log')
        .set({ hash: entryHash(forged) })
        .where('seq', '=', seq)
        .execute();
      expect(await verifyAuditChain(t.database.db)).toMatchObject({
        ok: false,
        brokenAtSeq: seq + 1,
        reason: 'prev_mismatch',
      });
      await t.database.db
        .updateTable('audit_log')
        .set({ after_json: original.after_json, hash: original.hash })
        .where('seq', '=', seq)
        .execute();
    }).then(expectIntact));

  it('detects a deleted row in the middle as a gap, also across a batch boundary', () =>
    asOwner(async () => {
      for (const seq of [2, 4]) {
        const original = await rowAt(seq);
        await t.database.db.deleteFrom('audit_log').where('seq', '=', seq).execute();
        for (const batch of [3, 1000]) {
          expect(await verifyAuditChain(t.database.db, batch)).toMatchObject({
            ok: false,
            brokenAtSeq: seq,
            reason: 'gap',
            entries: seq - 1,
          });
        }
        await t.database.db.insertInto('audit_log').values(original).execute();
      }
    }).then(expectIntact));

  it('detects a deleted last row against the head', () =>
    asOwner(async () => {
      const all = await rows();
      const last = all.at(-1)!;
      await t.database.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
      expect(await verifyAuditChain(t.database.db)).toMatchObject({
        ok: false,
        reason: 'head_mismatch',
        brokenAtSeq: all.length,
      });
      await t.database.db.insertInto('audit_log').values(last).execute();
    }).then(expectIntact));

  it('stays contiguous and valid under 30 concurrent state changes and 30 concurrent appends', async () => {
    const before = (await rows()).length;
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createUser(t.systemCtx(), {
          username: `para${i}`,
          displayName: `P ${i}`,
          password: TEST_PASSWORD,
          isSystemAdmin: false,
          roles: [],
        }),
      ),
    );
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        append({ action: 'test.parallel', entityType: 'thing', entityId: `p${i}` }),
      ),
    );
    const all = await rows();
    expect(all.length).toBe(before + 60);
    const createdAudit = all.filter((r) => r.action === 'user.created').map((r) => r.entity_id);
    for (const u of created) expect(createdAudit).toContain(u.id);
    await expectIntact();
  });

  it('a failed transaction leaves no audit row and does not move the head', async () => {
    const h = await head();
    const count = (await rows()).length;
    await expect(
      createUser(t.systemCtx(), {
        username: 'para0',
        displayName: 'dup',
        password: TEST_PASSWORD,
        isSystemAdmin: false,
        roles: [],
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, t.database.seam, t.systemCtx(), {
          action: 'test.rolled_back',
          entityType: 'thing',
        });
        throw new Error('the change failed after its audit entry was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await head()).toEqual(h);
    expect((await rows()).length).toBe(count);
    expect((await rows()).some((r) => r.action === 'test.rolled_back')).toBe(false);
    await append({ action: 'test.after_failure', entityType: 'thing' });
    expect(Number((await head()).seq)).toBe(Number(h.seq) + 1);
    await expectIntact();
  });
});

describe('GET /api/audit', () => {
  it('pages newest first with beforeSeq and nextBeforeSeq, every entry exactly once', async () => {
    const total = (await rows()).length;
    for (const limit of [7, total]) {
      const seen: number[] = [];
      let cursor: number | null = null;
      let pages = 0;
      do {
        const res = await root.get(`/api/audit?limit=${limit}${cursor ? `&beforeSeq=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page: { items: Array<{ seq: number }>; nextBeforeSeq: number | null } = res.json();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        if (page.nextBeforeSeq !== null) expect(page.nextBeforeSeq).toBe(page.items.at(-1)!.seq);
        seen.push(...page.items.map((e) => e.seq));
        cursor = page.nextBeforeSeq;
        pages++;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
      expect(pages).toBe(Math.ceil(total / limit));
    }
  });

  it('returns entries with parsed before/after and filters by entity', async () => {
    const res = await root.get('/api/audit?entityType=thing&entityId=t2');
    expect(res.json().items).toEqual([
      expect.objectContaining({
        action: 'test.step',
        entityId: 't2',
        after: { i: 2 },
        before: null,
        actorLabel: 'test (cli)',
      }),
    ]);
  });

  it('filters by who, what and when, each alone and together', async () => {
    const all = await rows();
    const steps = all.filter((r) => r.action === 'test.step');
    const byAction = await root.get('/api/audit?action=test.step&limit=200');
    expect(byAction.json().items.map((e: { seq: number }) => e.seq)).toEqual(
      steps.map((r) => Number(r.seq)).reverse(),
    );
    // A window from the first step's instant (inclusive) to 1 ms after it, and one ending at it (exclusive).
    const at = steps[0]!.at;
    const window = async (q: string) =>
      (await root.get(`/api/audit?action=test.step&${q}`)).json().items.map((e: { seq: number }) => e.seq);
    const expected = (keep: (a: string) => boolean) =>
      steps
        .filter((r) => keep(r.at))
        .map((r) => Number(r.seq))
        .reverse();
    const after = new Date(Date.parse(at) + 1).toISOString();
    const inside = await window(`from=${encodeURIComponent(at)}&to=${encodeURIComponent(after)}`);
    expect(inside).toEqual(expected((a) => a >= at && a < after));
    expect(inside).toContain(Number(steps[0]!.seq));
    const before = await window(`to=${encodeURIComponent(at)}`);
    expect(before).toEqual(expected((a) => a < at));
    expect(before).not.toContain(Number(steps[0]!.seq));
    // One entry by a user among the CLI's: the user's filter finds exactly that one.
    const rootUser = await t.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'root')
      .executeTakeFirstOrThrow();
    const asRoot = {
      ...t.systemCtx(),
      actor: { ...t.systemCtx().actor!, userId: rootUser.id, via: 'session' },
    };
    await t.database.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, t.database.seam, asRoot as never, { action: 'test.by_user', entityType: 'thing' }),
      );
    const all2 = await rows();
    const byRoot = await root.get(`/api/audit?actorId=${rootUser.id}&limit=200`);
    expect(byRoot.statusCode).toBe(200);
    const mine = all2
      .filter((r) => r.actor_id === rootUser.id)
      .map((r) => Number(r.seq))
      .reverse();
    expect(mine[0]).toBe(Number(all2.at(-1)!.seq));
    expect(mine.length).toBeLessThan(all2.length);
    expect(byRoot.json().items.map((e: { seq: number }) => e.seq)).toEqual(mine);
    const bad = await root.get('/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('verify, for the audit admin, recomputes the whole chain', async () => {
    const res = await root.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, entries: (await rows()).length, headHash: (await head()).hash });
  });

  it('is closed to the system and the security admin, whose work it records', async () => {
    await buildUser(t.systemCtx(), { username: 'sys', systemAdmin: true });
    await buildUser(t.systemCtx(), { username: 'sec', securityAdmin: true });
    for (const name of ['sys', 'sec']) {
      const client = await signIn(t.app, name);
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const res = await client.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(403);
      }
    }
  });
});

describe('signed checkpoints of the head, outside the database', () => {
  it('detect a tail cut together with a head set back, which the chain alone cannot see', async () => {
    const cfg = t.config;
    await writeCheckpoint(t.database.db, cfg, new Date());
    expect(await verifyCheckpoints(t.database.db, cfg)).toMatchObject({ ok: true, checkpoints: 1 });
    const all = await rows();
    const last = all.at(-1)!;
    const prev = all.at(-2)!;
    await asOwner(async () => {
      await t.database.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
      await t.database.db.updateTable('audit_head').set({ seq: prev.seq, hash: prev.hash }).execute();
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
      expect(await verifyCheckpoints(t.database.db, cfg)).toMatchObject({
        ok: false,
        atSeq: Number(last.seq),
        reason: 'checkpoint_ahead',
      });
      await t.database.db.insertInto('audit_log').values(last).execute();
      await t.database.db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
    });
    expect(await verifyCheckpoints(t.database.db, cfg)).toMatchObject({ ok: true });
    expect(statSync(cfg.auditCheckpointFile).mode & 0o777).toBe(0o600);
  });

  it('refuse a checkpoint edited without the key', async () => {
    const cfg = t.config;
    const file = cfg.auditCheckpointFile;
    const original = readFileSync(file, 'utf8');
    const forged = original.replace(/"seq":(\d+)/, (_m, n) => `"seq":${Number(n) - 1}`);
    writeFileSync(file, forged);
    expect(await verifyCheckpoints(t.database.db, cfg)).toMatchObject({
      ok: false,
      reason: 'checkpoint_signature',
    });
    writeFileSync(file, original);
  });
});

describe('the server’s own checkpoints (AUDIT_CHECKPOINT_MINUTES)', () => {
  it('anchor the head only when the chain has grown since the last checkpoint', async () => {
    const cfg = { ...t.config, auditCheckpointFile: `${t.config.auditCheckpointFile}.timer` };
    const deps = { db: t.database.db, config: cfg, clock: t.clock };
    const first = await checkpointIfAdvanced(deps);
    expect(first).not.toBeNull();
    expect(await checkpointIfAdvanced(deps)).toBeNull();
    await append({ action: 'test.timer', entityType: 'test' });
    const second = await checkpointIfAdvanced(deps);
    expect(second!.seq).toBe(first!.seq + 1);
    expect(readFileSync(cfg.auditCheckpointFile, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await verifyCheckpoints(t.database.db, cfg)).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it('write one at start-up and none when switched off', async () => {
    const log = { info: () => undefined, error: () => undefined } as never;
    const on = { ...t.config, auditCheckpointFile: `${t.config.auditCheckpointFile}.start` };
    await startCheckpointTimer({ db: t.database.db, config: on, clock: t.clock, log })();
    expect(readFileSync(on.auditCheckpointFile, 'utf8').trim().split('\n')).toHaveLength(1);
    const off = {
      ...t.config,
      auditCheckpointMinutes: 0,
      auditCheckpointFile: `${t.config.auditCheckpointFile}.off`,
    };
    await startCheckpointTimer({ db: t.database.db, config: off, clock: t.clock, log })();
    expect(existsSync(off.auditCheckpointFile)).toBe(false);
  });
});
