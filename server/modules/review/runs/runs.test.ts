import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import { newId } from '../../../http/context.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { assign, instanceHash } from '../assignment/assign.js';
import { buildClosedCall, buildExpert, buildInReview } from './runs.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let officerB: Client;
let call: { id: string; platformId: string };
const apps: { id: string; number: string; orgId: string; ownerUsername: string }[] = [];
const experts: Awaited<ReturnType<typeof buildExpert>>[] = [];

const TEXTS = [
  ['锂电池储能系统', 'lithium battery energy storage, battery management and cell chemistry'],
  ['海上风电运维', 'offshore wind turbine maintenance, blade inspection and grid integration'],
  ['工业视觉检测', 'machine vision defect detection with deep learning in factories'],
  ['可降解塑料', 'biodegradable polymer synthesis and catalysis for packaging'],
] as const;
const PROFILES = [
  ['academic', 'battery electrochemistry, lithium cell chemistry and energy storage'],
  ['academic', 'wind energy, turbine aerodynamics, offshore wind and grid integration'],
  ['academic', 'deep learning, computer vision and machine vision inspection'],
  ['industry', 'polymer chemistry, biodegradable plastics, catalysis and packaging'],
  ['industry', 'battery management systems and energy storage products'],
  ['industry', 'industrial automation, factory inspection and vision systems'],
  ['industry', 'offshore wind farm operations and maintenance'],
] as const;

const count = async (table: 'assignment_runs' | 'review_assignments') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('call_id', '=', call.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'rv-po', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'rv-pob', roles: ['program_officer'], platformId: B });
  officer = await signIn(t.app, 'rv-po');
  officerB = await signIn(t.app, 'rv-pob');
  call = await buildClosedCall(ctx, { platformId: A, k: 2 });
  for (const [title, summary] of TEXTS) apps.push(await buildInReview(ctx, call, { title, summary }));
  for (const [category, expertise] of PROFILES)
    experts.push(await buildExpert(ctx, { category, expertise, platformId: A }));
});
afterAll(() => t.close());

describe('review settings', () => {
  it('shows the defaults, saves changes, and refuses other platforms', async () => {
    const res = await officer.get(`/api/calls/${call.id}/review-settings`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ruleSetId: DEFAULT_RULE_SET_ID,
      composition: { academic: 1, industry: 1 },
      loadMin: 0,
      loadMax: 6,
      hybridTopN: 10,
      responseDays: 7,
      reviewersPerApplication: 2,
    });
    const put = await officer.put(`/api/calls/${call.id}/review-settings`, { responseDays: 5, loadMax: 3 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ responseDays: 5, loadMax: 3 });
    expect((await officerB.get(`/api/calls/${call.id}/review-settings`)).statusCode).toBe(403);
    const bad = await officer.put(`/api/calls/${call.id}/review-settings`, { loadMin: 5, loadMax: 2 });
    expect(bad.statusCode).toBe(400);
    // A rule set that does not exist (or is another platform's) is refused, naming the field.
    const unknown = await officer.put(`/api/calls/${call.id}/review-settings`, { ruleSetId: newId() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'conflicts.rule_set_not_usable',
      errors: [{ pointer: '/ruleSetId' }],
    });
    expect((await officer.get(`/api/calls/${call.id}/review-settings`)).json().ruleSetId).toBe(
      DEFAULT_RULE_SET_ID,
    );
  });
});

