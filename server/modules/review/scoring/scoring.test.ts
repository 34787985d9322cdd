import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow, newId } from '../../../http/context.js';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildCall } from '../../applications/applications.fixtures.js';
import { buildRun, buildSeat, expertFor, fullScorecard, inReviewApplication } from './scoring.fixtures.js';

/**
 * The expert's scorecard of an accepted seat: declaration first, draft, submission with the weighted
 * total, and every refusal (outside the scale, missing comments, not accepted, someone else's seat,
 * not declared, after the deadline) answered with problem+json and nothing written.
 */
let t: TestApp;
let call: Awaited<ReturnType<typeof buildCall>>;
let app1: Awaited<ReturnType<typeof inReviewApplication>>;
let expert: Client;
let other: Client;
let seat: string;
let invitedSeat: string;
let othersSeat: string;
let expertName: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx);
  app1 = await inReviewApplication(ctx, call);
  const app2 = await inReviewApplication(ctx, call);
  const run = await buildRun(ctx, call.id);
  const e1 = await expertFor(ctx, { platformId: call.platformId });
  const e2 = await expertFor(ctx, { platformId: call.platformId, name: '隐名专家乙' });
  expertName = '隐名专家乙';
  seat = await buildSeat(ctx, {
    callId: call.id,
    applicationId: app1.id,
    expertId: e1.expertId,
    runId: run,
    label: 'A',
  });
  invitedSeat = await buildSeat(ctx, {
    callId: call.id,
    applicationId: app2.id,
    expertId: e1.expertId,
    runId: run,
    label: 'B',
    state: 'invited',
  });
  othersSeat = await buildSeat(ctx, {
    callId: call.id,
    applicationId: app1.id,
    expertId: e2.expertId,
    runId: run,
    label: 'B',
  });
  expert = await signIn(t.app, e1.username);
  other = await signIn(t.app, e2.username);
});
afterAll(() => t.close());

const base = (id: string) => `/api/review-assignments/${id}`;

async function unchanged(
  run: () => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>,
  status: number,
  code: string,
) {
  const before = await snapshotTables(t.database);
  const res = await run();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  expect(JSON.parse(res.body).code).toBe(code);
  expect(await snapshotTables(t.database)).toEqual(before);
  return JSON.parse(res.body) as { errors?: { pointer: string; code: string }[] };
}

