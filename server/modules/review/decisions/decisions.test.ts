import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildCall } from '../../applications/applications.fixtures.js';
import { scoredApplication, startReview } from './decisions.fixtures.js';

/**
 * Funding decisions on a real database: the exact selection within the budget, the cut-off explained,
 * overrides with reasons, finalisation (transitions, projects, notifications, call decided) all or nothing.
 */
let t: TestApp;
let call: Awaited<ReturnType<typeof buildCall>>;
let apps: Record<'A' | 'B' | 'C' | 'D' | 'E', Awaited<ReturnType<typeof scoredApplication>>>;
let officer: Client;
let applicant: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx);
  // Budget 10,000: A alone (6,000) blocks B + C + D (10,000, total score 205 > A + C = 165).
  apps = {
    A: await scoredApplication(ctx, call, { requested: 6000, score: 90 }),
    B: await scoredApplication(ctx, call, { requested: 5000, score: 80, sme: true }),
    C: await scoredApplication(ctx, call, { requested: 4000, score: 75 }),
    D: await scoredApplication(ctx, call, { requested: 1000, score: 50 }),
    E: await scoredApplication(ctx, call, { requested: 1000, score: null }),
  };
  await startReview(ctx, call.id, 10_000);
  const o = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  officer = await signIn(t.app, o.username);
  applicant = await signIn(t.app, apps.A.ownerUsername);
});
afterAll(() => t.close());

const url = (rest = '') => `/api/calls/${call.id}/decisions${rest}`;
const outcomeOf = (d: { items: { applicationId: string; outcome: string }[] }, id: string) =>
  d.items.find((i) => i.applicationId === id)?.outcome;