describe('assignment runs', () => {
  it('an optimal run meets k and composition, records hash and timings, and replays identically', async () => {
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ mode: 'optimal', state: 'draft', purpose: 'initial', seed: null, pairs: 8 });
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(run.timings).sort()).toEqual(['affinity', 'build', 'conflicts', 'solve']);
    for (const app of apps) {
      const mine = run.assignments.filter((p: { applicationId: string }) => p.applicationId === app.id);
      expect(mine.map((p: { category: string }) => p.category).sort()).toEqual(['academic', 'industry']);
    }
    // The battery application goes to the battery experts.
    const battery = run.assignments.filter((p: { applicationId: string }) => p.applicationId === apps[0]!.id);
    expect(battery.map((p: { expertId: string }) => p.expertId).sort()).toEqual(
      [experts[0]!.id, experts[4]!.id].sort(),
    );
    const replay = await officer.post(`/api/calls/${call.id}/assignment-runs/${run.id}/replay`);
    expect(replay.json()).toMatchObject({ identical: true, inputHash: run.inputHash });
    const file = await officer.get(`/api/calls/${call.id}/assignment-runs/${run.id}/instance`);
    expect(file.statusCode).toBe(200);
    const instance = file.json();
    expect(instance).toMatchObject({ k: 2, composition: { academic: 1, industry: 1 } });
    expect(instanceHash(instance)).toBe(run.inputHash);
    expect(assign(instance, { mode: 'optimal' }).objective).toBeCloseTo(run.objective, 9);
  });

  it('a random run records its seed and replays identically; without a seed one is drawn', async () => {
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'random', seed: 42 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ seed: 42, mode: 'random', solver: expect.stringContaining('draw') });
    const replay = await officer.post(`/api/calls/${call.id}/assignment-runs/${res.json().id}/replay`);
    expect(replay.json().identical).toBe(true);
    const hybrid = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'hybrid' });
    expect(hybrid.statusCode).toBe(201);
    expect(typeof hybrid.json().seed).toBe('number');
    const list = await officer.get(`/api/calls/${call.id}/assignment-runs`);
    expect(list.json().items).toHaveLength(3);
  });

  it('an infeasible instance is a 422 naming the constraint and applications, and writes nothing', async () => {
    await officer.put(`/api/calls/${call.id}/review-settings`, { composition: { academic: 2, industry: 1 } });
    const before = await count('assignment_runs');
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('assignment.infeasible');
    expect(body.violations[0].constraint).toBe('composition');
    expect(body.violations.flatMap((v: { applications: string[] }) => v.applications).sort()).toEqual(
      apps.map((a) => a.id).sort(),
    );
    expect(await count('assignment_runs')).toBe(before);
    await officer.put(`/api/calls/${call.id}/review-settings`, { composition: { academic: 1, industry: 1 } });
  });

  it('pins are honoured in every mode, forbids avoided, and a conflicted pin is refused with its rule', async () => {
    const ctx = t.systemCtx();
    const [app0, app1] = apps;
    const pin = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app0!.id,
      expertId: experts[6]!.id,
      kind: 'pin',
      reason: '熟悉海上风电储能',
    });
    expect(pin.statusCode).toBe(201);
    const forbid = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app1!.id,
      expertId: experts[1]!.id,
      kind: 'forbid',
      reason: '近期合作',
    });
    expect(forbid.statusCode).toBe(201);
    for (const mode of ['optimal', 'random', 'hybrid'] as const) {
      const run = (await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode, seed: 7 })).json();
      const has = (e: string, a: string) =>
        run.assignments.some(
          (p: { expertId: string; applicationId: string; fixed: boolean }) =>
            p.expertId === e && p.applicationId === a,
        );
      expect(has(experts[6]!.id, app0!.id)).toBe(true);
      expect(has(experts[1]!.id, app1!.id)).toBe(false);
    }
    // An expert of the applicant's own organisation is conflicted (same_organisation); a pin is refused.
    const insider = await buildExpert(ctx, {
      category: 'academic',
      expertise: 'battery cells',
      organisationId: app0!.orgId,
    });
    const refused = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app0!.id,
      expertId: insider.id,
      kind: 'pin',
      reason: 'try',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'assignment.pair_conflicted' });
    expect(refused.json().rules[0].rule).toBe('same_organisation');
    const list = (await officer.get(`/api/calls/${call.id}/assignment-overrides`)).json().items;
    expect(list).toHaveLength(2);
    const del = await officer.delete(`/api/calls/${call.id}/assignment-overrides/${forbid.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await officer.get(`/api/calls/${call.id}/assignment-overrides`)).json().items).toHaveLength(1);
  });
});

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
