import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { loadActor } from '../users/users.accounts.js';
import { uploadAttachment } from './applications.attachments.js';
import { createApplication, saveDraft } from './applications.drafts.js';
import { buildApplicant, buildCall, buildOrg, completeDraft, pdfBytes } from './applications.fixtures.js';
import { submitApplication } from './applications.submission.js';

/** 形式审查 of several applications at once: one audited transition each, failures reported per row. */
let t: TestApp;
let officer: Client;
const ids: string[] = [];
let elsewhere: string;
let call: Awaited<ReturnType<typeof buildCall>>;

/** A submitted application to the call, by a new applicant. */
async function submitted(to: Awaited<ReturnType<typeof buildCall>>, i: number) {
  const ctx = t.systemCtx();
  const org = (await buildOrg(ctx, 'enterprise')).id;
  const a = await buildApplicant(ctx, to.platformId, org);
  const owner = { ...ctx, actor: await loadActor(t.database.db, a.userId, 'session', ['read', 'write']) };
  const id = await createApplication(owner, to.id, {});
  await saveDraft(
    owner,
    id,
    completeDraft(to.fieldId, [{ orgId: org, contactId: a.personId, requested: 1000 + i }]),
  );
  await uploadAttachment(owner, id, 'proposal', { fileName: `p${i}.pdf`, bytes: pdfBytes(String(i)) });
  await submitApplication(owner, id);
  return id;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx);
  for (let i = 0; i < 3; i++) ids.push(await submitted(call, i));
  elsewhere = await submitted(await buildCall(ctx), 9);
  officer = await signIn(
    t.app,
    (await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId })).username,
  );
}, 120_000);
afterAll(() => t.close());

const stateOf = async (id: string) => (await officer.get(`/api/applications/${id}`)).json().state;

describe('batch screening', () => {
  it('passes each application in its own transition and reports the ones it may not move, per row', async () => {
    const [a, b] = ids as [string, string];
    const res = await officer.post('/api/applications/screening', {
      applicationIds: [a, elsewhere, b, a],
      outcome: 'pass',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { id: a, ok: true, status: null, code: null },
        // Another platform's application: the same answer as one that does not exist.
        { id: elsewhere, ok: false, status: 404, code: 'applications.not_found' },
        { id: b, ok: true, status: null, code: null },
      ],
      succeeded: 2,
      failed: 1,
    });
    expect(await stateOf(a)).toBe('in_review');
    expect(await stateOf(b)).toBe('in_review');
    // Passing again is refused for that row alone, with the single route's code, and changes nothing.
    const again = await officer.post('/api/applications/screening', {
      applicationIds: [a, ids[2]],
      outcome: 'pass',
    });
    expect(again.json().results[0]).toMatchObject({ id: a, ok: false, status: 409 });
    expect(again.json().results[0].code).toBe('applications.illegal_transition');
    expect(again.json().results[1]).toMatchObject({ ok: true });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity_id', 'in', ids)
      .where('action', '=', 'application.screening_recorded')
      .execute();
    expect(audit.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('needs a reason to return, with a field pointer, and moves nothing without it', async () => {
    const fresh = await submitted(call, 5);
    const res = await officer.post('/api/applications/screening', {
      applicationIds: [fresh],
      outcome: 'return',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toContain('/reasons');
    expect(await stateOf(fresh)).toBe('submitted');
    const ok = await officer.post('/api/applications/screening', {
      applicationIds: [fresh],
      outcome: 'return',
      reasons: '缺少盖章页',
    });
    expect(ok.json()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await stateOf(fresh)).toBe('returned');
  });
});