describe('scorecards', () => {
  it('shows the application as submitted, the criteria and nothing about other reviewers', async () => {
    const res = await expert.get(`${base(seat)}/scorecard`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.label).toBe('A');
    expect(v.application.content.titleZh).toBe('面向工业现场的智能传感器');
    expect(v.application.consortium).toHaveLength(1);
    expect(v.application.consortium[0]).not.toHaveProperty('contact');
    expect(v.application.attachments[0]).toMatchObject({ key: 'proposal', fileName: 'proposal.pdf' });
    expect(
      v.application.budgetByCategory.reduce((s: number, b: { amountMinor: number }) => s + b.amountMinor, 0),
    ).toBe(1000);
    expect(v.criteria.map((c: { dimension: string }) => c.dimension)).toEqual([
      'academic',
      'academic',
      'academic',
      'economic',
      'economic',
    ]);
    expect(v.scale).toEqual({ min: 1, max: 10 });
    expect(v.access).toEqual({ canDeclare: true, canEdit: false });
    expect(res.body).not.toContain(expertName);
    expect(res.body).not.toContain(othersSeat);
    expect(res.body).not.toContain(app1.ownerUsername);
  });

  it('serves the submitted proposal to its reviewer only', async () => {
    const v = (await expert.get(`${base(seat)}/scorecard`)).json();
    const url = `${base(seat)}/files/${v.application.attachments[0].id}`;
    const res = await expert.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('%PDF');
    await unchanged(() => other.get(url), 404, 'scoring.seat_not_found');
    await unchanged(() => expert.get(`${base(seat)}/files/${newId()}`), 404, 'request.not_found');
  });

  it("answers someone else's seat and an unknown seat with the same 404", async () => {
    for (const id of [othersSeat, newId()]) {
      await unchanged(() => expert.get(`${base(id)}/scorecard`), 404, 'scoring.seat_not_found');
      await unchanged(
        () => expert.post(`${base(id)}/declaration`, { noConflict: true }),
        404,
        'scoring.seat_not_found',
      );
      await unchanged(
        () => expert.put(`${base(id)}/scorecard`, fullScorecard(7)),
        404,
        'scoring.seat_not_found',
      );
      await unchanged(
        () => expert.post(`${base(id)}/submit`, fullScorecard(7)),
        404,
        'scoring.seat_not_found',
      );
    }
    const admin = await signIn(t.app, (await buildUser(t.systemCtx(), { systemAdmin: true })).username);
    await unchanged(() => admin.get(`${base(seat)}/scorecard`), 404, 'scoring.seat_not_found');
  });

  it('refuses a seat not accepted yet', async () => {
    await unchanged(() => expert.get(`${base(invitedSeat)}/scorecard`), 409, 'scoring.seat_not_accepted');
    await unchanged(
      () => expert.post(`${base(invitedSeat)}/declaration`, { noConflict: true }),
      409,
      'scoring.seat_not_accepted',
    );
    await unchanged(
      () => expert.put(`${base(invitedSeat)}/scorecard`, fullScorecard(7)),
      409,
      'scoring.seat_not_accepted',
    );
  });

  it('refuses scores before the declaration of no conflict', async () => {
    await unchanged(
      () => expert.put(`${base(seat)}/scorecard`, fullScorecard(7)),
      409,
      'scoring.not_declared',
    );
    await unchanged(() => expert.post(`${base(seat)}/submit`, fullScorecard(7)), 409, 'scoring.not_declared');
    await unchanged(
      () => expert.post(`${base(seat)}/declaration`, { noConflict: false }),
      400,
      'request.validation_failed',
    );
  });

  it('declares, then saves a partial draft', async () => {
    const d = await expert.post(`${base(seat)}/declaration`, { noConflict: true });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().declaredAt).toBeTruthy();
    expect(d.json().access).toEqual({ canDeclare: false, canEdit: true });
    const draft = { scores: [{ criterion: 'impact', score: 6, comment: '' }] };
    const res = await expert.put(`${base(seat)}/scorecard`, draft);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'draft',
      scores: [{ criterion: 'impact', score: 6 }],
      weightedTotal: null,
    });
  });

  it('refuses scores outside the scale, repeated criteria, missing criteria and comments, writing nothing', async () => {
    const out = fullScorecard([7, 11, 7, 0, 7]);
    const body = await unchanged(
      () => expert.put(`${base(seat)}/scorecard`, out),
      400,
      'request.validation_failed',
    );
    expect(body.errors!.map((e) => [e.pointer, e.code])).toEqual([
      ['/scores/1/score', 'scoring.score_out_of_scale'],
      ['/scores/3/score', 'scoring.score_out_of_scale'],
    ]);
    const noComment = fullScorecard(7);
    noComment.scores[2]!.comment = '  ok ';
    const b2 = await unchanged(
      () => expert.post(`${base(seat)}/submit`, noComment),
      400,
      'request.validation_failed',
    );
    expect(b2.errors).toEqual([
      expect.objectContaining({ pointer: '/scores/2/comment', code: 'scoring.comment_required' }),
    ]);
    const missing = fullScorecard(7);
    missing.scores.pop();
    const b3 = await unchanged(
      () => expert.post(`${base(seat)}/submit`, missing),
      400,
      'request.validation_failed',
    );
    expect(b3.errors).toEqual([
      expect.objectContaining({ pointer: '/scores', code: 'scoring.criterion_missing' }),
    ]);
    const twice = fullScorecard(7);
    twice.scores[4] = { ...twice.scores[0]! };
    const b4 = await unchanged(
      () => expert.post(`${base(seat)}/submit`, twice),
      400,
      'request.validation_failed',
    );
    expect(b4.errors!.map((e) => e.pointer)).toContain('/scores/4/criterion');
    await unchanged(
      () =>
        expert.put(`${base(seat)}/scorecard`, { scores: [{ criterion: 'novelty', score: 5, comment: 'x' }] }),
      400,
      'request.validation_failed',
    );
  });

  it('submits with the weighted total, then freezes the scorecard', async () => {
    const res = await expert.post(`${base(seat)}/submit`, fullScorecard([8, 6, 7, 5, 9]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'submitted', weightedTotal: 7 });
    expect(res.json().submittedAt).toBeTruthy();
    expect(res.json().access.canEdit).toBe(false);
    await unchanged(
      () => expert.put(`${base(seat)}/scorecard`, fullScorecard(3)),
      409,
      'scoring.already_submitted',
    );
    await unchanged(
      () => expert.post(`${base(seat)}/submit`, fullScorecard(3)),
      409,
      'scoring.already_submitted',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', 'in', ['review_assignment', 'review_scorecard'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'review.no_conflict_declared',
      'review.scorecard_submitted',
    ]);
  });

  it('refuses scoring after the deadline', async () => {
    const ctx = t.systemCtx();
    const ruleSet = newId();
    await ctx.db
      .insertInto('conflict_rule_sets')
      .values({
        id: ruleSet,
        platform_id: call.platformId,
        code: `T${ruleSet.slice(-6)}`,
        version: 1,
        name_zh: '测试',
        name_en: 'Test',
        rules_json: '[]',
        created_by: null,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    await ctx.db
      .insertInto('call_review_settings')
      .values({
        call_id: call.id,
        rule_set_id: ruleSet,
        composition_json: '{}',
        load_min: 0,
        load_max: 5,
        hybrid_top_n: 10,
        response_days: 7,
        scoring_closes_at: new Date(t.clock.now().getTime() - 1000).toISOString(),
        thresholds_json: '{}',
        updated_by: null,
        updated_at: isoNow(ctx.clock),
      })
      .execute();
    await unchanged(
      () => other.post(`${base(othersSeat)}/declaration`, { noConflict: true }),
      409,
      'scoring.deadline_passed',
    );
    await ctx.db
      .updateTable('call_review_settings')
      .set({ scoring_closes_at: new Date(t.clock.now().getTime() + 86_400_000).toISOString() })
      .where('call_id', '=', call.id)
      .execute();
    expect((await other.post(`${base(othersSeat)}/declaration`, { noConflict: true })).statusCode).toBe(200);
    await ctx.db
      .updateTable('call_review_settings')
      .set({ scoring_closes_at: t.clock.now().toISOString() })
      .where('call_id', '=', call.id)
      .execute();
    await unchanged(
      () => other.post(`${base(othersSeat)}/submit`, fullScorecard(5)),
      409,
      'scoring.deadline_passed',
    );
    const view = await other.get(`${base(othersSeat)}/scorecard`);
    expect(view.json().access).toEqual({ canDeclare: false, canEdit: false });
  });
});
