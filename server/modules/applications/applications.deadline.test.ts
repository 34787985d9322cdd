import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import type { Clock } from '../../http/context.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { loadActor } from '../users/users.accounts.js';
import { uploadAttachment } from './applications.attachments.js';
import { createApplication, saveDraft } from './applications.drafts.js';
import { buildApplicant, buildCall, buildOrg, completeDraft, pdfBytes } from './applications.fixtures.js';

/**
 * The deadline rush: many concurrent submissions around the close time. The server clock is driven
 * deterministically: while `ticking`, every reading advances it by one millisecond, so the requests of
 * one burst fall on both sides of the close time however the event loop interleaves them.
 */
function rushClock(start: string): Clock & {
  set(iso: string): void;
  advance(ms: number): void;
  ticking: boolean;
} {
  let now = Date.parse(start);
  return {
    ticking: false,
    now() {
      const d = new Date(now);
      if (this.ticking) now += 1;
      return d;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const N = 40;
// Sign-ins happen at START; their sessions must still be fresh at the close.
const START = '2026-06-01T11:40:00.000Z';
const CLOSE = '2026-06-01T12:00:00.000Z';
let t: TestApp;
let clock: ReturnType<typeof rushClock>;
let callId: string;
let callCode: string;
const applicants: { client: Client; appId: string }[] = [];

beforeAll(async () => {
  clock = rushClock(START);
  t = await setupTestApp({ clock: clock as never });
  const ctx = t.systemCtx();
  const call = await buildCall(ctx, { closesAt: CLOSE });
  callId = call.id;
  callCode = call.code;
  for (let i = 0; i < N; i++) {
    const org = (await buildOrg(ctx, 'enterprise')).id;
    const a = await buildApplicant(ctx, call.platformId, org);
    const actor = await loadActor(t.database.db, a.userId, 'session', ['read', 'write']);
    const owner = { ...ctx, actor };
    const appId = await createApplication(owner, call.id, {});
    await saveDraft(
      owner,
      appId,
      completeDraft(call.fieldId, [{ orgId: org, contactId: a.personId, requested: 1000 + i }]),
    );
    await uploadAttachment(owner, appId, 'proposal', { fileName: `p${i}.pdf`, bytes: pdfBytes(String(i)) });
    applicants.push({ client: await signIn(t.app, a.username), appId });
  }
}, 120_000);
afterAll(() => t.close());

describe('deadline rush', () => {
  it('accepts every submission taken before the close exactly once and refuses every later one', async () => {
    // Each request reads the clock when its session is checked and when the submission is taken, so
    // N + N/2 ticks before the close put about half of the submissions on each side of it.
    clock.set(new Date(Date.parse(CLOSE) - N - N / 2).toISOString());
    clock.ticking = true;
    const results = await Promise.all(
      applicants.map(async (a) => ({ a, res: await a.client.post(`/api/applications/${a.appId}/submit`) })),
    );
    clock.ticking = false;

    const accepted = results.filter((r) => r.res.statusCode === 200);
    const refused = results.filter((r) => r.res.statusCode !== 200);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(N);
    for (const { res } of refused) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      const body = res.json();
      expect(body).toMatchObject({ code: 'applications.deadline_passed', closesAt: CLOSE });
      expect(body.serverTime >= CLOSE).toBe(true);
    }
    const db = t.database.db;
    const receipts: number[] = [];
    for (const { a, res } of accepted) {
      const r = res.json();
      expect(r.submittedAt < CLOSE, r.submittedAt).toBe(true);
      receipts.push(Number(r.receiptNo.slice(callCode.length + 1)));
      const app = await db
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', a.appId)
        .executeTakeFirstOrThrow();
      expect(app).toMatchObject({ state: 'submitted', receipt_no: r.receiptNo, submitted_at: r.submittedAt });
      const v = await db
        .selectFrom('application_versions')
        .selectAll()
        .where('application_id', '=', a.appId)
        .executeTakeFirstOrThrow();
      expect(v.frozen_at).toBe(r.submittedAt);
      expect(createHash('sha256').update(v.snapshot_json!).digest('hex')).toBe(v.checksum);
      const snap = JSON.parse(v.snapshot_json!);
      expect(snap.consortium).toHaveLength(1);
      expect(snap.budget).toHaveLength(2);
      expect(snap.attachments).toHaveLength(1);
    }
    // Receipt numbers: unique and gapless per call, and the counter agrees.
    expect(receipts.sort((x, y) => x - y)).toEqual(accepted.map((_, i) => i + 1));
    const counter = await db
      .selectFrom('call_receipt_counters')
      .select('last_seq')
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(Number(counter.last_seq)).toBe(accepted.length);
    // The refused left no trace: still drafts, nothing frozen, no transition, no receipt.
    const refusedIds = refused.map((r) => r.a.appId);
    const still = await db.selectFrom('applications').selectAll().where('id', 'in', refusedIds).execute();
    expect(still.every((x) => x.state === 'draft' && x.receipt_no === null && x.submitted_at === null)).toBe(
      true,
    );
    const frozen = await db
      .selectFrom('application_versions')
      .select('id')
      .where('application_id', 'in', refusedIds)
      .where('frozen_at', 'is not', null)
      .execute();
    expect(frozen).toEqual([]);
    const moves = await db
      .selectFrom('application_transitions')
      .select(['application_id', 'to_state'])
      .where('to_state', '=', 'submitted')
      .execute();
    expect(moves.map((m) => m.application_id).sort()).toEqual(accepted.map((r) => r.a.appId).sort());
    const audit = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'application.submit')
      .execute();
    expect(audit).toHaveLength(accepted.length);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 120_000);

  it('takes two concurrent submissions of one application once', async () => {
    const ctx = t.systemCtx();
    clock.set(START);
    const call = await buildCall(ctx, { closesAt: CLOSE });
    const org = (await buildOrg(ctx, 'enterprise')).id;
    const a = await buildApplicant(ctx, call.platformId, org);
    const owner = { ...ctx, actor: await loadActor(t.database.db, a.userId, 'session', ['read', 'write']) };
    const appId = await createApplication(owner, call.id, {});
    await saveDraft(
      owner,
      appId,
      completeDraft(call.fieldId, [{ orgId: org, contactId: a.personId, requested: 5 }]),
    );
    await uploadAttachment(owner, appId, 'proposal', { fileName: 'p.pdf', bytes: pdfBytes('twice') });
    const client = await signIn(t.app, a.username);
    const [x, y] = await Promise.all([
      client.post(`/api/applications/${appId}/submit`),
      client.post(`/api/applications/${appId}/submit`),
    ]);
    const codes = [x.statusCode, y.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.json()).toMatchObject({ code: 'applications.illegal_transition', state: 'submitted' });
    const versions = await t.database.db
      .selectFrom('application_versions')
      .select(['receipt_no'])
      .where('application_id', '=', appId)
      .execute();
    expect(versions).toEqual([{ receipt_no: `${call.code}-0001` }]);
  });
});