describe('funding decision', () => {
  let draft: string;

  it('selects the best total score within the budget and explains the cut-off', async () => {
    const res = await officer.post(url(), { constraints: { fields: [], waitlistSize: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    draft = d.id;
    expect(d).toMatchObject({ state: 'draft', budgetMinor: 10_000, objective: 205, approvedMinor: 10_000 });
    expect(d.solver).toMatch(/bnb/);
    expect(outcomeOf(d, apps.B.id)).toBe('approved');
    expect(outcomeOf(d, apps.C.id)).toBe('approved');
    expect(outcomeOf(d, apps.D.id)).toBe('approved');
    expect(outcomeOf(d, apps.A.id)).toBe('waitlisted');
    expect(outcomeOf(d, apps.E.id)).toBe('declined');
    expect(d.items[0]).toMatchObject({ applicationId: apps.A.id, rank: 1, cumulativeApprovedMinor: 0 });
    expect(d.items.at(-1)).toMatchObject({
      applicationId: apps.E.id,
      reason: { code: 'below_threshold', thresholds: ['no_score'] },
    });
    expect(d.explanation.cutoff).toMatchObject({
      applicationId: apps.A.id,
      remainingMinor: 0,
      reason: { code: 'would_exceed', constraint: 'budget' },
      forced: { feasible: true, droppedScore: 130, addedScore: 90, tie: false },
    });
    expect(
      d.explanation.cutoff.forced.dropped.map((x: { applicationId: string }) => x.applicationId).sort(),
    ).toEqual([apps.B.id, apps.D.id].sort());
    const list = await officer.get(url());
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([draft]);
  });

  it('applies an SME share and names constraints no selection can meet (422, nothing written)', async () => {
    const sme = await officer.post(url(), {
      constraints: { fields: [], smeMinSharePct: 50, waitlistSize: 0 },
    });
    expect(sme.statusCode, sme.body).toBe(201);
    // Only B's consortium is an SME: it must be at least half of the funded total.
    const d = sme.json();
    expect(outcomeOf(d, apps.B.id)).toBe('approved');
    expect(d.approvedMinor).toBeLessThanOrEqual(10_000);
    const before = await snapshotTables(t.database);
    const res = await officer.post(url(), {
      constraints: { fields: [{ fieldId: call.fieldId, minCount: 5 }], waitlistSize: 0 },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'decisions.infeasible', constraints: ['fields/0/minCount'] });
    expect(res.json().errors[0].pointer).toBe('/constraints/fields/0/minCount');
    const bad = await officer.post(url(), {
      constraints: { fields: [{ fieldId: call.fieldId, minCount: 3, maxCount: 1 }], waitlistSize: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('records overrides with their reason and refuses going over budget', async () => {
    const item = (id: string) => url(`/${draft}/items/${id}`);
    expect((await officer.patch(item(apps.A.id), { outcome: 'approved' })).statusCode).toBe(400);
    const over = await officer.patch(item(apps.A.id), { outcome: 'approved', reason: '战略需要' });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({
      code: 'decisions.over_budget',
      approvedMinor: 16_000,
      budgetMinor: 10_000,
    });
    for (const id of [apps.B.id, apps.D.id]) {
      const res = await officer.patch(item(id), { outcome: 'waitlisted', reason: '为A让出预算' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const ok = await officer.patch(item(apps.A.id), { outcome: 'approved', reason: '战略需要' });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = ok.json();
    expect(d.approvedMinor).toBe(10_000);
    expect(d.items.find((i: { applicationId: string }) => i.applicationId === apps.A.id)).toMatchObject({
      optimiserOutcome: 'waitlisted',
      outcome: 'approved',
      overrideReason: '战略需要',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity_id', '=', draft)
      .where('action', '=', 'decision.overridden')
      .execute();
    expect(audit.map((a) => a.reason)).toEqual(['为A让出预算', '为A让出预算', '战略需要']);
    expect((await applicant.get(url())).statusCode).toBe(403);
    expect((await applicant.patch(item(apps.A.id), { outcome: 'declined', reason: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('finalises all or nothing: a failure in the middle writes nothing', async () => {
    await t.database.db
      .updateTable('applications')
      .set({ state: 'withdrawn' })
      .where('id', '=', apps.E.id)
      .execute();
    const before = await snapshotTables(t.database);
    const res = await officer.post(url(`/${draft}/finalise`), {});
    expect(res.statusCode, res.body).toBe(409);
    expect(await snapshotTables(t.database)).toEqual(before);
    await t.database.db
      .updateTable('applications')
      .set({ state: 'in_review' })
      .where('id', '=', apps.E.id)
      .execute();
  });

  it('finalises: outcomes, projects, notifications with the report, the call decided; a second finalise is refused', async () => {
    const res = await officer.post(url(`/${draft}/finalise`), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'final' });
    const db = t.database.db;
    const states = await db
      .selectFrom('applications')
      .select(['id', 'state'])
      .where('call_id', '=', call.id)
      .execute();
    const stateOf = (id: string) => states.find((s) => s.id === id)?.state;
    expect([apps.A, apps.B, apps.C, apps.D, apps.E].map((a) => stateOf(a.id))).toEqual([
      'approved',
      'waitlisted',
      'approved',
      'waitlisted',
      'declined',
    ]);
    const transitions = await db
      .selectFrom('application_transitions')
      .select(['application_id', 'action', 'reason'])
      .where('to_state', 'in', ['approved', 'waitlisted', 'declined'])
      .execute();
    expect(transitions).toHaveLength(5);
    expect(transitions.find((x) => x.application_id === apps.A.id)).toMatchObject({
      action: 'approve',
      reason: '战略需要',
    });
    const projects = await db
      .selectFrom('projects')
      .selectAll()
      .where('application_id', 'is not', null)
      .execute();
    expect(projects.map((p) => p.application_id).sort()).toEqual([apps.A.id, apps.C.id].sort());
    const pa = projects.find((p) => p.application_id === apps.A.id)!;
    expect(pa).toMatchObject({
      kind: 'extramural',
      platform_id: call.platformId,
      currency: 'CNY',
      state: 'approved',
    });
    expect(Number(pa.budget_minor)).toBe(6000);
    expect(pa.ends_on > pa.starts_on).toBe(true);
    // 立项 goes through the projects module, which takes over the application's structure (issue 13).
    const project = (await officer.get(`/api/projects/${pa.id}`)).json();
    expect(project).toMatchObject({
      state: 'approved',
      members: [{ position: 0, fundedMinor: 6000, role: '牵头' }],
      budget: [
        { category: 'equipment', amountMinor: 3000 },
        { category: 'labour', amountMinor: 3000 },
      ],
      objectives: [{ text: '样机', indicators: [{ name: '精度', target: '0.1%' }] }],
      milestones: [{ title: '方案评审', workPackage: '设计' }],
      timeline: [{ action: 'create', fromState: null, toState: 'approved' }],
    });
    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'params_json'])
      .where('kind', 'like', 'decision.%')
      .execute();
    expect(notes.find((n) => n.user_id === apps.A.ownerUserId)?.kind).toBe('decision.approved');
    expect(notes.find((n) => n.user_id === apps.B.ownerUserId)?.kind).toBe('decision.waitlisted');
    expect(JSON.parse(notes.find((n) => n.user_id === apps.B.ownerUserId)!.params_json).reportZh).toBe(
      '评审意见80',
    );
    expect(notes.find((n) => n.user_id === apps.E.ownerUserId)?.kind).toBe('decision.declined');
    const c = await db
      .selectFrom('calls')
      .select('state')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(c.state).toBe('decided');
    const again = await officer.post(url(`/${draft}/finalise`), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('decisions.already_final');
    expect((await officer.post(url(), {})).statusCode).toBe(409);
    const mine = await applicant.get(`/api/applications/${apps.A.id}`);
    expect(mine.json().state).toBe('approved');
  });
});
