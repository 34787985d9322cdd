import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildClosedCall, buildExpert, buildInReview, buildRunsScenario } from './runs.fixtures.js';

// Publishing a run's seats, the experts' answers, the officers' news of a decline, and refills (the
// scenario of runs.fixtures.ts).
let t: TestApp;
let A: string;
let officer: Client;
let call: { id: string; platformId: string };
let apps: Awaited<ReturnType<typeof buildRunsScenario>>['apps'];
let experts: Awaited<ReturnType<typeof buildRunsScenario>>['experts'];

beforeAll(async () => {
  t = await setupTestApp();
  ({ platformA: A, call, apps, experts } = await buildRunsScenario(t));
  officer = await signIn(t.app, 'rv-po');
  const settings = await officer.put(`/api/calls/${call.id}/review-settings`, {
    responseDays: 5,
    loadMax: 3,
  });
  expect(settings.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('publish, answer, refill', () => {
  let runId: string;
  it('publishing invites every seat with labels and a reply window, and starts the review', async () => {
    runId = (await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' })).json().id;
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs/${runId}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('published');
    const seats = (await officer.get(`/api/calls/${call.id}/seats`)).json();
    expect(seats.counts).toMatchObject({ invited: 8, accepted: 0 });
    for (const app of apps) {
      const labels = seats.items.filter((s: { applicationId: string }) => s.applicationId === app.id);
      expect(labels.map((s: { label: string }) => s.label).sort()).toEqual(['A', 'B']);
    }
    expect(seats.items[0].respondBy).toBe(new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString());
    const state = await t.database.db
      .selectFrom('calls')
      .select('state')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('reviewing');
    const drafts = await t.database.db
      .selectFrom('assignment_runs')
      .select('state')
      .where('call_id', '=', call.id)
      .where('state', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(0);
    const invited = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'review.invited')
      .execute();
    expect(invited).toHaveLength(8);
    expect((await officer.post(`/api/calls/${call.id}/assignment-runs/${runId}/publish`)).statusCode).toBe(
      409,
    );
    expect(
      (await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' })).statusCode,
    ).toBe(409);
  });

  it('experts answer only their own invitations, see no other reviewer, and refill keeps accepted seats', async () => {
    const seats = (await officer.get(`/api/calls/${call.id}/seats`)).json().items as {
      id: string;
      expertId: string;
      applicationId: string;
    }[];
    const seatA = seats[0]!;
    const seatB = seats.find((s) => s.expertId !== seatA.expertId)!;
    const expertA = experts.find((e) => e.id === seatA.expertId)!;
    const expertB = experts.find((e) => e.id === seatB.expertId)!;
    const a = await signIn(t.app, expertA.username!);
    const b = await signIn(t.app, expertB.username!);
    const mine = (await a.get('/api/my-reviews')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain(expertB.id);
    expect(mine[0]).not.toHaveProperty('expertName');
    expect((await b.post(`/api/review-assignments/${seatA.id}/accept`)).statusCode).toBe(404);
    expect((await a.post(`/api/review-assignments/${seatA.id}/accept`)).json().state).toBe('accepted');
    expect((await a.post(`/api/review-assignments/${seatA.id}/decline`, { reason: 'x' })).statusCode).toBe(
      409,
    );
    const declined = await b.post(`/api/review-assignments/${seatB.id}/decline`, { reason: '出差' });
    expect(declined.json().state).toBe('declined');
    // The call's program officer hears of it (with the reason and a link to refill); nobody else does.
    const news = (await officer.get('/api/me/notifications')).json().items;
    const number = apps.find((x) => x.id === seatB.applicationId)!.number;
    expect(news.filter((n: { kind: string }) => n.kind === 'review.declined')).toEqual([
      expect.objectContaining({
        link: `/review/${call.id}?tab=assignment`,
        body: expect.stringMatching(new RegExp(`申报书 ${number} 的评审席位 [A-B]。理由：出差`)),
      }),
    ]);
    for (const other of [await signIn(t.app, 'rv-pob'), b]) {
      const theirs = (await other.get('/api/me/notifications')).json().items;
      expect(theirs.some((n: { kind: string }) => n.kind === 'review.declined')).toBe(false);
    }

    const before = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', call.id)
      .execute();
    const refill = await officer.post(`/api/calls/${call.id}/refill`);
    expect(refill.statusCode).toBe(200);
    expect(refill.json()).toMatchObject({ purpose: 'refill', state: 'published', mode: 'optimal' });
    const after = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', call.id)
      .execute();
    for (const row of before) expect(after.find((r) => r.id === row.id)).toEqual(row);
    const added = after.filter((r) => !before.some((x) => x.id === r.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ application_id: seatB.applicationId, state: 'invited', label: 'C' });
    expect(added[0]!.expert_id).not.toBe(seatB.expertId);
    expect((await officer.post(`/api/calls/${call.id}/refill`)).statusCode).toBe(409);
  });

  it('after the reply window nobody can answer; refill expires the silent seats and fills them', async () => {
    const seats = (await officer.get(`/api/calls/${call.id}/seats`)).json().items as {
      id: string;
      expertId: string;
      state: string;
    }[];
    const open = seats.find((s) => s.state === 'invited')!;
    const who = experts.find((e) => e.id === open.expertId)!;
    t.clock.advance(8 * 86_400_000);
    officer = await signIn(t.app, 'rv-po');
    const late = await (await signIn(t.app, who.username!)).post(`/api/review-assignments/${open.id}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('assignment.response_window_closed');
    const accepted = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', call.id)
      .where('state', '=', 'accepted')
      .execute();
    // Two fresh experts, so the pool can fill every expired seat whatever the earlier tests used up.
    for (const [category, expertise] of [
      ['academic', 'wind turbine blade fatigue and composite materials'],
      ['industry', 'offshore wind farm operations and maintenance'],
    ] as const)
      experts.push(await buildExpert(t.systemCtx(), { category, expertise, platformId: A }));
    const silent = seats.filter((s) => s.state === 'invited');
    const refill = await officer.post(`/api/calls/${call.id}/refill`);
    expect(refill.statusCode).toBe(200);
    const after = (await officer.get(`/api/calls/${call.id}/seats`)).json().items as {
      id: string;
      applicationId: string;
      state: string;
    }[];
    for (const s of silent) expect(after.find((a) => a.id === s.id)?.state).toBe('expired');
    expect(after.filter((a) => a.state === 'invited')).toHaveLength(silent.length);
    const still = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', call.id)
      .where('state', '=', 'accepted')
      .execute();
    expect(still).toEqual(accepted);
  });
});

describe('refill in random mode', () => {
  it('draws a new recorded seed and fills only the declined seat', async () => {
    const ctx = t.systemCtx();
    const other = await buildClosedCall(ctx, { platformId: A, k: 2 });
    const app = await buildInReview(ctx, other, { title: '风电叶片检测', summary: 'wind blade inspection' });
    const run = (
      await officer.post(`/api/calls/${other.id}/assignment-runs`, { mode: 'random', seed: 11 })
    ).json();
    expect((await officer.post(`/api/calls/${other.id}/assignment-runs/${run.id}/publish`)).statusCode).toBe(
      200,
    );
    const seats = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', other.id)
      .execute();
    await t.database.db
      .updateTable('review_assignments')
      .set({ state: 'declined', decline_reason: 'busy' })
      .where('id', '=', seats[0]!.id)
      .execute();
    const refill = (await officer.post(`/api/calls/${other.id}/refill`)).json();
    expect(refill).toMatchObject({ mode: 'random', purpose: 'refill' });
    expect(typeof refill.seed).toBe('number');
    const replay = await officer.post(`/api/calls/${other.id}/assignment-runs/${refill.id}/replay`);
    expect(replay.json().identical).toBe(true);
    const after = await t.database.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('call_id', '=', other.id)
      .execute();
    expect(after).toHaveLength(3);
    expect(after.find((s) => s.id === seats[1]!.id)).toEqual(seats[1]);
    const added = after.find((s) => !seats.some((x) => x.id === s.id))!;
    expect(added).toMatchObject({ application_id: app.id, state: 'invited', label: 'C' });
    expect(added.expert_id).not.toBe(seats[0]!.expert_id);
  });
});
